// Dev: a hall of people on one board, seen by the facilitator — light clients (test/bench/lightClient.mjs)
// pointing at the board, 24 of them actively. Screenshots at 1,280 × 800, 1,920 × 1,080 and 390 × 844
// into /tmp/shots-room/. Run from the repository root after `npm run build`:
//   node scripts/dev/roomShots.mjs [people=80]
import { mkdirSync } from 'node:fs';
import { LightClient } from '../../test/bench/lightClient.mjs';
import { openDevSession } from './devSession.mjs';

const people = Number(process.argv[2] ?? 80);
const out = '/tmp/shots-room';
mkdirSync(out, { recursive: true });
const s = await openDevSession('service-blueprint', `A hall of ${people}`);
const invite = new URL(s.invite('participant'));
const token = invite.searchParams.get('token') ?? new URLSearchParams(invite.hash.replace(/^#/, '')).get('token');
const sessionId = invite.pathname.split('/').filter(Boolean).at(-1);
const base = `ws://${invite.host}/sync/${sessionId}?token=${token}`;
const crowd = Array.from({ length: people }, (_, i) => new LightClient(base, i, { localAddress: `127.0.0.${2 + (i % 50)}`, name: `Person ${i + 1}` }));
await Promise.all(crowd.map((c) => c.opened));

for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
  [390, 844],
]) {
  await s.page.setViewportSize({ width: w, height: h });
  await s.page.waitForTimeout(300);
  // Where the board is on this screen, in board units: the crowd points all over it.
  const vp = await s.page.evaluate(() => window.__brownpaper.ui().viewport);
  const at = (sx, sy) => [(sx - vp.x) / vp.scale, (sy - vp.y) / vp.scale];
  const spots = crowd.map((_, i) => [((i * 97) % 100) / 100, ((i * 61) % 100) / 100]);
  // Everyone points once, then 24 keep moving for two seconds, ten times a second.
  crowd.forEach((c, i) => c.move(...at(spots[i][0] * w, 80 + spots[i][1] * (h - 160))));
  for (let t = 0; t < 20; t++) {
    crowd.slice(0, 24).forEach((c, i) => c.move(...at(spots[i][0] * w + 30 * Math.cos(t / 3), 80 + spots[i][1] * (h - 160) + 30 * Math.sin(t / 3))));
    await new Promise((r) => setTimeout(r, 100));
  }
  await s.page.waitForFunction((n) => Object.keys(window.__brownpaper.peers()).length >= n, people);
  const known = await s.page.evaluate(() => Object.values(window.__brownpaper.peers()).filter((p) => p.cursor).length);
  console.log(`${w}×${h}: ${known} pointers known`);
  await s.page.screenshot({ path: `${out}/hall-${w}x${h}.png` });
}
crowd.forEach((c) => c.close());
await s.close();
