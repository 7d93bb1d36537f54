import { toBoard } from '../canvas/camera';
import { createAt, newCardSize } from '../canvas/gestures';
import { useUi } from '../state/uiStore';

export type CardTool = keyof typeof newCardSize;

/**
 * Drag a card tool out of the toolbar and drop it on the board, as in Miro: a ghost card
 * follows the pointer and the card is made where it is let go (and typed into). A press
 * that does not move is left to the button's click, which picks the tool.
 */
export function dragTool(tool: CardTool, down: { clientX: number; clientY: number; button: number; pointerId: number }): void {
  if (down.button !== 0) return;
  let ghost: HTMLDivElement | null = null;
  const move = (e: PointerEvent) => {
    if (e.pointerId !== down.pointerId) return;
    if (!ghost && Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < 6) return;
    if (!ghost) {
      const { scale } = useUi.getState().viewport;
      ghost = document.createElement('div');
      ghost.className = `tool-ghost ${tool}`;
      ghost.style.width = `${newCardSize[tool].w * scale}px`;
      ghost.style.height = `${newCardSize[tool].h * scale}px`;
      document.body.appendChild(ghost);
    }
    ghost.style.left = `${e.clientX}px`;
    ghost.style.top = `${e.clientY}px`;
  };
  /** The drag is over, made or not: no more listening, no ghost. Returns whether a ghost was out. */
  const end = (e: PointerEvent): boolean => {
    if (e.pointerId !== down.pointerId) return false;
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', end);
    if (!ghost) return false;
    ghost.remove();
    return true;
  };
  const up = (e: PointerEvent) => {
    if (!end(e)) return;
    // Dropped on the board (not on a panel or toolbar over it)?
    const canvas = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('.canvas');
    if (!canvas) return;
    const r = canvas.getBoundingClientRect();
    const b = toBoard(useUi.getState().viewport, e.clientX - r.left, e.clientY - r.top);
    createAt(tool, b.x, b.y);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  // The browser took the pointer back (a pinch, a scroll): the ghost goes and no card is made.
  window.addEventListener('pointercancel', end);
}
