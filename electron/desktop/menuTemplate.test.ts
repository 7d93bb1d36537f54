import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/ipc.js';
import type { Session } from '../../shared/session.js';
import { menuTemplate, type MenuActions, type MenuItem } from './menuTemplate.js';

function session(id: string, title: string): Session {
  return { id, title, template: 'blank', createdAt: 1, updatedAt: 1 } as Session;
}

/** The actions and page commands a click ran, in order. */
function setup(platform: NodeJS.Platform, recent: Session[] = [], projector = false) {
  const ran: string[] = [];
  const actions: MenuActions = {
    newSession: () => ran.push('newSession'),
    importFile: () => ran.push('importFile'),
    backUp: () => ran.push('backUp'),
    restoreBackup: () => ran.push('restoreBackup'),
    openTeamServer: () => ran.push('openTeamServer'),
    openSession: (id) => ran.push(`open ${id}`),
    toggleProjector: () => ran.push('toggleProjector'),
    recent: () => recent,
    projectorOn: () => projector,
  };
  const template = menuTemplate(actions, { platform, version: '9.9.9', send: (c: MenuCommand) => ran.push(`page ${c}`), showAbout: () => ran.push('about') });
  const items = (list: MenuItem[]): MenuItem[] => list.flatMap((i) => [i, ...items(i.submenu ?? [])]);
  const find = (label: string) => {
    const item = items(template).find((i) => i.label === label);
    if (!item) throw new Error(`no menu item "${label}"`);
    return item;
  };
  return { template, all: items(template), find, ran };
}

describe('the desktop menu', () => {
  it('every item a person clicks runs what it says: the main process for files and the projector, the page for the board', () => {
    const m = setup('linux', [session('s1', 'Invoice to cash')]);
    for (const label of [
      'New session',
      'Invoice to cash',
      'Import session file…',
      'Open a team server…',
      'Export…',
      'Back up all sessions…',
      'Restore from a backup…',
      'Big screen',
      'Show on the projector',
      'Keyboard shortcuts',
      'About Brownpaper 9.9.9',
    ])
      m.find(label).click!();
    expect(m.ran).toEqual(['newSession', 'open s1', 'importFile', 'openTeamServer', 'page export', 'backUp', 'restoreBackup', 'page bigScreen', 'toggleProjector', 'page shortcuts', 'about']);
  });

  it('no two items share a key, and the plain keys (B, ?) are left to the page so they still type into a text field', () => {
    const { all } = setup('linux');
    const keys = all.flatMap((i) => (i.accelerator ? [i.accelerator] : []));
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of all) if (i.accelerator && !/CmdOrCtrl/.test(i.accelerator)) expect(i.registerAccelerator, i.label).toBe(false);
  });

  it('Open recent lists ten sessions at most, a 200-character title cut to 60 with "…", and says so when there are none', () => {
    const long = 'A'.repeat(200);
    const many = Array.from({ length: 14 }, (_, n) => session(`s${n}`, n === 0 ? long : `Workshop ${n}`));
    const recent = setup('win32', many).find('Open recent').submenu!;
    expect(recent).toHaveLength(10);
    expect(recent[0].label).toBe(`${'A'.repeat(59)}…`);
    expect(recent[1].label).toBe('Workshop 1');
    const none = setup('win32', []).find('Open recent').submenu!;
    expect(none).toEqual([{ label: 'No sessions yet', enabled: false }]);
  });

  it('macOS gets its application menu first and quits from it; Windows and Linux quit from File', () => {
    const mac = setup('darwin');
    expect(mac.template[0].role).toBe('appMenu');
    expect(mac.all.some((i) => i.role === 'quit')).toBe(false);
    const win = setup('win32');
    expect(win.template[0].label).toBe('File');
    expect(win.find('File').submenu!.at(-1)!.role).toBe('quit');
  });

  it('the projector item shows whether the board is on the projector', () => {
    expect(setup('linux', [], true).find('Show on the projector').checked).toBe(true);
    expect(setup('linux', [], false).find('Show on the projector').checked).toBe(false);
  });
});
