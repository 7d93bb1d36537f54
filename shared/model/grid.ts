import { isCanvasElement, isCard, type BoardElement, type CanvasElement } from './board.js';
import type { Lane } from './lane.js';
import type { Line } from './line.js';
import { compareOrder } from './order.js';
import type { Stage } from './stage.js';

/**
 * The map's grid: lanes stacked top to bottom from y = 0, stages left to right from x = 0,
 * each band as large as its `size`. Lane headers are drawn left of x = 0, stage headers
 * above y = 0.
 *
 * A card in a lane stores its y relative to the lane's top; a card in a stage stores its x
 * relative to the stage's left edge. So reordering or resizing a lane or stage moves its
 * cards with it without rewriting them — also when someone else moves a card meanwhile.
 */
export interface Band {
  id: string;
  name: string;
  start: number;
  size: number;
}
export interface Grid {
  lanes: Band[];
  stages: Band[];
  laneById: Map<string, Band>;
  stageById: Map<string, Band>;
}

function bands(items: (Lane | Stage)[]): Band[] {
  let start = 0;
  return [...items].sort(compareOrder).map((b) => {
    const band = { id: b.id, name: b.name, start, size: b.size };
    start += b.size;
    return band;
  });
}

export function computeGrid(elements: Iterable<BoardElement>): Grid {
  const lanes: Lane[] = [];
  const stages: Stage[] = [];
  for (const e of elements) {
    if (e.kind === 'lane') lanes.push(e);
    else if (e.kind === 'stage') stages.push(e);
  }
  const l = bands(lanes);
  const s = bands(stages);
  return { lanes: l, stages: s, laneById: new Map(l.map((b) => [b.id, b])), stageById: new Map(s.map((b) => [b.id, b])) };
}

function bandAt(list: Band[], v: number): Band | null {
  for (const b of list) if (v >= b.start && v < b.start + b.size) return b;
  return null;
}

/** The element's box in board coordinates. */
export function absoluteBox(e: CanvasElement, grid: Grid): { x: number; y: number; w: number; h: number } {
  const laneId = 'laneId' in e ? e.laneId : null;
  const stageId = 'stageId' in e ? e.stageId : null;
  const ox = stageId ? (grid.stageById.get(stageId)?.start ?? 0) : 0;
  const oy = laneId ? (grid.laneById.get(laneId)?.start ?? 0) : 0;
  return { x: ox + e.x, y: oy + e.y, w: e.w, h: e.h };
}

/**
 * Where a card whose top-left corner goes to (x, y) belongs: the cell under its centre, and
 * its position stored relative to that cell.
 */
export function placeCard(grid: Grid, x: number, y: number, w: number, h: number): { x: number; y: number; laneId: string | null; stageId: string | null } {
  const lane = bandAt(grid.lanes, y + h / 2);
  const stage = bandAt(grid.stages, x + w / 2);
  return {
    x: stage ? x - stage.start : x,
    y: lane ? y - lane.start : y,
    laneId: lane?.id ?? null,
    stageId: stage?.id ?? null,
  };
}

/** The y of a board-wide line: the bottom edge of its lane, or its own y. */
export function lineY(line: Line, grid: Grid): number {
  const lane = line.afterLaneId ? grid.laneById.get(line.afterLaneId) : undefined;
  return lane ? lane.start + lane.size : line.y;
}

/** The grid's extent: width of all stages, height of all lanes. */
export function gridSize(grid: Grid): { w: number; h: number } {
  const last = (l: Band[]) => (l.length ? l[l.length - 1].start + l[l.length - 1].size : 0);
  return { w: last(grid.stages), h: last(grid.lanes) };
}

/** Where an element's stored position would be for an absolute top-left (x, y): cards re-home, others stay absolute. */
export function placeElement(e: CanvasElement, grid: Grid, x: number, y: number) {
  if (isCard(e)) return placeCard(grid, x, y, e.w, e.h);
  return { x, y };
}

/** The canvas elements lying wholly inside a frame: what locking, exporting or voting on the frame covers. */
export function insideFrame(frame: CanvasElement, elements: Iterable<BoardElement>, grid: Grid): string[] {
  const outer = absoluteBox(frame, grid);
  const out: string[] = [];
  for (const e of elements) {
    if (e.id === frame.id || !isCanvasElement(e)) continue;
    const b = absoluteBox(e, grid);
    if (b.x >= outer.x && b.y >= outer.y && b.x + b.w <= outer.x + outer.w && b.y + b.h <= outer.y + outer.h) out.push(e.id);
  }
  return out;
}
