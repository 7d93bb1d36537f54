import { MAX_SCALE, MIN_SCALE, type Viewport } from '../ui/uiStore';

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

/** The viewport that shows the box (board coords) centred in a w×h screen, with a margin. */
export function fitBox(box: { x: number; y: number; w: number; h: number }, w: number, h: number, margin = 60): Viewport {
  const scale = clampScale(Math.min((w - 2 * margin) / box.w, (h - 2 * margin) / box.h, 1));
  return { scale, x: (w - box.w * scale) / 2 - box.x * scale, y: (h - box.h * scale) / 2 - box.y * scale };
}
