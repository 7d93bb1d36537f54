import type { Viewport } from '../state/uiStore';
import { clampScale } from './camera';

type Point = { x: number; y: number };

/**
 * The camera while two fingers pinch: they landed at a0 and b0 on a board seen through v0 and
 * are now at a and b. The board scales by how far apart they are now against then, and the
 * board point that was between them stays between them, so the view also follows both fingers
 * sliding together.
 */
export function pinchCamera(v0: Viewport, a0: Point, b0: Point, a: Point, b: Point): Viewport {
  const d0 = Math.max(1, Math.hypot(b0.x - a0.x, b0.y - a0.y));
  const d = Math.hypot(b.x - a.x, b.y - a.y);
  const scale = clampScale((v0.scale * d) / d0);
  const mid0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const bx = (mid0.x - v0.x) / v0.scale;
  const by = (mid0.y - v0.y) / v0.scale;
  return { scale, x: mid.x - bx * scale, y: mid.y - by * scale };
}
