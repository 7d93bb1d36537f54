// Dev: CPU profile of a board opening, from the join link until the page has been idle for a
// moment after the sync: the page's script time by function (self), and the inclusive time of a
// few functions named on the command line. Build unminified first to read names:
//   npx vite build --minify false && node scripts/dev/profileBoardOpen.mjs sample-info-request 1280x800 useHeaderFit paperOf setSize
import { writeFileSync } from 'node:fs';
import { devHost, launchChromium, synced } from './devSession.mjs';

const [template = 'sample-info-request', size = '1280x800', ...focus] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const host = await devHost();
const { id } = host.cli('session', 'create', '--data', host.data, '--title', 'x', '--template', template);
const { url } = host.cli('invite', id, '--data', host.data, '--role', 'facilitator');
const browser = await launchChromium();
const phone = width < 600;
const ctx = await browser.newContext({ viewport: { width, height }, ...(phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 3 } : {}) });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.goto(url);
await synced(page);
const tSynced = Date.now() - t0;
// Settled: two idle callbacks in a row with nothing else to do.
await page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(r))));
const { profile } = await cdp.send('Profiler.stop');
// Counters a build may leave on window.__count (added by hand to an unminified dist while measuring).
const counts = await page.evaluate(() => window.__count ?? null);
writeFileSync('/tmp/board-open.cpuprofile', JSON.stringify(profile));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
const self = new Map();
const inclusive = new Map(focus.map((f) => [f, 0]));
let script = 0;
profile.samples.forEach((s, i) => {
  const dt = profile.timeDeltas[i + 1] ?? 0;
  const n = byId.get(s);
  self.set(name(n), (self.get(name(n)) ?? 0) + dt);
  if (!['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName)) script += dt;
  const seen = new Set();
  for (let at = s; at !== undefined; at = parent.get(at)) {
    const fn = byId.get(at).callFrame.functionName;
    if (inclusive.has(fn) && !seen.has(fn)) {
      seen.add(fn);
      inclusive.set(fn, inclusive.get(fn) + dt);
    }
  }
});
console.log(`${template} at ${size}: synced after ${tSynced} ms; script (not idle/program/GC) ${(script / 1000).toFixed(0)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log((v / 1000).toFixed(0).padStart(6), 'ms', k);
if (counts) console.log('calls', JSON.stringify(counts));
for (const [k, v] of inclusive) console.log('inclusive', k.padEnd(20), (v / 1000).toFixed(1), 'ms');
await browser.close();
host.kill();
