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
import { useBoard } from './boardStore';
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
  const all = elementsOf(Object.values(elements), scenarioId);
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

let cache: { elements: Record<string, BoardElement>; scenarioId: string | null; view: BoardView } | null = null;
/** One view per board snapshot and scenario, shared by the canvas and the code outside React. */
function viewOf(elements: Record<string, BoardElement>, scenarioId: string | null): BoardView {
  if (!cache || cache.elements !== elements || cache.scenarioId !== scenarioId) cache = { elements, scenarioId, view: deriveView(elements, scenarioId) };
  return cache.view;
}

/** The same view outside React (gestures, shortcuts), memoised on the store's snapshot. */
export function currentView(): BoardView {
  return viewOf(useBoard.getState().elements, useUi.getState().scenarioId);
}
