import { createAt } from '../canvas/gestures';
import { copySelection, pasteFromMenu } from './clipboard';
import { deleteSelection, duplicateSelection, editSelection, selectAll } from './selectionActions';
import { useUi } from '../state/uiStore';
import { onePicked } from './context';
import { announce } from '../state/announcer';
import { always, type Command } from './types';

/** Making, changing and removing cards; the clipboard. */
export const editCommands: Command[] = [
  {
    name: 'editText',
    label: 'Edit text',
    keys: ['Enter', 'F2'],
    group: 'Edit',
    when: (ctx) => ctx.writable && !!onePicked(ctx) && !onePicked(ctx)!.locked,
    perform: editSelection,
  },
  {
    name: 'deleteSelection',
    label: 'Delete selection',
    keys: ['Delete', 'Backspace'],
    group: 'Edit',
    icon: 'trash',
    when: (ctx) => ctx.writable && ctx.picked.length > 0,
    perform: (ctx) => {
      deleteSelection();
      announce(ctx.picked.length === 1 ? `Deleted ${ctx.picked[0].kind === 'step' ? 'the step' : 'it'}` : `Deleted ${ctx.picked.length} cards`);
    },
  },
  {
    name: 'duplicate',
    label: 'Duplicate',
    keys: ['Mod+D'],
    group: 'Edit',
    icon: 'duplicate',
    when: (ctx) => ctx.writable && ctx.onCanvas.length > 0,
    perform: (ctx) => {
      duplicateSelection();
      announce(ctx.onCanvas.length === 1 ? 'Duplicated; the copy is selected' : `Duplicated ${ctx.onCanvas.length}; the copies are selected`);
    },
  },
  { name: 'selectAll', label: 'Select all', keys: ['Mod+A'], group: 'Edit', when: always, perform: selectAll },
  { name: 'clearSelection', label: 'Clear selection', keys: ['Escape'], group: 'Edit', when: always, perform: () => useUi.setState({ selection: [], tool: 'select', draft: null }) },
  { name: 'copy', label: 'Copy', keys: ['Mod+C'], clipboardKey: true, group: 'Edit', when: (ctx) => ctx.onCanvas.length > 0, perform: () => copySelection(false) },
  { name: 'cut', label: 'Cut', keys: ['Mod+X'], clipboardKey: true, group: 'Edit', when: (ctx) => ctx.writable && ctx.onCanvas.length > 0, perform: () => copySelection(true) },
  // The paper's menu: where it was opened. Ctrl+V pastes at the pointer (ui/clipboard.ts).
  { name: 'pasteHere', label: 'Paste here', keys: ['Mod+V'], clipboardKey: true, group: 'Edit', when: (ctx) => ctx.writable && !!ctx.at, perform: (ctx) => void pasteFromMenu(ctx.at!) },
  // Off any card already there, and said on the status line (it still read the card selected before).
  {
    name: 'newStepHere',
    label: 'New step here',
    group: 'Edit',
    when: (ctx) => ctx.writable && !!ctx.at,
    perform: (ctx) => (createAt('step', ctx.at!.x, ctx.at!.y, true), announce('New step: type its title, Enter keeps it')),
  },
  {
    name: 'newNoteHere',
    label: 'New sticky note here',
    group: 'Edit',
    when: (ctx) => ctx.writable && !!ctx.at,
    perform: (ctx) => (createAt('note', ctx.at!.x, ctx.at!.y, true), announce('New sticky note: type its text, click elsewhere to keep it')),
  },
];
