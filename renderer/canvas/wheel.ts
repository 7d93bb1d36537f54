import type { Viewport } from '../state/uiStore';
import type { WheelMode } from '../state/wheelMode';
import { panBy, zoomAt } from './camera';

interface WheelInput {
  deltaX: number;
  deltaY: number;
  deltaMode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * A mouse wheel turns in notches: whole lines, or ≥ 50 px straight up or down at a time. A
 * trackpad scrolls in small, often fractional steps, and sideways too.
 */
function isNotch(e: WheelInput): boolean {
  return e.deltaMode !== 0 || (e.deltaX === 0 && Number.isInteger(e.deltaY) && Math.abs(e.deltaY) >= 50);
}

/**
 * The camera after a wheel event at screen point (cx, cy). A pinch (ctrl+wheel) always zooms
 * around the pointer, Shift+wheel always pans sideways; otherwise a mouse wheel zooms and a
 * trackpad pans — as the user set it, or told apart by the events ('auto').
 */
export function wheelCamera(v: Viewport, e: WheelInput, mode: WheelMode, cx: number, cy: number): Viewport {
  const notch = isNotch(e);
  const zoom = e.ctrlKey || e.metaKey || (!e.shiftKey && (mode === 'zoom' || (mode === 'auto' && notch)));
  if (zoom) {
    // One notch is 20 %; a pinch zooms with the fingers.
    const factor = notch ? Math.pow(1.2, -Math.sign(e.deltaY)) : Math.exp(-e.deltaY * 0.01);
    return zoomAt(v, factor, cx, cy);
  }
  const lines = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 600 : 1;
  const dx = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX;
  const dy = e.shiftKey && e.deltaX === 0 ? 0 : e.deltaY;
  return panBy(v, -dx * lines, -dy * lines);
}
