import { currentView } from '../state/boardView';
import { kindHas } from '../../shared/model/kinds';
import { dispatch } from './dispatch';
import { showToast, useUi } from '../state/uiStore';
import { may, refusalToasts } from '../../shared/permissions';

// What the keyboard and the selection toolbar do to the selection, in one place.

function selected(): string[] {
  return useUi.getState().selection;
}

export function deleteSelection(): void {
  const view = currentView();
  const ids = selected();
  const bands = ids.filter((id) => view.elements[id]?.kind === 'lane' || view.elements[id]?.kind === 'stage');
  for (const id of bands) dispatch('deleteBand', { id });
  const rest = ids.filter((id) => !bands.includes(id));
  if (rest.length) dispatch('deleteElements', { ids: rest });
  useUi.setState({ selection: [] });
}

export function duplicateSelection(): void {
  const ids = selected().filter((id) => currentView().boxes.has(id));
  if (!ids.length) return;
  const created = dispatch('duplicateElements', { ids, dx: 30, dy: 30 });
  if (created?.length) useUi.setState({ selection: created.filter((id) => currentView().boxes.has(id)) });
}

export function selectAll(): void {
  useUi.setState({ selection: [...currentView().boxes.keys()] });
}

export function toggleLock(): void {
  const ids = selected();
  if (!ids.length) return;
  // The host refuses locks from anyone else; say so here rather than let the change bounce.
  if (!may(useUi.getState().role, 'lock')) return showToast(refusalToasts.lock);
  const anyUnlocked = ids.some((id) => !currentView().elements[id]?.locked);
  dispatch('setLocked', { ids, locked: anyUnlocked });
}

export function reorder(to: 'front' | 'back'): void {
  const ids = selected().filter((id) => currentView().boxes.has(id));
  if (ids.length) dispatch('reorderElements', { ids, to });
}

/** Move the selection by (dx, dy) board units (arrow keys). */
export function nudge(dx: number, dy: number): void {
  const view = currentView();
  const moves = selected()
    .map((id) => ({ id, box: view.boxes.get(id) }))
    .filter((m) => m.box)
    .map(({ id, box }) => ({ id, x: box!.x + dx, y: box!.y + dy }));
  if (moves.length) dispatch('moveElements', { moves });
}

export function editSelection(): void {
  const [id] = selected();
  if (id && selected().length === 1) useUi.setState({ editingId: id });
}

/** Change fields of the selected elements that have them (colour: the cards); a refusal is shown, not thrown. */
export function patchSelection(patch: Record<string, string | number | boolean | null>): void {
  const { elements } = currentView();
  const ids = selected().filter((id) => elements[id] && kindHas(elements[id].kind, Object.keys(patch)));
  if (!ids.length) return;
  try {
    dispatch('updateElements', { ids, patch });
  } catch (e) {
    showToast((e as Error).message);
  }
}
