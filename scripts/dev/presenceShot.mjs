// Dev: two people on the sample board; screenshot what the second sees of the first (name, pointer, selection).
//   node scripts/dev/presenceShot.mjs [out.png]
import { openDevSession, openWindow } from './devSession.mjs';
const [out = '/tmp/shots-presence.png'] = process.argv.slice(2);
const { page: a, browser, invite, close } = await openDevSession('sample-info-request', 'Info request');
await a.getByRole('button', { name: 'Skip' }).click();
const b = await openWindow(browser, invite('participant'), { viewport: { width: 1440, height: 900 } });
await a.mouse.move(700, 400);
await a.mouse.move(720, 420);
const id = await a.evaluate(() => Object.values(window.__brownpaper.board().elements).find((e) => e.kind === 'step' && e.title.startsWith('Sales call')).id);
const box = await a.evaluate((i) => window.__brownpaper.screenBox(i), id);
await a.mouse.click(box.x + 20, box.y + 40);
await a.mouse.move(760, 460);
// The second window has the first's selection once presence has carried it.
await b.waitForFunction((i) => Object.values(window.__brownpaper.peers()).some((p) => p.selection.includes(i)), id);
await b.screenshot({ path: out });
await close();
