import type { BoardElement } from '../../shared/model/board';
import type { Role } from '../../shared/session';
import type { IconName } from '../toolbar/icons';
import type { Tool, UiState } from '../state/uiStore';

/** What a command looks at to know whether it applies, and what it acts on. */
export interface CommandContext {
  role: Role | null;
  /** may add and change cards (not a viewer) */
  writable: boolean;
  facilitator: boolean;
  tool: Tool;
  panel: UiState['panel'];
  snapping: boolean;
  bigScreen: boolean;
  /** the heat view shown, if any, and whether the timeline ladder is on */
  heat: UiState['heat'];
  ladder: boolean;
  /** the selected elements that exist */
  picked: BoardElement[];
  /** the selected ids drawn on the canvas (cards, text, frames; not lanes, stages or arrows) */
  onCanvas: string[];
  /** where the right-click menu opened, as a board point (Paste here, New step here) */
  at: { x: number; y: number } | null;
  /** how it was asked for: a key, a menu entry or a button */
  source: 'key' | 'menu' | 'button';
  /** the key that asked, when one did (the arrows nudge further with Shift) */
  key: { key: string; shift: boolean } | null;
  /** the board region has the keyboard's focus (Tab then moves from card to card) */
  boardFocused: boolean;
}

/** The groups of the ? sheet, in the order it shows them. */
export const commandGroups = ['Tools', 'Edit', 'Arrange', 'View', 'Panels', 'Big screen', 'Help'] as const;
export type CommandGroup = (typeof commandGroups)[number];

/**
 * One thing a person can ask of the board, wherever they ask it: a key, the toolbar, the
 * selection bar, the right-click menu, the desktop app's menu. Surfaces list command names and
 * read label, keys and whether it applies from here.
 */
export interface Command {
  /** stable id, what surfaces list */
  name: string;
  /** what people read */
  label: string;
  /** "Mod+D", "Shift+1", "Delete"; Mod is Ctrl, or ⌘ on a Mac. The first is the one shown. */
  keys?: string[];
  /** shown instead of the keys when they are a family (the four arrows) */
  keysLabel?: string;
  /**
   * The key is the browser's own copy / cut / paste, handled by the clipboard (ui/clipboard.ts):
   * shown beside the command, never matched by the key dispatcher.
   */
  clipboardKey?: boolean;
  /** its key works in a text field too (Ctrl+E: export from anywhere); otherwise typing is never a command */
  whileTyping?: boolean;
  /** when it does not apply, its key is left to the browser (Tab off the last card moves the focus on) */
  passesKey?: boolean;
  group: CommandGroup;
  icon?: IconName | ((ctx: CommandContext) => IconName);
  /** does it apply now: offered in menus and bars, enabled, run by its key */
  when(ctx: CommandContext): boolean;
  /** on or off now (a tool picked, snapping, the selection locked) */
  checked?(ctx: CommandContext): boolean;
  /** its key was pressed but it does not apply: the one line that says why (else nothing happens) */
  whyNot?(ctx: CommandContext): string | null;
  perform(ctx: CommandContext): void;
}

export const always = (): boolean => true;
