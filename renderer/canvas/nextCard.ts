import { currentView } from '../state/boardView';
import { dispatch } from '../commands/dispatch';
import { useUi } from '../state/uiStore';
import { pickedScenarioId } from '../state/pickedScenario';
import { bringIntoView } from './zoom';

/**
 * The card after a card (Tab / Shift+Tab while typing, or the card's + handles): made, shown,
 * and typed into. `at` (board point) puts it centred there instead of in the next cell.
 */
export function continueFrom(fromId: string, direction: 'right' | 'down', at?: { x: number; y: number }): boolean {
  const id = dispatch('addNextCard', { fromId, direction, at, scenarioId: pickedScenarioId() });
  if (!id) return false;
  useUi.setState({ selection: [id], editingId: id, tool: 'select' });
  const box = currentView().boxes.get(id);
  if (box) bringIntoView(box);
  return true;
}
