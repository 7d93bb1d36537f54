import { redo, undo } from './dispatch';
import { useUi, type Tool } from '../state/uiStore';
import { always, type Command, type CommandContext } from './types';
import type { IconName } from '../toolbar/icons';

function tool(name: Tool, label: string, key: string, writes: boolean): Command {
  return {
    name: `tool.${name}`,
    label,
    keys: [key],
    group: 'Tools',
    icon: name as IconName,
    // A viewer has only the tools that do not write.
    when: writes ? (ctx: CommandContext) => ctx.writable : always,
    checked: (ctx) => ctx.tool === name,
    perform: () => useUi.setState({ tool: name, draft: null }),
  };
}

/** The tools down the left edge, and undo / redo under them. */
export const toolCommands: Command[] = [
  tool('select', 'Select', 'V', false),
  tool('hand', 'Hand (pan)', 'H', false),
  tool('step', 'Process step', 'S', true),
  tool('note', 'Sticky note', 'N', true),
  tool('text', 'Text', 'T', true),
  tool('connector', 'Connector', 'C', true),
  tool('frame', 'Frame', 'F', true),
  { name: 'undo', label: 'Undo', keys: ['Mod+Z'], group: 'Edit', icon: 'undo', when: (ctx) => ctx.writable, perform: undo },
  { name: 'redo', label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], group: 'Edit', icon: 'redo', when: (ctx) => ctx.writable, perform: redo },
];
