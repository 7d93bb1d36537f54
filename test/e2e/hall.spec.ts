import { test } from '@playwright/test';
import { LightClient } from '../bench/lightClient.mjs';
import { expect, join, personPage, sessionForFile } from './fixtures';

// A hall: the facilitator's window and 60 people on their own devices (light clients of the sync
// protocol, as many as this machine holds beside a browser), 50 of whom point once and leave
// their mouse where it is, 10 of whom point at the board the whole time.
const session = sessionForFile('service-blueprint');

type Node = { text: string | null };
const namesDrawn = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __brownpaper: { canvasNodes(n: string): Node[] } }).__brownpaper.canvasNodes('peer-name').map((n) => n.text));

test('in a hall of 60 the facilitator sees the pointers of the people pointing at the board, not 60 name tags', async ({ browser }) => {
  const facilitator = await personPage(browser);
  await join(facilitator, session().invite('facilitator'));
  await facilitator.getByRole('button', { name: 'Skip' }).click();

  const invite = new URL(session().invite('participant'));
  const token = invite.searchParams.get('token') ?? new URLSearchParams(invite.hash.replace(/^#/, '')).get('token');
  const url = `${session().host.url.replace(/^http/, 'ws')}/sync/${session().sessionId}?token=${token}`;
  const hall = Array.from({ length: 60 }, (_, i) => new LightClient(url, i, { name: i < 50 ? `Drifter ${i + 1}` : `Pointer ${i - 49}` }));
  try {
    await Promise.all(hall.map((c) => c.opened));
    // Board points on the facilitator's screen, so every pointer would be in view. The view is read
    // once per round of moves, not once per person: 60 reads instead of 350 round trips to the page.
    type View = { x: number; y: number; scale: number };
    const view = () => facilitator.evaluate(() => (window as unknown as { __brownpaper: { ui(): { viewport: View } } }).__brownpaper.ui().viewport);
    const at = (vp: View, i: number) => {
      const sx = 100 + ((i * 97) % 1000);
      const sy = 100 + ((i * 61) % 600);
      return [(sx - vp.x) / vp.scale, (sy - vp.y) / vp.scale] as const;
    };
    const first = await view();
    for (let i = 0; i < 50; i++) hall[i].move(...at(first, i));
    // The fifty have pointed once and are on the facilitator's screen.
    await expect.poll(() => facilitator.evaluate(() => Object.keys((window as unknown as { __brownpaper: { peers(): object } }).__brownpaper.peers()).length)).toBe(50);
    // The ten point at cards, as people do while someone talks: ten moves a second, for three seconds.
    const pointing = hall.slice(50);
    for (let t = 0; t < 30; t++) {
      const vp = await view();
      for (const [k, c] of pointing.entries()) {
        const [x, y] = at(vp, 50 + k);
        c.move(x + 20 * Math.cos(t / 3), y + 20 * Math.sin(t / 3));
      }
      await facilitator.waitForTimeout(100);
    }
    // Sixty people are here, and of their pointers the facilitator's board draws the ten that point and no more than 24 in all.
    await expect.poll(() => facilitator.evaluate(() => Object.keys((window as unknown as { __brownpaper: { peers(): object } }).__brownpaper.peers()).length)).toBe(60);
    await expect
      .poll(async () => {
        const names = await namesDrawn(facilitator);
        return pointing.every((c) => names.includes(c.name)) && names.length <= 24;
      })
      .toBe(true);
  } finally {
    hall.forEach((c) => c.close());
  }
});
