import { useBoard } from './boardStore';
import { useHistory } from './history';
import { showToast, useUi } from './uiStore';

/**
 * Everyone is told when the board is put back to a checkpoint: cards reappearing or leaving
 * without a word looked like a fault. The window that asked (its history dialog is open) has
 * its own toast, with how to undo it; a revert that arrives with the first sync happened before
 * this window came and is history.
 */
export function bindRevertNotice(): () => void {
  let last = useBoard.getState().revert?.at;
  return useBoard.subscribe((s) => {
    if (!s.revert || s.revert.at === last) return;
    last = s.revert.at;
    if (!useUi.getState().synced || useHistory.getState().open) return;
    showToast(`The facilitator put the board back as it was at “${s.revert.to}”.`);
  });
}
