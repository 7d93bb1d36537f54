import { useShallow } from 'zustand/react/shallow';
import { useBoard } from '../state/boardStore';
import { useUi } from '../state/uiStore';
import { useLedger } from '../ledger/ledgerStore';
import { commandContext } from './context';
import type { CommandContext } from './types';

/** The command context for a bar or menu that shows commands: re-rendered when the selection, the role or the board changes. */
export function useCommandContext(): CommandContext {
  const ui = useUi(useShallow((s) => ({ role: s.role, tool: s.tool, panel: s.panel, snapping: s.snapping, bigScreen: s.bigScreen, selection: s.selection, heat: s.heat, ladder: s.ladder })));
  // Whether a card is locked, or still there, is on the board.
  useBoard((s) => s.elements);
  // The ledger's button shows whether it is open.
  useLedger((s) => s.open);
  return commandContext({}, ui);
}
