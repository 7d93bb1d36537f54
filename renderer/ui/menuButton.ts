import { useCallback, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useDismiss } from '../screens/board/useDismiss';

const itemsIn = (root: HTMLElement | null) => [...(root?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])].filter((el) => !(el as HTMLButtonElement).disabled);

/**
 * A header button with a menu ("Facilitate ▾", "More ▾"), as the WAI-ARIA menu button does it:
 * Enter, Space or ↓ opens the menu with the first item focused (↑: the last), ↑/↓/Home/End move
 * between its items, Escape closes it and gives the focus back to the button. No key pressed in
 * the open menu reaches the board's commands (the one keydown handler is on window, after React's
 * root), so an arrow never nudges the selected card behind it. A click with the mouse opens it
 * without moving the focus, as before. `picked()`: an item chose, the menu closes and, unless the
 * item moved the focus somewhere (a dialog), it returns to the button.
 */
export function useMenuButton() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root);
  const button = () => root.current?.querySelector<HTMLElement>('button[aria-haspopup]') ?? null;
  const openAt = (which: 0 | -1) => {
    setOpen(true);
    requestAnimationFrame(() => itemsIn(root.current).at(which)?.focus());
  };
  const picked = () => {
    close();
    requestAnimationFrame(() => (document.activeElement === document.body || !document.activeElement) && button()?.focus());
  };
  const buttonProps = {
    'aria-haspopup': 'menu' as const,
    'aria-expanded': open,
    // From the keyboard a click has detail 0 (handled in onKeyDown already); a mouse's opens without taking the focus.
    onClick: (e: MouseEvent) => (open ? close() : e.detail === 0 ? openAt(0) : setOpen(true)),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ' && e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      e.stopPropagation();
      if (open && (e.key === 'Enter' || e.key === ' ')) return close();
      openAt(e.key === 'ArrowUp' ? -1 : 0);
    },
  };
  const menuProps = {
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Tab') return;
      // Every other key stays in the menu: none is the board's while it is open.
      e.stopPropagation();
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
        button()?.focus();
        return;
      }
      const list = itemsIn(root.current);
      const at = list.indexOf(document.activeElement as HTMLElement);
      const typingInField = (e.target as HTMLElement).matches('input, textarea, select');
      const to = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? (at < 0 ? -1 : at - 1) : !typingInField && e.key === 'Home' ? 0 : !typingInField && e.key === 'End' ? list.length - 1 : null;
      if (to === null || typingInField || !list.length) return;
      e.preventDefault();
      list[(to + list.length) % list.length].focus();
    },
  };
  return { open, root, close, picked, buttonProps, menuProps };
}
