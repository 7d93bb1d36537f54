/**
 * The keyboard's way back to the board: the board region (BoardCanvas, `data-board-region`) takes
 * the focus when a menu, the text editor or a panel is left with Escape, so the next Tab moves
 * from card to card instead of starting again at the top of the page.
 */
export function focusBoard(): void {
  document.querySelector<HTMLElement>('[data-board-region]')?.focus({ preventScroll: true });
}

/** Is the focus on the board region (not on a field or button over it)? */
export function boardHasFocus(): boolean {
  return typeof document !== 'undefined' && document.activeElement instanceof HTMLElement && document.activeElement.hasAttribute('data-board-region');
}

/** Focus what `selector` finds once it is drawn (a panel opened by a key renders on the next frame). */
export function focusWhenShown(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}
