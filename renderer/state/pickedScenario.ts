import { currentView } from './boardView';
import { useBoard } from './boardStore';
import { useUi } from './uiStore';

/**
 * The to-be picked in the header, while it is on the board: a step made now exists only in it
 * (shared/model/scenarioSteps.ts). Null for the as-is map — or when someone deleted the
 * scenario picked here, so nothing is made in a scenario that is gone.
 */
export function pickedScenarioId(): string | null {
  const id = useUi.getState().scenarioId;
  return id !== null && useBoard.getState().scenarios.some((s) => s.id === id) ? id : null;
}

/**
 * Picking another map hides the steps that exist only in the one left: they are no longer
 * selected, typed into or shown in the details. Returns the unsubscribe.
 */
export function keepSelectionOnMap(): () => void {
  return useUi.subscribe((s, prev) => {
    if (s.scenarioId === prev.scenarioId) return;
    const { elements, boxes } = currentView();
    const onMap = (id: string) => boxes.has(id) || (elements[id] !== undefined && elements[id].kind !== 'step');
    const selection = s.selection.filter(onMap);
    const editingId = s.editingId !== null && !onMap(s.editingId) ? null : s.editingId;
    if (selection.length !== s.selection.length || editingId !== s.editingId) useUi.setState({ selection, editingId });
  });
}
