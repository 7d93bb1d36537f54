import { useEffect, useRef, type KeyboardEvent } from 'react';
import { focusBoard } from '../canvas/boardFocus';

const focusable = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A dialog as a keyboard and a screen reader expect it: the focus moves into it when it opens
 * and goes back where it came from when it closes (the board, if that is gone); Escape closes
 * it; Tab stays inside it while it is open. Spread the result on the dialog's root.
 */
export function useDialog(onClose: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    if (root && !root.contains(document.activeElement)) (root.querySelector<HTMLElement>(focusable) ?? root).focus();
    return () => {
      // Back where it came from, unless the person has already gone somewhere else.
      const a = document.activeElement;
      if (a && a !== document.body && !root?.contains(a)) return;
      if (opener?.isConnected && opener !== document.body) opener.focus();
      else focusBoard();
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      close.current();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    // Keys inside the dialog are the dialog's, not the board's (Tab would move from card to card).
    e.stopPropagation();
    const all = [...ref.current.querySelectorAll<HTMLElement>(focusable)].filter((el) => el.offsetParent !== null);
    if (!all.length) return;
    const [first, last] = [all[0], all[all.length - 1]];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return { ref, role: 'dialog' as const, 'aria-modal': true, tabIndex: -1, onKeyDown };
}
