import { unionBox, type Box } from '../../shared/model/geometry';
import { gridSize } from '../../shared/model/grid';
import { currentView, type BoardView } from '../state/boardView';
import { useBoard } from '../state/boardStore';
import { boardHasTimes, ladderBox } from './ladderGeometry';
import { useUi, type Viewport } from '../state/uiStore';
import { fitBox, zoomAt } from './camera';
import { usePhoneLayout } from '../state/phoneLayout';
import { laneHeaderWidth, stageHeaderHeight } from './theme';

/** Room kept free on the left for the toolbar, in screen px. */
export const TOOLBAR_ROOM = 80;

// Keyed on the view's grid and boxes, not the view: an edit that moves nothing (a figure, a title) keeps them.
let bounds: { grid: BoardView['grid']; boxes: BoardView['boxes']; withLadder: boolean; bigScreen: boolean; box: Box | null } | null = null;

/** The board's extent: the grid with its headers, the timeline ladder when shown, and every element. Null on empty paper. Memoised per board snapshot. */
export function contentBounds(): Box | null {
  const view = currentView();
  const { ladder, bigScreen } = useUi.getState();
  const withLadder = ladder && boardHasTimes(view.elements, useBoard.getState().scenarios);
  if (bounds?.grid === view.grid && bounds.boxes === view.boxes && bounds.withLadder === withLadder && bounds.bigScreen === bigScreen) return bounds.box;
  bounds = { grid: view.grid, boxes: view.boxes, withLadder, bigScreen, box: computeBounds(view, withLadder, bigScreen) };
  return bounds.box;
}

function computeBounds(view: BoardView, withLadder: boolean, bigScreen: boolean): Box | null {
  const boxes: Box[] = [...view.boxes.values()];
  if (withLadder) boxes.push(ladderBox(view.grid, bigScreen));
  if (view.grid.lanes.length || view.grid.stages.length) {
    const { w, h } = gridSize(view.grid);
    const left = view.grid.lanes.length ? laneHeaderWidth : 0;
    const top = view.grid.stages.length ? stageHeaderHeight : 0;
    boxes.push({ x: -left, y: -top, w: w + left, h: h + top });
  }
  return unionBox(boxes);
}

/** The overlays standing on the canvas's bottom corners (the zoom bar, the minimap), in canvas px. */
function cornerOverlays(): { left: number; top: number }[] {
  const canvas = typeof document === 'undefined' ? null : document.querySelector('[data-testid="board-canvas"]');
  if (!canvas) return [];
  const c = canvas.getBoundingClientRect();
  return [...document.querySelectorAll('.zoom-controls, .minimap')]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ left: r.left - c.left, top: r.top - c.top }));
}

/** The view a fit settles on, and the canvas area it fitted into (canvas px, the toolbar's room left out). */
interface Fit {
  view: Viewport;
  area: { w: number; h: number };
  room: number;
}

/**
 * Fit a board box beside the toolbar and clear of the zoom bar and the minimap: either above
 * all of them, or left of the minimap and above the zoom bar, whichever shows the box larger
 * (the ladder's totals sit in the bottom-right corner, where the minimap is). A phone has no
 * toolbar on the left (its tools are in the bottom bar), so it keeps no room for one.
 */
function fit(box: Box | null, maxScale = 1): Fit | null {
  const { canvasSize } = useUi.getState();
  if (!box || canvasSize.width === 0) return null;
  const room = usePhoneLayout.getState().phone ? 0 : TOOLBAR_ROOM;
  const { width, height } = canvasSize;
  const overlays = cornerOverlays();
  const onRight = overlays.filter((o) => o.left > width / 2);
  const onLeft = overlays.filter((o) => o.left <= width / 2);
  const areas = [{ w: width, h: Math.min(height, ...overlays.map((o) => o.top)) }];
  if (onRight.length) areas.push({ w: Math.min(...onRight.map((o) => o.left)), h: Math.min(height, ...onLeft.map((o) => o.top)) });
  const fits = areas.map((a) => ({ view: fitBox(box, a.w - room, a.h, 40, maxScale), area: { w: a.w - room, h: a.h }, room }));
  const best = fits.reduce((b, f) => (f.view.scale > b.view.scale ? f : b));
  return { ...best, view: { ...best.view, x: best.view.x + best.room } };
}

function frame(box: Box | null, maxScale = 1): void {
  const f = fit(box, maxScale);
  if (f) useUi.setState({ following: null, viewport: f.view });
}

export function zoomToFit(): void {
  frame(contentBounds());
}

