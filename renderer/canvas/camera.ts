import type { Box } from '../../shared/model/geometry';
import { MAX_SCALE, MIN_SCALE, type Viewport } from '../state/uiStore';

export function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

/** Zoom by `factor` keeping the board point under screen point (cx, cy) where it is. */
export function zoomAt(v: Viewport, factor: number, cx: number, cy: number): Viewport {
  const scale = clampScale(v.scale * factor);
  const bx = (cx - v.x) / v.scale;
  const by = (cy - v.y) / v.scale;
  return { scale, x: cx - bx * scale, y: cy - by * scale };
}

export function panBy(v: Viewport, dx: number, dy: number): Viewport {
  return { ...v, x: v.x + dx, y: v.y + dy };
}

export function toBoard(v: Viewport, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - v.x) / v.scale, y: (sy - v.y) / v.scale };
}

export function toScreen(v: Viewport, bx: number, by: number): { x: number; y: number } {
  return { x: v.x + bx * v.scale, y: v.y + by * v.scale };
}

/** The board region a w×h screen shows, grown by `margin` screen px on every side. */
export function visibleBox(v: Viewport, w: number, h: number, margin = 0): Box {
  return { x: (-v.x - margin) / v.scale, y: (-v.y - margin) / v.scale, w: (w + 2 * margin) / v.scale, h: (h + 2 * margin) / v.scale };
}

/** The viewport that shows the box (board coords) centred in a w×h screen, with a margin. */
export function fitBox(box: Box, w: number, h: number, margin = 60, maxScale = 1): Viewport {
  const scale = clampScale(Math.min((w - 2 * margin) / Math.max(box.w, 1), (h - 2 * margin) / Math.max(box.h, 1), maxScale));
  return { scale, x: (w - box.w * scale) / 2 - box.x * scale, y: (h - box.h * scale) / 2 - box.y * scale };
}
