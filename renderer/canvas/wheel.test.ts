import { describe, expect, it } from 'vitest';
import { wheelCamera } from './wheel';

const v = { x: 0, y: 0, scale: 1 };
const ev = (deltaX: number, deltaY: number, more: Partial<{ deltaMode: number; ctrlKey: boolean; shiftKey: boolean }> = {}) => ({
  deltaX,
  deltaY,
  deltaMode: 0,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...more,
});

describe('the mouse wheel and the trackpad', () => {
  it('a mouse wheel notch zooms 20 % around the pointer; a trackpad scroll pans', () => {
    const out = wheelCamera(v, ev(0, 100), 'auto', 400, 300);
    expect(out.scale).toBeCloseTo(1 / 1.2);
    // The board point under the pointer stays under it.
    expect((400 - out.x) / out.scale).toBeCloseTo(400);
    expect(wheelCamera(v, ev(0, -120), 'auto', 0, 0).scale).toBeCloseTo(1.2);
    expect(wheelCamera(v, ev(0, 1, { deltaMode: 1 }), 'auto', 0, 0).scale).toBeCloseTo(1 / 1.2);
    expect(wheelCamera(v, ev(3.5, 12.25), 'auto', 0, 0)).toEqual({ x: -3.5, y: -12.25, scale: 1 });
  });

  it('a pinch always zooms; Shift+wheel pans sideways; the user can make the wheel always pan or always zoom', () => {
    expect(wheelCamera(v, ev(0, 10, { ctrlKey: true }), 'pan', 0, 0).scale).toBeCloseTo(Math.exp(-0.1));
    expect(wheelCamera(v, ev(0, 100, { shiftKey: true }), 'auto', 0, 0)).toEqual({ x: -100, y: 0, scale: 1 });
    expect(wheelCamera(v, ev(0, 100), 'pan', 0, 0)).toEqual({ x: 0, y: -100, scale: 1 });
    expect(wheelCamera(v, ev(0, 4), 'zoom', 0, 0).scale).toBeCloseTo(Math.exp(-0.04));
  });
});
