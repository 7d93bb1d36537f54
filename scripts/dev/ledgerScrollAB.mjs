// Dev: does a CSS rule make the 10,000-step ledger's scrolled frame cheaper? Opens the
// bench:ledger board (after npm run build) and scrolls it in turns without and with each rule
// given, several rounds, measuring the page's main-thread CPU per frame (thread ticks, as
// bench:ledger does) and the whole browser's CPU per frame (every Chromium process: the compositor,
// raster and display work a frame also costs, which the page's main thread does not show). Turns in
// the same page cancel most of a shared machine's drifting load.
//   node scripts/dev/ledgerScrollAB.mjs [--rounds 6] [--frames 40] [--step 120] [--width 1600] [--height 900] 'css A' ['css B' …]
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openLedgerBench, scrollDown } from '../../test/bench/ledgerBoard.mjs';

const { values: opt, positionals: variants } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '6' },
    frames: { type: 'string', default: '40' },
    step: { type: 'string', default: '120' },
    width: { type: 'string', default: '1600' },
    height: { type: 'string', default: '900' },
  },
});
const F = Number(opt.frames);

/** CPU time (ms) of every Chromium process this script started (its descendants but the host, a node). */
function browserCpu() {
  const procs = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [{ pid: Number(pid), ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) }];
      } catch {
        return []; // gone meanwhile
      }
    });
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs)
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
  }
  return procs.filter((p) => p.pid !== process.pid && mine.has(p.pid) && p.comm !== 'node').reduce((a, p) => a + p.ticks, 0) * 10;
}
const all = ['', ...variants];
const { page, close } = await openLedgerBench({ viewport: { width: Number(opt.width), height: Number(opt.height) } });
const cpu = all.map(() => []);
const whole = all.map(() => []);
try {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpuNow = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  await scrollDown(page, 10, Number(opt.step));
  for (let r = 0; r < Number(opt.rounds); r++) {
    for (const [i, css] of all.entries()) {
      await page.evaluate((css) => {
        let tag = document.getElementById('ab-css');
        if (!tag) document.head.append((tag = Object.assign(document.createElement('style'), { id: 'ab-css' })));
        tag.textContent = css;
        const el = document.querySelector('.ledger-scroll');
        if (el.scrollTop > el.scrollHeight - 20_000) el.scrollTop = 0;
      }, css);
      await scrollDown(page, 5, Number(opt.step));
      const c0 = await cpuNow();
      const w0 = browserCpu();
      await scrollDown(page, F, Number(opt.step));
      whole[i].push((browserCpu() - w0) / F);
      cpu[i].push(((await cpuNow()) - c0) / F);
    }
  }
} finally {
  await close();
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [i, css] of all.entries())
  console.log(
    `page ${median(cpu[i]).toFixed(2).padStart(6)} ms (${cpu[i].map((v) => v.toFixed(1)).join(' ')}), browser ${median(whole[i]).toFixed(1).padStart(5)} ms (${whole[i].map((v) => v.toFixed(0)).join(' ')})  ${css || '(as built)'}`,
  );
