import { useMemo } from 'react';
import { isCanvasElement, type BoardElement } from '../../shared/model/board';
import type { Connector } from '../../shared/model/connector';
import type { Frame } from '../../shared/model/frame';
import type { Note } from '../../shared/model/note';
import type { Step } from '../../shared/model/step';
import type { Text } from '../../shared/model/text';
import { absoluteBox, computeGrid, type Grid } from '../../shared/model/grid';
import type { Box } from '../../shared/model/geometry';
import type { Line } from '../../shared/model/line';
import { compareOrder } from '../../shared/model/order';
import { elementsOf } from '../../shared/model/scenarioSteps';
import { elementList, useBoard } from './boardStore';
import { useUi } from './uiStore';

/** The board as the canvas draws it: derived once per change of the board store, shared by every layer. */
export interface BoardView {
  grid: Grid;
  /** steps, notes and text, in z-order */
  cards: (Step | Note | Text)[];
  frames: Frame[];
  connectors: Connector[];
  lines: Line[];
  /** absolute box of every canvas element by id */
  boxes: Map<string, Box>;
  elements: Record<string, BoardElement>;
}

/**
 * `scenarioId` is the scenario picked in the header: the steps that exist only in another
 * to-be (and their arrows) are not on this map, so they are not drawn, hit, selected or framed.
 */
function deriveView(elements: Record<string, BoardElement>, scenarioId: string | null): BoardView {
  const all = elementsOf(elementList(elements).all, scenarioId);
  const grid = computeGrid(all);
  const canvas = all.filter(isCanvasElement).sort(compareOrder);
  const boxes = new Map<string, Box>();
  for (const e of canvas) boxes.set(e.id, absoluteBox(e, grid));
  return {
    grid,
    cards: canvas.filter((e): e is Step | Note | Text => e.kind !== 'frame'),
    frames: canvas.filter((e): e is Frame => e.kind === 'frame'),
    connectors: all.filter((e): e is Connector => e.kind === 'connector').sort(compareOrder),
    lines: all.filter((e): e is Line => e.kind === 'line').sort(compareOrder),
    boxes,
    elements,
  };
}

export function useBoardView(): BoardView {
  const elements = useBoard((s) => s.elements);
  const scenarioId = useUi((s) => s.scenarioId);
  return useMemo(() => viewOf(elements, scenarioId), [elements, scenarioId]);
}

/** What places a card on the board and in the z-order, and which map it is on: the fields deriveView reads. */
const placing = ['kind', 'order', 'x', 'y', 'w', 'h', 'laneId', 'stageId', 'scenarioId'] as const;

let lastPair: { before: Record<string, BoardElement>; after: Record<string, BoardElement>; kept: boolean } | null = null;

/**
 * Whether the only change from one snapshot to the next is to cards that stay where they were (a
 * paste of figures in the ledger, a title, a colour): no card moved, added or removed, no lane,
 * stage, frame, connector or line changed. Then the grid, the z-order, the boxes and the ledger's
 * row order stay as they were, and 10,000 cards need not be sorted and placed again.
 */
export function placesKept(before: Record<string, BoardElement>, after: Record<string, BoardElement>): boolean {
  if (lastPair?.before === before && lastPair.after === after) return lastPair.kept;
  let kept = true;
  let count = 0;
  for (const id in after) {
    count++;
    const e = after[id];
    const b = before[id];
    if (e === b) continue;
    if (!b || (e.kind !== 'step' && e.kind !== 'note' && e.kind !== 'text') || placing.some((k) => (e as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k])) {
      kept = false;
      break;
    }
  }
  if (kept && count !== Object.keys(before).length) kept = false;
  lastPair = { before, after, kept };
  return kept;
}

/** The last view with its cards' records swapped for the new ones, when their places are kept. */
function restyled(prev: BoardView, elements: Record<string, BoardElement>): BoardView | null {
  if (!placesKept(prev.elements, elements)) return null;
  return { ...prev, cards: prev.cards.map((c) => elements[c.id] as Step | Note | Text), elements };
}

let cache: { elements: Record<string, BoardElement>; scenarioId: string | null; view: BoardView } | null = null;
/** One view per board snapshot and scenario, shared by the canvas and the code outside React. */
function viewOf(elements: Record<string, BoardElement>, scenarioId: string | null): BoardView {
  if (cache && cache.elements === elements && cache.scenarioId === scenarioId) return cache.view;
  const view = (cache?.scenarioId === scenarioId && restyled(cache.view, elements)) || deriveView(elements, scenarioId);
  cache = { elements, scenarioId, view };
  return view;
}

/** The same view outside React (gestures, shortcuts), memoised on the store's snapshot. */
export function currentView(): BoardView {
  return viewOf(useBoard.getState().elements, useUi.getState().scenarioId);
}
