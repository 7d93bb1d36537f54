// Dev: what an open board costs the page while nobody does anything, and what opening it cost.
// Opens a session's board as the facilitator, waits until it is synced and settled, then reads
// the page's counters (CDP Performance.getMetrics) over a few idle seconds: an idle board should
// run no script, lay nothing out and paint nothing.
//   npm run build && node scripts/dev/idleCost.mjs [template] [seconds] [WxH]
import { devHost, launchChromium, synced } from './devSession.mjs';

const [template = 'sample-info-request', seconds = '5', size = '1280x800'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const host = await devHost();
const { id } = host.cli('session', 'create', '--data', host.data, '--title', 'Idle board', '--template', template);
const { url } = host.cli('invite', id, '--data', host.data, '--role', 'facilitator');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width, height } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const names = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount', 'Frames'];
const show = (label, a, b) => console.log(label.padEnd(10), names.map((n) => `${n} ${n.endsWith('Duration') ? `${((b[n] - (a?.[n] ?? 0)) * 1000).toFixed(0)} ms` : b[n] - (a?.[n] ?? 0)}`).join(', '));
await page.goto(url);
await synced(page);
await page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(r))));
const opened = await metrics();
show('opening', null, opened);
await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
show(`idle ${seconds} s`, opened, await metrics());
await browser.close();
host.kill();
