import { describe, expect, it } from 'vitest';
import { commands } from './commands';
import { matchesKey } from './keys';
import { keysOf } from './runCommand';
import { sheetGroups } from './sheet';

/** A keydown as the browser sends it for a key spec (Shift+1 arrives as "!" with code Digit1). */
function press(spec: string) {
  const parts = spec === '+' ? ['+'] : spec.endsWith('++') ? [...spec.slice(0, -2).split('+'), '+'] : spec.split('+');
  const key = parts[parts.length - 1];
  const mods = new Set(parts.slice(0, -1));
  return {
    key: /^[0-9]$/.test(key) ? '!' : key,
    code: /^[0-9]$/.test(key) ? `Digit${key}` : '',
    ctrlKey: mods.has('Mod'),
    metaKey: false,
    shiftKey: mods.has('Shift'),
    altKey: mods.has('Alt'),
  };
}

describe('the command table', () => {
  it('gives every command its own name and label', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const labels = commands.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('lets each key run at most one command (the key dispatcher runs none when two match)', () => {
    for (const c of commands) {
      for (const k of c.keys ?? []) {
        const others = commands.filter((o) => o !== c && !o.clipboardKey && o.keys?.some((ok) => matchesKey(ok, press(k))));
        expect(
          others.map((o) => o.name),
          `${k} of ${c.name}`,
        ).toEqual([]);
        expect(matchesKey(k, press(k)), `${k} of ${c.name}`).toBe(true);
      }
    }
  });

  it('keeps the keys people know: a letter alone is not the letter with Ctrl, Ctrl+Z is not redo', () => {
    expect(matchesKey('D', press('Mod+D'))).toBe(false);
    expect(matchesKey('Mod+Z', press('Mod+Shift+Z'))).toBe(false);
    expect(matchesKey('Shift+1', press('Shift+1'))).toBe(true);
    expect(matchesKey('?', { ...press('?'), shiftKey: true })).toBe(true);
  });

  it('lists every command with keys on the ? sheet, once, under its group', () => {
    const rows = sheetGroups().flatMap((g) => g.rows.map((r) => ({ ...r, group: g.group })));
    const keyed = commands.filter((c) => c.keys?.length);
    expect(rows.map((r) => r.name).sort()).toEqual(keyed.map((c) => c.name).sort());
    for (const c of keyed) expect(rows.find((r) => r.name === c.name)).toMatchObject({ keys: keysOf(c), label: c.label, group: c.group });
    expect(rows.find((r) => r.name === 'duplicate')?.keys).toBe('Ctrl+D');
    expect(rows.find((r) => r.name === 'export')?.keys).toBe('Ctrl+E');
  });
});
