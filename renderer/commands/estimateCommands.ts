import { may } from '../../shared/permissions';
import { useEstimateUi } from '../state/estimateStore';
import { useUi } from '../state/uiStore';
import { onePicked } from './context';
import type { Command } from './types';

/** Estimates from the floor: the facilitator asks the room for a figure of the step right-clicked or selected. */
export const estimateCommands: Command[] = [
  {
    name: 'askEstimate',
    label: 'Ask the room for an estimate…',
    group: 'Panels',
    // Only on a Brownpaper host (it keeps the answers), by the facilitator, about one step.
    when: (ctx) => onePicked(ctx)?.kind === 'step' && may(ctx.role, 'askEstimate') && useUi.getState().access !== null,
    perform: (ctx) => useEstimateUi.setState({ askingAbout: onePicked(ctx)!.id }),
  },
];
