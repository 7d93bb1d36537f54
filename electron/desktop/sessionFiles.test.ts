import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportSession, sessionFileText } from '../../shared/exchange/sessionFile.js';
import { tempDir } from '../../test/helpers/host.js';
import { loadBoard } from '../cli/exchangeCommands.js';
import { openStore, type Store } from '../host/store/store.js';
import { openSessionFile, sessionFileInArgs } from './sessionFiles.js';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
function store(): Store {
  const s = openStore(tempDir(), { create: true });
  stores.push(s);
  return s;
}

describe('a session file opened from the system', () => {
  it('is found among the launch arguments, past flags and the app path, only if it exists', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'Claims blueprint.brownpaper'), '{}');
    fs.writeFileSync(path.join(dir, 'old.json'), '{}');
    expect(sessionFileInArgs(['/opt/Brownpaper/brownpaper', '--no-sandbox', 'Claims blueprint.brownpaper'], dir)).toBe(path.join(dir, 'Claims blueprint.brownpaper'));
    expect(sessionFileInArgs(['brownpaper.exe', 'old.json'], dir)).toBe(path.join(dir, 'old.json'));
    expect(sessionFileInArgs(['brownpaper.exe', 'gone.brownpaper', 'notes.txt'], dir)).toBeNull();
    expect(sessionFileInArgs(['electron', '.'], dir)).toBeNull();
  });

  it('opens as a new session, the same as an import from the start screen', () => {
    const from = store();
    const original = from.sessions.create({ title: 'Product information request', template: 'sample-info-request' });
    const file = path.join(tempDir(), 'info.brownpaper');
    fs.writeFileSync(file, sessionFileText(exportSession(loadBoard(from, original.id))));
    const to = store();
    const opened = openSessionFile(to, file);
    expect(opened).toMatchObject({ session: { title: 'Product information request', template: 'sample-info-request' } });
    expect(to.sessions.list()).toHaveLength(1);
  });

  it('broken, is refused with the import’s one-line message and nothing is written', () => {
    const to = store();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'broken.brownpaper'), '{"format":"brownpaper-session","version":1,"board":');
    fs.writeFileSync(path.join(dir, 'hostile.brownpaper'), JSON.stringify({ format: 'brownpaper-session', version: 1, board: { title: 'x'.repeat(10) }, elements: 'nope' }));
    const broken = openSessionFile(to, path.join(dir, 'broken.brownpaper'));
    const hostile = openSessionFile(to, path.join(dir, 'hostile.brownpaper'));
    const missing = openSessionFile(to, path.join(dir, 'missing.brownpaper'));
    for (const r of [broken, hostile, missing]) {
      expect(r).toHaveProperty('error');
      expect((r as { error: string }).error).not.toContain('\n');
    }
    expect((broken as { error: string }).error).toMatch(/^broken\.brownpaper/);
    expect((missing as { error: string }).error).toBe('missing.brownpaper: cannot be read (ENOENT)');
    expect(to.sessions.list()).toEqual([]);
  });
});
