import { clipboardSchema, copyElements } from '../../shared/operations/clipboard';
import { MAX_PASTED_CHARS, MAX_PASTED_NOTES } from '../../shared/operations/pasteLines';
import { longText } from '../../shared/model/fields';
import { zoomOutToSelection } from '../canvas/zoom';
import { formatIssues } from '../../shared/model/validation';
import { currentView } from '../state/boardView';
import { pointerOnBoard } from '../canvas/gestures';
import { toBoard } from '../canvas/camera';
import { dispatch, getDoc } from './dispatch';
import { deleteSelection } from './selectionActions';
import { showToast, useUi } from '../state/uiStore';
import { pickedScenarioId } from '../state/pickedScenario';
import { privateRoundAt } from '../state/privateCards';

// Copy, cut and paste through the system clipboard, so cards move between sessions and
// windows. Pasted text is untrusted: it is validated like any other input.

function typing(): boolean {
  const t = document.activeElement as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
}

function pasteTarget(): { x: number; y: number } {
  const p = pointerOnBoard();
  if (p) return { x: Math.round(p.x), y: Math.round(p.y) };
  const { viewport, canvasSize } = useUi.getState();
  const c = toBoard(viewport, canvasSize.width / 2, canvasSize.height / 2);
  return { x: Math.round(c.x), y: Math.round(c.y) };
}

function onCopy(e: ClipboardEvent, cut: boolean): void {
  const doc = getDoc();
  const ids = useUi.getState().selection.filter((id) => currentView().boxes.has(id));
  if (typing() || !doc || ids.length === 0) return;
  e.preventDefault();
  e.clipboardData?.setData('text/plain', JSON.stringify(copyElements(doc, ids)));
  if (cut) deleteSelection();
}

function onPaste(e: ClipboardEvent): void {
  if (typing()) return;
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (!text) return;
  e.preventDefault();
  pasteText(text, pasteTarget());
}

/** Paste what the clipboard held at a board point: our cards (validated), or plain text as sticky notes, one per line. */
function pasteText(text: string, at: { x: number; y: number }): void {
  // Pasted cards would be on everyone's board at once, in the middle of a private round's area
  // where each person's cards stay theirs until the reveal: refused, and said why.
  if (privateRoundAt(at.x, at.y)) {
    showToast('Not pasted: a private round is on here. Write your cards with the sticky note: they stay yours until the reveal.');
    return;
  }
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: plain text from elsewhere.
  }
  // Only what our copy wrote is read as cards; any other text (a number, a list) is text.
  if (parsed === null || typeof parsed !== 'object' || !('brownpaper' in parsed)) {
    pasteLinesAsNotes(text, at);
    return;
  }
  const content = clipboardSchema.safeParse(parsed);
  if (!content.success) {
    showToast(`Not pasted: ${formatIssues('clipboard', content.error)}`);
    return;
  }
  const created = dispatch('pasteElements', { content: content.data, ...at, scenarioId: pickedScenarioId() });
  if (!created?.length) return;
  const view = currentView();
  useUi.setState({ selection: created.filter((id) => view.boxes.has(id)) });
  // A to-be step keeps its scenario: pasted while another map is shown, it lands out of sight, so say where it went.
  const elsewhere = created.filter((id) => view.elements[id]?.kind === 'step' && !view.boxes.has(id));
  if (elsewhere.length)
    showToast(
      `${count(elsewhere.length, 'step', 'steps')} pasted into the to-be ${elsewhere.length === 1 ? 'it belongs' : 'they belong'} to: pick it in the header to see ${elsewhere.length === 1 ? 'it' : 'them'}`,
    );
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Plain text as sticky notes, one per line, in a grid from the paste point; says what had to be cut. */
function pasteLinesAsNotes(text: string, at: { x: number; y: number }): void {
  if (text.length > MAX_PASTED_CHARS) {
    showToast(`Not pasted: the text is over ${count(MAX_PASTED_CHARS, 'character', 'characters')}`);
    return;
  }
  const pasted = dispatch('pasteLines', { text, ...at });
  if (!pasted?.ids.length) return;
  useUi.setState({ selection: pasted.ids });
  // A block that runs off the screen is brought into view (zooming out, never in).
  const { viewport, canvasSize } = useUi.getState();
  const corner = toBoard(viewport, canvasSize.width, canvasSize.height);
  const view = currentView();
  const offScreen = pasted.ids.some((id) => {
    const b = view.boxes.get(id);
    return b && (b.x + b.w > corner.x || b.y + b.h > corner.y);
  });
  if (offScreen) zoomOutToSelection();
  const cut = [
    pasted.leftOut && `${pasted.leftOut === 1 ? 'the last line was' : `the last ${count(pasted.leftOut, 'line', 'lines')} were`} left out (${MAX_PASTED_NOTES} notes at most per paste)`,
    pasted.shortened && `${count(pasted.shortened, 'line was', 'lines were')} cut to a note's ${count(longText.maxLength ?? 20_000, 'character', 'characters')}`,
  ].filter(Boolean);
  if (cut.length) showToast(`Pasted ${count(pasted.ids.length, 'note', 'notes')}, one per line; ${cut.join('; ')}.`);
}

/**
 * Copy or cut the selection from a menu: the browser runs its copy command, which reaches the
 * same handler as Ctrl+C. Paste has no such command for pages; it reads the clipboard where the
 * browser allows it (a secure page) and otherwise says to press Ctrl+V.
 */
export function copySelection(cut: boolean): void {
  document.execCommand(cut ? 'cut' : 'copy');
}

export async function pasteFromMenu(at: { x: number; y: number }): Promise<void> {
  const text = await navigator.clipboard?.readText?.().catch(() => null);
  if (text) pasteText(text, { x: Math.round(at.x), y: Math.round(at.y) });
  else showToast('Press Ctrl+V to paste here (this browser does not let a menu read the clipboard).');
}

export function installClipboard(): () => void {
  const copy = (e: ClipboardEvent) => onCopy(e, false);
  const cut = (e: ClipboardEvent) => onCopy(e, true);
  document.addEventListener('copy', copy);
  document.addEventListener('cut', cut);
  document.addEventListener('paste', onPaste);
  return () => {
    document.removeEventListener('copy', copy);
    document.removeEventListener('cut', cut);
    document.removeEventListener('paste', onPaste);
  };
}
