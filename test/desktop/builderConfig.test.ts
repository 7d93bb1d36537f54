import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

// The installers cannot be built here (no Electron binary to package); their configuration is
// checked against electron-builder's own schema instead, and the icons it names are all there.
const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  fileAssociations: { ext: string; icon: string }[];
  extraResources: { from: string; to: string; filter: string[] }[];
  linux: { icon: string };
  mac: { icon: string };
  win: { icon: string };
};

function pngSize(file: string): { w: number; h: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('is valid by electron-builder’s configuration schema', () => {
    const schema = JSON.parse(fs.readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // and the schema does refuse what it should, so the check above can fail
    expect(validate({ ...config, npmRebuild: 'sometimes' })).toBe(false);
  });

  it('ships the Electron SQLite build and rebuilds nothing while packaging', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([{ from: 'native', to: 'native', filter: ['electron-v*/better_sqlite3.node'] }]);
    expect(config.files).not.toContain('node_modules/better-sqlite3/**');
  });

  it('registers the session file extension with its own icon', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'brownpaper', icon: 'session-file' })]);
    for (const ext of ['icns', 'ico', 'png']) expect(fs.existsSync(path.join('build', `session-file.${ext}`))).toBe(true);
  });

  it('has the icon set it names, complete: PNG sizes for Linux, .icns and .ico', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(path.join(config.linux.icon, `${size}x${size}.png`))).toEqual({ w: size, h: size });
    }
    expect(pngSize('build/icon.png')).toEqual({ w: 512, h: 512 });
    for (const icns of [config.mac.icon, 'build/session-file.icns']) {
      const b = fs.readFileSync(icns);
      expect(b.subarray(0, 4).toString('latin1')).toBe('icns');
      expect(b.readUInt32BE(4)).toBe(b.length);
    }
    for (const ico of [config.win.icon, 'build/session-file.ico']) {
      const b = fs.readFileSync(ico);
      expect([b.readUInt16LE(0), b.readUInt16LE(2)]).toEqual([0, 1]);
      // 16 … 256 px entries (a width of 0 means 256)
      const widths = Array.from({ length: b.readUInt16LE(4) }, (_, i) => b[6 + i * 16] || 256);
      expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    }
  });
});
