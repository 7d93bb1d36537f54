import { contains, type Box } from '../../shared/model/geometry';
import type { Viewport } from '../state/uiStore';
import { visibleBox } from './camera';
import { LOD_SCALE } from './theme';

/** Screen px kept around the screen when a region is made: panning that far needs no new one. */
const MARGIN = 384;
/** Zoomed in this far past it (its area over the screen's), a region is made anew, smaller. */
const MAX_AREA = 6;

/**
 * The region the canvas keeps nodes for, as a string key that changes rarely. The camera
 * moves every frame; React should not: a region is kept for as long as it still holds the
 * whole screen, has not grown to more than six screens' worth (zooming in) and the level of
 * detail is the same. A new one is the screen with 384 px on every side. So panning makes
 * React re-render once per 384 px, zooming out once per ~1.4×, zooming in once per ~1.5×.
 */
export function cullKey(kept: string | null, v: Viewport, width: number, height: number): string {
  const lod = v.scale < LOD_SCALE;
  if (kept) {
    const region = parseCullKey(kept);
    const area = (region.box.w * region.box.h * v.scale * v.scale) / Math.max(1, width * height);
    if (region.lod === lod && area <= MAX_AREA && contains(region.box, visibleBox(v, width, height))) return kept;
  }
  const b = visibleBox(v, width, height, MARGIN);
  return `${Math.floor(b.x)},${Math.floor(b.y)},${Math.ceil(b.w + 1)},${Math.ceil(b.h + 1)},${lod ? 1 : 0}`;
}

export function parseCullKey(key: string): { box: Box; lod: boolean } {
  const [x, y, w, h, lod] = key.split(',').map(Number);
  return { box: { x, y, w, h }, lod: lod === 1 };
}
