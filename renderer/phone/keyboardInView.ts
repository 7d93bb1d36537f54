import { useUi } from '../state/uiStore';

/** Room (px) kept between the text being typed and the keyboard's top edge. */
const MARGIN = 12;

/**
 * The on-screen keyboard never covers the text being typed. A keyboard shrinks the visual
 * viewport (window.visualViewport); when it does, or a field takes the focus:
 * - a card's editor below the keyboard's edge pans the camera up so the card sits above it;
 * - a field in a sheet is scrolled into the sheet's view;
 * - --keyboard-inset (px the keyboard takes off the bottom of the layout) lifts the sheets
 *   above it where the browser does not shrink the page itself (Safari).
 */
export function bindKeyboardInView(): () => void {
  const vv = window.visualViewport;
  if (!vv) return () => {};
  const root = document.documentElement;
  let frame = 0;
  const update = () => {
    const inset = Math.max(0, Math.round(window.innerHeight - (vv.height + vv.offsetTop)));
    root.style.setProperty('--keyboard-inset', `${inset}px`);
    keepTypingInView(vv);
  };
  // The focus lands before the editor is laid out at its card: look once the frame is drawn.
  const onFocus = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(update);
  };
  vv.addEventListener('resize', update);
  vv.addEventListener('scroll', update);
  document.addEventListener('focusin', onFocus);
  return () => {
    cancelAnimationFrame(frame);
    vv.removeEventListener('resize', update);
    vv.removeEventListener('scroll', update);
    document.removeEventListener('focusin', onFocus);
    root.style.removeProperty('--keyboard-inset');
  };
}

function keepTypingInView(vv: VisualViewport): void {
  // On-screen keyboards come with fingers; a mouse's window keeps its camera where its person put it.
  if (!window.matchMedia('(pointer: coarse)').matches) return;
  const field = document.activeElement;
  if (!(field instanceof HTMLElement) || !field.matches('input, textarea, select, [contenteditable="true"]')) return;
  const visibleBottom = vv.offsetTop + vv.height;
  // What floats over the bottom of the board (the bottom bar, the zoom buttons, the selection
  // bar) covers the text as surely as the keyboard does when it sits above the keyboard's edge.
  const covers = [...document.querySelectorAll('.phone-bar, .zoom-controls, .selection-toolbar')].map((e) => e.getBoundingClientRect().top).filter((top) => top < visibleBottom);
  const bottom = Math.min(visibleBottom, ...covers) - MARGIN;
  if (field.classList.contains('text-editor')) {
    const { editingId, viewport } = useUi.getState();
    if (!editingId) return;
    const r = field.getBoundingClientRect();
    const area = document.querySelector('.board-area')?.getBoundingClientRect();
    const top = Math.max(vv.offsetTop, area?.top ?? 0) + MARGIN;
    if (r.bottom <= bottom) return;
    let dy = bottom - r.bottom;
    // An editor taller than the room left keeps its first lines (where the caret starts) in view.
    if (r.top + dy < top) dy = top - r.top;
    if (Math.abs(dy) >= 1) useUi.setState({ viewport: { ...viewport, y: viewport.y + dy }, following: null });
    return;
  }
  if (field.closest('.side-panel, .bottom-sheet')) field.scrollIntoView({ block: 'nearest' });
}
