import { useRef, type PointerEvent } from 'react';

/** How far (px) a sheet is pulled down before letting go closes it. */
const CLOSE_AFTER = 60;
/** Only a press this close to the sheet's top edge (its handle and title) pulls it down: lower, a finger scrolls the sheet. */
const GRIP = 72;

/**
 * A bottom sheet pulled down by its top edge follows the finger and closes when let go far
 * enough down; let go sooner, it springs back. Pointer events, so a mouse can do it as well.
 */
export function useSwipeDown(onClose: () => void, sheetOf: (target: Element) => HTMLElement | null) {
  const drag = useRef<{ id: number; y0: number; sheet: HTMLElement } | null>(null);
  return {
    onPointerDown(e: PointerEvent) {
      const sheet = sheetOf(e.target as Element);
      if (!sheet || (e.target as Element).closest('button, input, select, textarea, a')) return;
      if (e.clientY - sheet.getBoundingClientRect().top > GRIP) return;
      drag.current = { id: e.pointerId, y0: e.clientY, sheet };
    },
    onPointerMove(e: PointerEvent) {
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      d.sheet.style.transform = `translateY(${Math.max(0, e.clientY - d.y0)}px)`;
    },
    onPointerUp(e: PointerEvent) {
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      drag.current = null;
      d.sheet.style.transform = '';
      if (e.clientY - d.y0 > CLOSE_AFTER) onClose();
    },
    onPointerCancel() {
      if (drag.current) drag.current.sheet.style.transform = '';
      drag.current = null;
    },
  };
}
