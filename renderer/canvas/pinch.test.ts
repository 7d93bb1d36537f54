import { describe, expect, it } from 'vitest';
import { MAX_SCALE } from '../state/uiStore';
import { toBoard } from './camera';
import { pinchCamera } from './pinch';

describe('pinchCamera', () => {
  const v0 = { x: 40, y: -20, scale: 0.5 };

  it('fingers spreading to twice their distance double the scale, keeping the board point between them under them', () => {
    const v = pinchCamera(v0, { x: 150, y: 370 }, { x: 250, y: 470 }, { x: 100, y: 320 }, { x: 300, y: 520 });
    expect(v.scale).toBeCloseTo(1);
    expect(toBoard(v, 200, 420)).toEqual(toBoard(v0, 200, 420));
  });

  it('both fingers sliding together pan the board with them at the same scale', () => {
    const v = pinchCamera(v0, { x: 100, y: 100 }, { x: 200, y: 100 }, { x: 130, y: 60 }, { x: 230, y: 60 });
    expect(v).toEqual({ x: 70, y: -60, scale: 0.5 });
  });

  it('stops at the largest zoom however far the fingers spread, the point between them still held', () => {
    const v = pinchCamera(v0, { x: 190, y: 400 }, { x: 200, y: 400 }, { x: 0, y: 400 }, { x: 390, y: 400 });
    expect(v.scale).toBe(MAX_SCALE);
    const held = toBoard(v, 195, 400);
    const was = toBoard(v0, 195, 400);
    expect(held.x).toBeCloseTo(was.x);
    expect(held.y).toBeCloseTo(was.y);
  });

  it('two fingers landing on the same spot do not divide by zero', () => {
    const v = pinchCamera(v0, { x: 100, y: 100 }, { x: 100, y: 100 }, { x: 90, y: 100 }, { x: 110, y: 100 });
    expect(Number.isFinite(v.scale)).toBe(true);
  });
});
