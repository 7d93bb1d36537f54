import { isCanvasElement } from '../../shared/model/board';
import { absoluteBox, computeGrid } from '../../shared/model/grid';
import { useBoard } from '../board/boardStore';
import { useUi } from '../ui/uiStore';
import { fitBox } from './camera';
import { laneHeaderWidth, stageHeaderHeight } from './theme';

/** Room kept free on the left for the toolbar, in screen px. */
const TOOLBAR_ROOM = 80;

/** The board's extent: the grid with its headers, and every card. Null on empty paper. */
export function contentBounds(): { x: number; y: number; w: number; h: number } | null {
  const all = Object.values(useBoard.getState().elements);
  const grid = computeGrid(all);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const add = (x: number, y: number, w: number, h: number) => {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x + w); y1 = Math.max(y1, y + h);
  };
  if (grid.lanes.length || grid.stages.length) {
    const w = grid.stages.reduce((s, b) => s + b.size, 0);
    const h = grid.lanes.reduce((s, b) => s + b.size, 0);
    add(grid.lanes.length ? -laneHeaderWidth : 0, grid.stages.length ? -stageHeaderHeight : 0, w + laneHeaderWidth, h + stageHeaderHeight);
  }
  for (const e of all) if (isCanvasElement(e)) { const b = absoluteBox(e, grid); add(b.x, b.y, b.w, b.h); }
  return Number.isFinite(x0) ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

export function zoomToFit(): void {
  const bounds = contentBounds();
  const { canvasSize } = useUi.getState();
  if (!bounds || canvasSize.width === 0) return;
  const v = fitBox(bounds, canvasSize.width - TOOLBAR_ROOM, canvasSize.height, 40);
  useUi.setState({ viewport: { ...v, x: v.x + TOOLBAR_ROOM } });
}
