import { useUi, type UiState } from './uiStore';

type Field = { finish(): boolean };

/** The field of a panel someone is typing in, if any (registered by useFieldDraft while it has the focus). */
let typing: Field | null = null;

/** A field took the focus: its edit is the one to finish. */
export function startTyping(field: Field): void {
  typing = field;
}

/** A field let go of the focus (or went): nothing of it is left to finish. */
export function stopTyping(field: Field): void {
  if (typing === field) typing = null;
}

/**
 * Finish what is being typed in a panel's field before whatever would take the field away
 * (its panel or sheet closing, another panel or sheet opening): a swipe or a tap on a backdrop
 * never blurs the field, and React sends no blur to a field it removes. True when nothing is
 * left unsaved (stored, or nothing typed); false when the text was refused: the field keeps it,
 * says why, and the panel must stay.
 */
export function finishTyping(): boolean {
  return typing === null || typing.finish();
}

/** Show a side panel (or none) once what is being typed in the panel open now is stored; false if it was refused. */
export function showPanel(panel: UiState['panel']): boolean {
  if (!finishTyping()) return false;
  useUi.setState({ panel });
  return true;
}

/**
 * onMouseDown of what closes a panel (its ×, the dimmed board behind a sheet): the press leaves
 * the focus in the field being typed in, so closing finishes the edit (finishTyping) and a
 * refused text keeps the panel open with its message, where a blur would have put the stored
 * value back just before the panel went.
 */
export function keepTyping(e: { preventDefault(): void }): void {
  e.preventDefault();
}
