import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers (docs/ARCHITECTURE.md): shared/ is pure and imports neither electron/ nor
// renderer/ nor Node; renderer/ imports no Node or Electron module; electron/host and
// electron/cli never import electron.
function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    // Tests beside the code may use Node (temp files, fixtures); the layers are about what ships.
    return d.isDirectory() ? files(p) : /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

const nodeBuiltin = /^(node:|fs$|path$|os$|child_process$|crypto$|http$|net$|url$|util$|better-sqlite3$|ws$)/;

function violations(dir: string, bad: (spec: string, file: string) => boolean): string[] {
  return files(dir).flatMap((f) => imports(f).filter((s) => bad(s, f)).map((s) => `${f} imports ${s}`));
}

const resolvesInto = (spec: string, file: string, top: string) =>
  spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(path.resolve(top) + path.sep);

describe('layering', () => {
  it('shared/ imports neither electron/, renderer/, Node nor Electron', () => {
    expect(violations('shared', (s, f) => nodeBuiltin.test(s) || s === 'electron' || resolvesInto(s, f, 'electron') || resolvesInto(s, f, 'renderer'))).toEqual([]);
  });
  it('renderer/ imports no Node or Electron module and nothing from electron/', () => {
    expect(violations('renderer', (s, f) => nodeBuiltin.test(s) || s === 'electron' || resolvesInto(s, f, 'electron'))).toEqual([]);
  });
  it('electron/host, electron/cli and electron/desktop never import electron or renderer/', () => {
    for (const dir of ['electron/host', 'electron/cli', 'electron/desktop']) {
      expect(violations(dir, (s, f) => s === 'electron' || resolvesInto(s, f, 'renderer'))).toEqual([]);
    }
  });
});
