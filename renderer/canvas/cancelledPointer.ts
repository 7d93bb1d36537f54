import Konva from 'konva';
import { cancelPointerGesture } from './gestures';

// A pointer the browser takes back in the middle of a gesture (pointercancel: a second finger
// starts a pinch, the page starts to scroll, the system takes the touch) ends that gesture where
// it is and changes nothing. Konva drags by touch events, which go on after the cancel, so left
// alone a pinch begun on a lane header would still end in a move for everyone.

const cancelled = new WeakSet<Konva.Node>();

/**
 * True (once) when this node's drag or transform was cancelled: its end handler then puts the
 * node back where its record says and dispatches nothing.
 */
export function endedByCancel(node: Konva.Node): boolean {
  return cancelled.delete(node);
}

/** End every gesture in progress as cancelled: Konva's drags and transforms, and the gestures' own draft or pan. */
export function cancelGestures(): void {
  cancelPointerGesture();
  for (const [key, { node, dragStatus }] of Konva.DD._dragElements) {
    if (dragStatus === 'dragging') {
      cancelled.add(node);
      node.stopDrag();
    } else {
      // Pressed but not moved yet: the touches that go on after the cancel must not start it.
      Konva.DD._dragElements.delete(key);
    }
  }
  for (const stage of Konva.stages) {
    for (const tr of stage.find<Konva.Transformer>('Transformer')) {
      if (!tr.isTransforming()) continue;
      cancelled.add(tr);
      tr.stopTransform();
    }
  }
}

/** Listen for cancelled pointers anywhere in the window while the board is shown. */
export function listenForCancelledPointers(): () => void {
  window.addEventListener('pointercancel', cancelGestures, true);
  return () => window.removeEventListener('pointercancel', cancelGestures, true);
}
