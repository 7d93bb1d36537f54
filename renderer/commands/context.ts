import type { BoardElement } from '../../shared/model/board';
import { may } from '../../shared/permissions';
import { currentView } from '../state/boardView';
import { useUi, type UiState } from '../state/uiStore';
import type { CommandContext } from './types';
import { boardHasFocus } from '../canvas/boardFocus';

type Ui = Pick<UiState, 'role' | 'tool' | 'panel' | 'snapping' | 'bigScreen' | 'selection' | 'heat' | 'ladder'>;

/** The context from the stores as they are now; `extra` says how it was asked for. */
export function commandContext(extra: Partial<Pick<CommandContext, 'at' | 'source' | 'key'>> = {}, ui: Ui = useUi.getState()): CommandContext {
  const view = currentView();
  const picked = ui.selection.map((id) => view.elements[id]).filter((e): e is BoardElement => !!e);
  return {
    role: ui.role,
    writable: may(ui.role, 'changeBoard'),
    /** may lock and unlock (the facilitator) */
    facilitator: may(ui.role, 'lock'),
    tool: ui.tool,
    panel: ui.panel,
    snapping: ui.snapping,
    bigScreen: ui.bigScreen,
    heat: ui.heat,
    ladder: ui.ladder,
    picked,
    onCanvas: picked.filter((e) => view.boxes.has(e.id)).map((e) => e.id),
    at: null,
    source: 'button',
    key: null,
    boardFocused: boardHasFocus(),
    ...extra,
  };
}

/** The one element picked, if exactly one is. */
export const onePicked = (ctx: CommandContext): BoardElement | null => (ctx.picked.length === 1 ? ctx.picked[0] : null);
