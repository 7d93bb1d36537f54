import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { focusBoard } from '../canvas/boardFocus';

const focusable = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Where the focus goes back to when a dialog closes: what had it, or, for an item of a menu (More ▸
 * Import steps…), the button that opened that menu (the item is gone with the menu).
 */
function returnTarget(opener: HTMLElement | null): HTMLElement | null {
  const menu = opener?.closest('[role="menu"]');
  return menu ? (menu.parentElement?.querySelector<HTMLElement>('[aria-haspopup="menu"]') ?? null) : opener;
}

/**
 * A dialog as a keyboard and a screen reader expect it: the focus moves into it when it opens
 * and goes back where it came from when it closes (the board, if that is gone); Escape closes
 * it; Tab stays inside it while it is open. A control that is disabled or removed while it has
 * the focus (Choose a file… while the file is read) would drop the focus on the page, where Escape
 * and Tab are no longer the dialog's: the dialog itself takes it then. Spread the result on the
 * dialog's root.
 */
export function useDialog(onClose: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // Read as the dialog is first drawn, before the commit that draws it takes away a menu it was opened from.
  const [back] = useState(() => returnTarget(document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    if (!root.contains(document.activeElement)) (root.querySelector<HTMLElement>(focusable) ?? root).focus();
    // Had the focus last: a click on the page behind leaves it there, a control gone from under it does not.
    let inside = true;
    const keep = () => {
      if (inside && root.isConnected && (document.activeElement === document.body || !document.activeElement)) root.focus({ preventScroll: true });
    };
    const focusIn = () => (inside = true);
    // relatedTarget is null when the focus went nowhere (a disabled control) or to another window.
    const focusOut = (e: FocusEvent) => {
      inside = !(e.relatedTarget instanceof Node) || root.contains(e.relatedTarget);
      if (!e.relatedTarget) queueMicrotask(keep);
    };
    const leftBehind = new MutationObserver(keep);
    leftBehind.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
    root.addEventListener('focusin', focusIn);
    root.addEventListener('focusout', focusOut);
    return () => {
      leftBehind.disconnect();
      root.removeEventListener('focusin', focusIn);
      root.removeEventListener('focusout', focusOut);
      // Back where it came from, unless the person has already gone somewhere else.
      const a = document.activeElement;
      if (a && a !== document.body && !root.contains(a)) return;
      if (back?.isConnected && back !== document.body) back.focus();
      else focusBoard();
    };
  }, [back]);
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
    if (!all.length) return e.preventDefault();
    const [first, last] = [all[0], all[all.length - 1]];
    // From the dialog itself (it took the focus when a control went), Shift+Tab would leave it backwards.
    if (e.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return { ref, role: 'dialog' as const, 'aria-modal': true, tabIndex: -1, onKeyDown };
}
