import { expect, it } from 'vitest';
import { localOrigin } from '../../shared/model/origins.js';
import { renameSession } from '../../shared/operations/renameSession.js';
import { hostPerTest, storedDoc, synced, until } from '../helpers/host.js';

const ctx = { origin: localOrigin, now: 1 };
const t = hostPerTest();

/** Resolves with the next "permission denied" reason the host sends this client. */
function nextRefusal(c: ReturnType<typeof t.client>): Promise<string> {
  return new Promise((resolve) => {
    (c.provider as unknown as { messageHandlers: unknown[] }).messageHandlers[2] = (_e: unknown, decoder: { arr: Uint8Array }) => resolve(new TextDecoder().decode(decoder.arr));
  });
}

it("the facilitator's new title on the board becomes the session list's title", async () => {
  const fac = t.client(t.seed().tokens.facilitator);
  const par = t.client(t.seed().tokens.participant);
  await Promise.all([synced(fac.provider), synced(par.provider)]);
  renameSession.run(fac.doc, { title: 'Order to cash — as it is today' }, ctx);
  await until(par.doc, () => par.doc.getMap('meta').get('title') === 'Order to cash — as it is today');
  expect(t.host().store.sessions.get(t.seed().session.id)?.title).toBe('Order to cash — as it is today');
  expect(
    t
      .host()
      .store.sessions.list()
      .map((s) => s.title),
  ).toContain('Order to cash — as it is today');
});

it("a participant's title change, written straight into the board, is refused and the list keeps its title", async () => {
  const par = t.client(t.seed().tokens.participant);
  await synced(par.provider);
  const refused = nextRefusal(par);
  par.doc.getMap('meta').set('title', 'hijacked');
  expect(await refused).toContain('only the facilitator renames the session');
  expect(storedDoc(t.host(), t.seed().session.id).getMap('meta').get('title')).toBe('Order to cash');
  expect(t.host().store.sessions.get(t.seed().session.id)?.title).toBe('Order to cash');
});

it('a title the list cannot hold (blank) stays on the board only', async () => {
  const fac = t.client(t.seed().tokens.facilitator);
  const wall = t.client(t.seed().tokens.viewer);
  await Promise.all([synced(fac.provider), synced(wall.provider)]);
  fac.doc.getMap('meta').set('title', '   ');
  await until(wall.doc, () => wall.doc.getMap('meta').get('title') === '   ');
  expect(t.host().store.sessions.get(t.seed().session.id)?.title).toBe('Order to cash');
});