/**
 * Below this scale a card's title is too small to read (about 5 px): a wide map fitted whole into
 * a phone's width opens at 14 %, a row of grey boxes.
 */
const READABLE_SCALE = 0.45;
/** A canvas narrower than this (in CSS px) is a phone's or a squeezed window's. */
const NARROW_CANVAS = 700;

/**
 * The view a board opens at: the whole board when it can be read that way, or on a wide screen;
 * else (a wide map on a narrow screen) readable, starting from its left edge — the lane names and the first stages —
 * as tall as fits, for the person to pan along. Zoom to fit still shows it all when asked.
 */
export function openingView(): void {
  const box = contentBounds();
  const f = fit(box);
  if (!f || !box) return;
  // A laptop or a projector opens on the whole map, the overview a facilitator starts from.
  if (f.view.scale >= READABLE_SCALE || useUi.getState().canvasSize.width >= NARROW_CANVAS) return void useUi.setState({ following: null, viewport: f.view });
  const margin = 24;
  const scale = Math.min(1, Math.max(READABLE_SCALE, (f.area.h - 2 * margin) / Math.max(box.h, 1)));
  const tall = box.h * scale > f.area.h - 2 * margin;
  const y = tall ? margin - box.y * scale : (f.area.h - box.h * scale) / 2 - box.y * scale;
  useUi.setState({ following: null, viewport: { scale, x: f.room + margin - box.x * scale, y } });
}

function selectionBox(): Box | null {
  const view = currentView();
  return unionBox(
    useUi
      .getState()
      .selection.map((id) => view.boxes.get(id))
      .filter((b): b is Box => !!b),
  );
}

export function zoomToSelection(): void {
  frame(selectionBox(), 2);
}

/** Bring the whole selection into view, zooming out if need be but never in (a pasted block that ran off the screen). */
export function zoomOutToSelection(): void {
  frame(selectionBox(), useUi.getState().viewport.scale);
}

/** Zoom about the centre of the canvas. */
export function zoomBy(factor: number): void {
  const { viewport, canvasSize } = useUi.getState();
  useUi.setState({ following: null, viewport: zoomAt(viewport, factor, canvasSize.width / 2, canvasSize.height / 2) });
}

export function zoomTo100(): void {
  const { viewport } = useUi.getState();
  zoomBy(1 / viewport.scale);
}

/**
 * Frame to frame: fit the next (or previous) frame in reading order — what a presenter steps
 * through, and followers see it with them. Starts from the frame nearest the view's centre.
 */
export function stepFrame(dir: 1 | -1): void {
  const view = currentView();
  const frames = [...view.frames].map((f) => view.boxes.get(f.id)!).sort((a, b) => a.y - b.y || a.x - b.x);
  if (frames.length === 0) return;
  const { viewport: v, canvasSize: c } = useUi.getState();
  const cx = (c.width / 2 - v.x) / v.scale;
  const cy = (c.height / 2 - v.y) / v.scale;
  const centred = frames.findIndex((b) => Math.abs(b.x + b.w / 2 - cx) < 2 && Math.abs(b.y + b.h / 2 - cy) < 2);
  let next: number;
  if (centred >= 0) next = (centred + dir + frames.length) % frames.length;
  else {
    const dist = frames.map((b) => Math.hypot(b.x + b.w / 2 - cx, b.y + b.h / 2 - cy));
    next = dist.indexOf(Math.min(...dist));
  }
  const b = frames[next];
  const { canvasSize } = useUi.getState();
  // Centred on the canvas (not beside the toolbar), so the next step recognises where it is.
  const s = Math.min(4, (canvasSize.width - 80) / b.w, (canvasSize.height - 80) / b.h);
  useUi.setState({ following: null, viewport: { scale: s, x: canvasSize.width / 2 - (b.x + b.w / 2) * s, y: canvasSize.height / 2 - (b.y + b.h / 2) * s } });
}

/** Pan (never zoom) just enough that a board box is on screen with a margin: a new card made off the edge. */
export function bringIntoView(box: Box, margin = 60): void {
  const { viewport: v, canvasSize: c } = useUi.getState();
  const shift = (start: number, size: number, low: number, high: number) => {
    if (start + size > high) return Math.max(high - (start + size), low - start);
    return start < low ? low - start : 0;
  };
  const dx = shift(v.x + box.x * v.scale, box.w * v.scale, TOOLBAR_ROOM + margin, c.width - margin);
  const dy = shift(v.y + box.y * v.scale, box.h * v.scale, margin, c.height - margin);
  if (dx || dy) useUi.setState({ following: null, viewport: { ...v, x: v.x + dx, y: v.y + dy } });
}
