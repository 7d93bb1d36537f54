/**
 * Keys typed before an editor exists. A card that the host makes (a private card) opens for
 * typing only when the host has answered; a fast typist has started by then. Until `stop()` the
 * printable keys (and Backspace) are kept instead of reaching the board, where they would be
 * shortcuts ("T" is the text tool); `stop()` gives back what was typed.
 */
export function holdTypedKeys(): { stop(): string } {
  let typed = '';
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    if (e.key.length === 1) typed += e.key;
    else if (e.key === 'Backspace') typed = typed.slice(0, -1);
    else return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  window.addEventListener('keydown', onKey, true);
  return {
    stop() {
      window.removeEventListener('keydown', onKey, true);
      return typed;
    },
  };
}
