import { may } from '../../shared/permissions';
import { useImportUi } from '../panels/import/importUi';
import type { Command } from './types';

/** File ▸ Import steps…: a step list from a spreadsheet (the facilitator's; it makes lanes and stages). */
export const importCommands: Command[] = [
  {
    name: 'importSteps',
    label: 'Import steps',
    group: 'Panels',
    when: (ctx) => may(ctx.role, 'importSteps'),
    perform: () => useImportUi.setState({ open: true, pending: null }),
  },
];
