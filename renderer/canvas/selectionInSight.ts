import { isCard } from '../../shared/model/kinds';
import { currentView } from '../state/boardView';
import { usePhoneLayout } from '../state/phoneLayout';
import { useUi } from '../state/uiStore';
import { TOOLBAR_ROOM } from './zoom';

/** Paper kept between the card and what stands beside it, in screen px. */
const MARGIN = 16;

/**
 * Where the canvas is not covered, in canvas px: left of a side panel standing on it (the step's
 * details, the dashboard), above the selection bar where the card is over it, right of the tools.
 */
function openPaper(canvas: DOMRect, cardLeft: number, cardRight: number): { left: number; right: number; top: number; bottom: number } {
  let right = canvas.width;
  let bottom = canvas.height;
  for (const el of document.querySelectorAll('aside.side-panel')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.left > canvas.left + canvas.width / 3 && r.left < canvas.right) right = Math.min(right, r.left - canvas.left);
  }
  const bar = document.querySelector('.selection-toolbar')?.getBoundingClientRect();
  if (bar && bar.width > 0 && bar.top < canvas.bottom && bar.left - canvas.left < cardRight && bar.right - canvas.left > cardLeft) bottom = Math.min(bottom, bar.top - canvas.top);
  return { left: TOOLBAR_ROOM, right, top: 0, bottom };
}

/** How far to move a span [start, start + size) into [low, high]: just enough; from its start when it cannot fit. */
function shift(start: number, size: number, low: number, high: number): number {
  if (start + size > high) return Math.max(high - (start + size), low - start);
  return start < low ? low - start : 0;
}

/**
 * The card a person works on stays in sight: picked in the ledger beside a narrow canvas, or
 * covered by the details panel or the selection bar opening over it, the view pans (never zooms)
 * just enough to show it beside them. Only one card, never mid-drag or mid-gesture, and not on a
 * phone, whose panels are sheets over the whole board.
 */
function bringSelectionInSight(): void {
  const { selection, dragging, draft, viewport: v } = useUi.getState();
  if (selection.length !== 1 || dragging || draft || usePhoneLayout.getState().phone) return;
  const view = currentView();
  const e = view.elements[selection[0]];
  const box = view.boxes.get(selection[0]);
  const el = document.querySelector('[data-testid="board-canvas"]');
  if (!e || !isCard(e) || !box || !el) return;
  const canvas = el.getBoundingClientRect();
  const x = v.x + box.x * v.scale;
  const w = box.w * v.scale;
  const across = openPaper(canvas, x, x + w);
  const dx = shift(x, w, across.left + MARGIN, across.right - MARGIN);
  const paper = openPaper(canvas, x + dx, x + dx + w);
  const dy = shift(v.y + box.y * v.scale, box.h * v.scale, paper.top + MARGIN, paper.bottom - MARGIN);
  if (dx || dy) useUi.setState({ following: null, viewport: { ...v, x: v.x + dx, y: v.y + dy } });
}

/**
 * Watches what can hide the selected card: the selection itself, the side panel, the ledger
 * beside the canvas and the canvas's size; looks after the next frame, when the panels have their
 * boxes. Returns the unsubscribe.
 */
export function keepSelectionInSight(): () => void {
  let frame = 0;
  const unsubscribe = useUi.subscribe((s, prev) => {
    if (s.selection === prev.selection && s.panel === prev.panel && s.canvasSize === prev.canvasSize && s.dragging === prev.dragging) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => requestAnimationFrame(bringSelectionInSight));
  });
  return () => (cancelAnimationFrame(frame), unsubscribe());
}
