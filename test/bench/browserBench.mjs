// What the benches that drive the built app in headless Chromium share: a host on a free port
// serving dist/web, the browser's flags and the frame figures.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { quantile } from './benchFile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const brownpaperBin = path.join(root, 'bin', 'brownpaper.mjs');

/** Builds the app first when dist/ has no web client: the host serves what was built. */
export function ensureBuilt() {
  if (!existsSync(path.join(root, 'dist', 'web', 'index.html'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

/**
 * A Brownpaper host on a free port with a data folder of its own (or `data`), killed when this
 * process exits however it ends. Resolves with its base URL once it listens.
 */
export async function startHost(data = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-'))) {
  const host = spawn(process.execPath, [brownpaperBin, 'host', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => host.kill('SIGTERM'));
  const base = await new Promise((resolve, reject) => {
    readline.createInterface({ input: host.stdout }).on('line', (l) => {
      const m = /listening on (http:\/\/\S+)/.exec(l);
      if (m) resolve(m[1]);
    });
    host.on('exit', (code) => reject(new Error(`host exited (${code})`)));
  });
  return { host, base, data };
}

/** The flags every benchmark's Chromium starts with, the tests' own (playwright.config.ts): no sandbox, software rendering, no calls out. */
export const browserArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Chromium as the frame benches run it: software rendering, the frame cap off (rAF deltas show the work, not vsync). */
export const frameBenchArgs = ['--headless', ...browserArgs, '--disable-frame-rate-limit', '--disable-gpu-vsync'];

/** Median, p95 and the longest of a list of frame times. */
export const frameStats = (d) => ({ median: quantile(d, 0.5), p95: quantile(d, 0.95), max: Math.max(...d) });
