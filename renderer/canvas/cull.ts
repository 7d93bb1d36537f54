import type { Box } from '../../shared/model/geometry';
import type { Viewport } from '../ui/uiStore';
import { LOD_SCALE } from './theme';

/**
 * The region the canvas keeps nodes for, as a string key that changes rarely. The camera
 * moves every frame; React should not. So the scale is rounded down to a step of 1.25× (the
 * region is then at least as large as the screen) and the origin to a 256-screen-px grid, and
 * the region is grown by a margin of one grid step on every side. Panning re-renders React
 * once per 256 px, zooming once per 25 %.
 */
export function cullKey(v: Viewport, width: number, height: number): string {
  const bucket = Math.pow(1.25, Math.floor(Math.log(v.scale) / Math.log(1.25)));
  const q = 256 / bucket;
  const x0 = Math.floor(-v.x / v.scale / q) * q - q;
  const y0 = Math.floor(-v.y / v.scale / q) * q - q;
  const w = width / bucket + 3 * q;
  const h = height / bucket + 3 * q;
  return `${Math.round(x0)},${Math.round(y0)},${Math.round(w)},${Math.round(h)},${v.scale < LOD_SCALE ? 1 : 0}`;
}

export function parseCullKey(key: string): { box: Box; lod: boolean } {
  const [x, y, w, h, lod] = key.split(',').map(Number);
  return { box: { x, y, w, h }, lod: lod === 1 };
}
