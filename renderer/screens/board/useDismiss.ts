import { useEffect, type RefObject } from 'react';

/** A click or tap outside `root`, or Escape, closes a menu, as menus do (`root` holds the menu and the button opening it, first). */
export function useDismiss(open: boolean, close: () => void, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => !root.current?.contains(e.target as Node) && close();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Left with Escape, the focus goes back to the menu's own button, not to the page.
      const inside = root.current?.contains(document.activeElement);
      close();
      if (inside) root.current?.querySelector<HTMLElement>('button')?.focus();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, close, root]);
}
