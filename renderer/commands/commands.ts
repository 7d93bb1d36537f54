import { importCommands } from './importCommands';
import { arrangeCommands } from './arrangeCommands';
import { editCommands } from './editCommands';
import { estimateCommands } from './estimateCommands';
import { roomCommands } from './roomCommands';
import { toolCommands } from './toolCommands';
import type { Command } from './types';
import { viewCommands } from './viewCommands';
import { privateCommands } from './privateCommands';
import { keyboardCommands } from './keyboardCommands';

/** Every command, in one table: the keys, the bars, the menus and the ? sheet read it. */
export const commands: readonly Command[] = [
  ...toolCommands,
  ...editCommands,
  ...arrangeCommands,
  ...viewCommands,
  ...estimateCommands,
  ...privateCommands,
  ...roomCommands,
  ...importCommands,
  ...keyboardCommands,
];

const byName = new Map(commands.map((c) => [c.name, c]));

export function command(name: string): Command {
  const c = byName.get(name);
  if (!c) throw new Error(`No command named "${name}"`);
  return c;
}
