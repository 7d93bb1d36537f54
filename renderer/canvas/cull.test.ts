import { describe, expect, it } from 'vitest';
import { contains } from '../../shared/model/geometry';
import { panBy, visibleBox, zoomAt } from './camera';
import { cullKey, parseCullKey } from './cull';

const W = 1600;
const H = 900;

/** Moves the camera step by step; returns how many times the region changed and checks it always held the screen. */
type View = { x: number; y: number; scale: number };
function walk(steps: number, move: (v: View, i: number) => View, check?: (key: string, v: View) => void) {
  let v = { x: 0, y: 0, scale: 1 };
  let key = cullKey(null, v, W, H);
  let changes = 0;
  for (let i = 0; i < steps; i++) {
    v = move(v, i);
    const next = cullKey(key, v, W, H);
    if (next !== key) changes++;
    key = next;
    expect(contains(parseCullKey(key).box, visibleBox(v, W, H))).toBe(true);
    check?.(key, v);
  }
  return { changes };
}

describe('the culled region', () => {
  it('is the screen and a margin, and is kept while the screen stays inside it', () => {
    const key = cullKey(null, { x: 0, y: 0, scale: 1 }, W, H);
    const { box, lod } = parseCullKey(key);
    expect(lod).toBe(false);
    expect(contains(box, visibleBox({ x: 0, y: 0, scale: 1 }, W, H, 300))).toBe(true);
    expect(cullKey(key, { x: -100, y: 50, scale: 1 }, W, H)).toBe(key);
  });

  it('changes once per few hundred px of panning, not every frame', () => {
    // 2,400 px in 20 px frames.
    const { changes } = walk(120, (v) => panBy(v, -20, 0));
    expect(changes).toBeGreaterThanOrEqual(4);
    expect(changes).toBeLessThanOrEqual(8);
  });

  it('changes a few times over a zoom from 100 % to 10 % and back, and draws far out below 50 %', () => {
    let lodSeen = false;
    const { changes } = walk(
      120,
      (v, i) => {
        return zoomAt(v, i < 60 ? 0.962 : 1 / 0.962, 800, 450);
      },
      (key, v) => {
        expect(parseCullKey(key).lod).toBe(v.scale < 0.5);
        lodSeen ||= parseCullKey(key).lod;
      },
    );
    expect(lodSeen).toBe(true);
    // A region per zoom step of 1.25× (the earlier rule) would be ≥ 20 changes.
    expect(changes).toBeLessThanOrEqual(14);
  });

  it('is made anew, smaller, once zoomed in far past it', () => {
    const far = cullKey(null, { x: 0, y: 0, scale: 0.6 }, W, H);
    const near = cullKey(far, zoomAt({ x: 0, y: 0, scale: 0.6 }, 2, 800, 450), W, H);
    expect(near).not.toBe(far);
    expect(parseCullKey(near).box.w).toBeLessThan(parseCullKey(far).box.w);
  });
});
