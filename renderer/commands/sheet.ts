import { commands } from './commands';
import { keysOf } from './runCommand';
import { commandGroups, type CommandGroup } from './types';

export interface SheetRow {
  name: string;
  keys: string;
  label: string;
}

/** The ? sheet's rows: every command that has keys, by group, in the table's order. */
export function sheetGroups(): { group: CommandGroup; rows: SheetRow[] }[] {
  return commandGroups
    .map((group) => ({
      group,
      rows: commands.filter((c) => c.group === group && keysOf(c)).map((c) => ({ name: c.name, keys: keysOf(c), label: c.label })),
    }))
    .filter((g) => g.rows.length > 0);
}
