// Dev: how often React renders each component while a board opens, and what each commit rendered.
// Builds the web client unminified into a temporary copy of the app whose React (react-dom and
// react-konva's reconciler) counts every function component's render and every commit, then opens
// a session of `template` there as the facilitator, until live, synced and idle. Run after npm run build:
//   node scripts/dev/renderCounts.mjs [sample-info-request] [1280x800 | 390x844]
import react from '@vitejs/plugin-react';
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'vite';
import { devCli } from './devSession.mjs';

const [template = 'sample-info-request', size = '1280x800'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);

// The copy: the built CLI and host as they are, the web client rebuilt with counting React.
const app = mkdtempSync(path.join(os.tmpdir(), 'bp-render-counts-'));
for (const p of ['bin', 'package.json', 'dist/node']) cpSync(p, path.join(app, p), { recursive: true });
symlinkSync(path.resolve('node_modules'), path.join(app, 'node_modules'));
const counting = {
  name: 'count-renders',
  enforce: 'pre',
  transform(code, id) {
    if (!/react-dom-client\.production\.js|react-reconciler\.production\.js/.test(id)) return;
    const counted = code
      .replace(
        /function renderWithHooks\(\s*current,\s*workInProgress,\s*Component,\s*props,\s*secondArg,\s*nextRenderLanes\s*\) \{/,
        (m) => `${m}\n{ const n = Component.displayName || Component.name || '?'; const r = (globalThis.__renders ??= {}); r[n] = (r[n] ?? 0) + 1; (globalThis.__rendered ??= []).push(n); }`,
      )
      .replace(
        /(function commitRoot\([^)]*\) \{)/,
        `$1\n{ const c = {}; for (const n of globalThis.__rendered ?? []) c[n] = (c[n] ?? 0) + 1; globalThis.__rendered = []; (globalThis.__commits ??= []).push(performance.now().toFixed(0) + ' ms: ' + Object.entries(c).map(([k, v]) => (v > 1 ? k + ' ×' + v : k)).join(', ')); }`,
      );
    if (counted === code) throw new Error(`renderCounts: React's code changed, nothing to count in ${id}`);
    return counted;
  },
};
await build({ configFile: false, root: 'renderer', base: '/', logLevel: 'warn', plugins: [react(), counting], build: { outDir: path.join(app, 'dist', 'web'), emptyOutDir: true, minify: false } });

// The copy's host, on a data folder of its own.
const data = mkdtempSync(path.join(os.tmpdir(), 'bp-render-counts-data-'));
const copyHost = spawn(process.execPath, [path.join(app, 'bin', 'brownpaper.mjs'), 'host', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
const listening = /listening on (http:\/\/\S+)/;
const base = await new Promise((resolve) => readline.createInterface({ input: copyHost.stdout }).on('line', (l) => listening.test(l) && resolve(listening.exec(l)[1])));
const { cli } = devCli(data);
const { id } = cli('session', 'create', '--data', data, '--title', 'Render counts', '--template', template);
const { url } = cli('invite', id, '--data', data, '--role', 'facilitator', '--url', base);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium-headless-shell', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width, height }, ...(width < 600 ? { hasTouch: true, isMobile: true } : {}) });
  await page.goto(url);
  await page.waitForFunction(() => window.__brownpaper?.ui().synced);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestIdleCallback(() => requestIdleCallback(r)))));
  const { renders, commits } = await page.evaluate(() => ({ renders: globalThis.__renders, commits: globalThis.__commits }));
  const total = Object.values(renders).reduce((a, b) => a + b, 0);
  console.log(`${template} at ${size}: ${commits.length} commits, ${total} component renders\n`);
  for (const [k, v] of Object.entries(renders).sort((a, b) => b[1] - a[1])) console.log(String(v).padStart(5), k);
  console.log('\neach commit, what it rendered:');
  for (const c of commits) console.log(' ', c);
} finally {
  await browser.close();
  copyHost.kill();
}
