import type Konva from 'konva';
import { useUi, type Viewport } from '../state/uiStore';
import { cancelGestures } from './cancelledPointer';
import { onDoubleClick, onPointerDown, onPointerMove, onPointerUp, openMenuAt } from './gestures';
import { pinchCamera } from './pinch';

// Fingers on the board. The mouse and a pen reach gestures.ts by mouse events, as they always
// have; a finger's pointer events come here (the browser sends a finger no mouse events before
// it lifts, and none at all on a card), and on to the same gestures. A finger held still opens the right-click menu; a second finger ends
// whatever the first began (nothing moves, as when the browser cancels it) and pinches: the
// board zooms and pans with both. The board's canvas takes every touch for itself
// (`touch-action: none`), so the browser neither scrolls nor zooms the page under it.

type PointerEv = Konva.KonvaEventObject<PointerEvent>;
type Point = { x: number; y: number };

/** How long a finger is held still before the menu opens, as on a phone's own long press. */
const LONG_PRESS_MS = 500;
/** A finger moving more than this (screen px) is no longer held still. */
const STILL = 8;

/** The fingers on the board now, by pointer id, where they are on the stage. */
const down = new Map<number, Point>();
/** The pinch in progress: the two fingers, where they landed and the camera then. */
let pinch: { a: number; b: number; a0: Point; b0: Point; v0: Viewport } | null = null;
/** Set by a pinch or a long press: the fingers still down do nothing more until all are lifted. */
let spent = false;
let hold: { timer: ReturnType<typeof setTimeout>; at: Point } | null = null;

function stopHold(): void {
  if (hold) clearTimeout(hold.timer);
  hold = null;
}

function stagePoint(ev: PointerEv): Point | null {
  const stage = ev.target.getStage();
  if (!stage) return null;
  const r = stage.container().getBoundingClientRect();
  return { x: ev.evt.clientX - r.left, y: ev.evt.clientY - r.top };
}

const isFinger = (ev: PointerEv) => ev.evt.pointerType === 'touch';

export function onBoardPointerDown(ev: PointerEv): void {
  if (!isFinger(ev)) return;
  const p = stagePoint(ev);
  if (!p) return;
  down.set(ev.evt.pointerId, p);
  if (spent) return;
  if (down.size === 1) {
    onPointerDown(ev);
    const target = ev.target;
    stopHold();
    // A finger held on a resize handle is a resize about to start (a slow phone may take half a
    // second to send its first move): no menu, and the selection it resizes stays.
    if (target.hasName('_anchor')) return;
    hold = {
      at: p,
      timer: setTimeout(() => {
        hold = null;
        spent = true;
        cancelGestures();
        openMenuAt(target, p);
      }, LONG_PRESS_MS),
    };
    return;
  }
  // A second finger: what the first began ends where it began, and the two pinch.
  stopHold();
  cancelGestures();
  spent = true;
  const [[a, a0], [b, b0]] = [...down];
  pinch = { a, b, a0, b0, v0: useUi.getState().viewport };
  useUi.setState({ following: null });
}

export function onBoardPointerMove(ev: PointerEv): void {
  if (!isFinger(ev)) return;
  const p = stagePoint(ev);
  if (!p || !down.has(ev.evt.pointerId)) return;
  down.set(ev.evt.pointerId, p);
  if (hold && Math.hypot(p.x - hold.at.x, p.y - hold.at.y) > STILL) stopHold();
  if (pinch) {
    const a = down.get(pinch.a);
    const b = down.get(pinch.b);
    if (a && b) useUi.setState({ viewport: pinchCamera(pinch.v0, pinch.a0, pinch.b0, a, b) });
    return;
  }
  if (!spent) onPointerMove(ev);
}

export function onBoardPointerUp(ev: PointerEv): void {
  if (!isFinger(ev)) return;
  const was = down.delete(ev.evt.pointerId);
  stopHold();
  if (pinch && (ev.evt.pointerId === pinch.a || ev.evt.pointerId === pinch.b)) pinch = null;
  if (!spent && was) onPointerUp(ev);
  if (down.size === 0) spent = false;
}

/** Konva counts two quick lifts as a double click, also the two fingers of a pinch: those are not. */
export function onBoardDoubleClick(ev: PointerEv): void {
  if (!isFinger(ev) || spent || down.size > 0) return;
  onDoubleClick(ev);
}

/** The browser took a pointer back (cancelledPointer.ts ends the gestures): a cancelled finger is off the board. */
export function forgetFinger(e: PointerEvent): void {
  if (e.pointerType !== 'touch') return;
  down.delete(e.pointerId);
  stopHold();
  if (pinch && (e.pointerId === pinch.a || e.pointerId === pinch.b)) pinch = null;
  if (down.size === 0) spent = false;
}
