import type { MenuCommand } from '../../shared/ipc';
import { showToast, useUi } from '../state/uiStore';
import { command, commands } from './commands';
import { commandContext } from './context';
import { matchesKey, showKey } from './keys';
import type { Command, CommandContext } from './types';

/** Run a command by name if it applies; true when it ran. */
export function runCommand(name: string, extra: Partial<Pick<CommandContext, 'at' | 'source' | 'key'>> = {}): boolean {
  const c = command(name);
  const ctx = commandContext(extra);
  if (!c.when(ctx)) return false;
  c.perform(ctx);
  return true;
}

/** The keys shown beside a command ("Ctrl+D", "Arrows"); '' when it has none. */
export function keysOf(c: Command): string {
  return c.keysLabel ?? (c.keys?.[0] ? showKey(c.keys[0]) : '');
}

/** "Duplicate (Ctrl+D)": a button's name and tooltip. */
export function labelWithKeys(c: Command): string {
  const keys = keysOf(c);
  return keys ? `${c.label} (${keys})` : c.label;
}

/** What the desktop app's menu sends, by the command it means. */
const fromDesktopMenu: Record<Exclude<MenuCommand, 'openTeamServer'>, string> = { export: 'export', bigScreen: 'bigScreen', shortcuts: 'help' };

/** Inputs that take no typing: a tick box is a button to the keys, as a button is (a range's arrows stay its own). */
const notTyped = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'image']);

const typing = (t: EventTarget | null) => {
  const el = t as HTMLElement | null;
  if (el?.tagName === 'INPUT') return !notTyped.has((el as HTMLInputElement).type);
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
};

/**
 * Enter and Space on a focused button, link or menu item (outside the board) press it: they are
 * that control's keys, not the board's (Enter would otherwise edit the selected card instead).
 */
const pressesControl = (e: KeyboardEvent) => {
  if (e.key !== 'Enter' && e.key !== ' ') return false;
  const el = e.target instanceof Element ? e.target : null;
  return (
    !!el?.closest('button, a[href], summary, input[type="checkbox"], input[type="radio"], [role^="menuitem"], [role="option"], [role="tab"], [role="radio"], [role="checkbox"]') &&
    !el.closest('[data-board-region]')
  );
};

/**
 * The only keydown handler for commands, on window, and the desktop menu's listener. Typing in a
 * field is never a command (but for the few marked `whileTyping`); a key that matches no command
 * or more than one does nothing. Space held is not a command but a pan gesture's modifier, kept
 * here so one handler reads the keys.
 */
export function installCommandKeys(): () => void {
  const onKey = (e: KeyboardEvent) => {
    const inField = typing(e.target);
    if (pressesControl(e)) return;
    if (e.code === 'Space' && !inField) {
      e.preventDefault();
      if (!useUi.getState().spaceHeld) useUi.setState({ spaceHeld: true });
      return;
    }
    const hits = commands.filter((c) => !c.clipboardKey && (!inField || c.whileTyping) && c.keys?.some((k) => matchesKey(k, e)));
    if (hits.length !== 1) return;
    const ctx = commandContext({ source: 'key', key: { key: e.key, shift: e.shiftKey } });
    const applies = hits[0].when(ctx);
    if (!applies && hits[0].passesKey) return;
    e.preventDefault();
    if (applies) hits[0].perform(ctx);
    else {
      const why = hits[0].whyNot?.(ctx);
      if (why) showToast(why);
    }
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.code === 'Space') useUi.setState({ spaceHeld: false });
  };
  window.addEventListener('keydown', onKey);
  window.addEventListener('keyup', onKeyUp);
  // File ▸ Open a team server… is the app's, not the board's (OpenTeamServer.tsx, on every screen).
  const offMenu = window.brownpaper?.onMenu((name) => name !== 'openTeamServer' && runCommand(fromDesktopMenu[name], { source: 'menu' }));
  return () => {
    window.removeEventListener('keydown', onKey);
    window.removeEventListener('keyup', onKeyUp);
    offMenu?.();
  };
}
