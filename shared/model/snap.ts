import type { Box } from './geometry.js';
import type { Grid } from './grid.js';

const SNAP_GRID = 10;

export interface Snapped {
  x: number;
  y: number;
  /** board coordinates of the band edges the box snapped to, for guides */
  guideX: number | null;
  guideY: number | null;
}

/**
 * Snap a box being dragged: its edges to lane/stage edges within `threshold` board units
 * (inset by `margin` so a card sits inside its cell), else its corner to a 10-unit grid.
 */
export function snapBox(box: Box, grid: Grid, threshold: number, margin = 10): Snapped {
  const xs = grid.stages.flatMap((s) => [s.start, s.start + s.size]);
  const ys = grid.lanes.flatMap((l) => [l.start, l.start + l.size]);
  const best = (edges: number[], lo: number, size: number) => {
    let out: { pos: number; guide: number } | null = null;
    let dist = threshold;
    for (const e of edges) {
      for (const [pos, d] of [
        [e + margin, Math.abs(lo - (e + margin))],
        [e - margin - size, Math.abs(lo + size - (e - margin))],
      ]) {
        if (d < dist) {
          dist = d;
          out = { pos, guide: e };
        }
      }
    }
    return out;
  };
  const sx = best(xs, box.x, box.w);
  const sy = best(ys, box.y, box.h);
  return {
    x: sx ? sx.pos : Math.round(box.x / SNAP_GRID) * SNAP_GRID,
    y: sy ? sy.pos : Math.round(box.y / SNAP_GRID) * SNAP_GRID,
    guideX: sx?.guide ?? null,
    guideY: sy?.guide ?? null,
  };
}
