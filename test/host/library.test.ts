import os from 'node:os';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiRoutes, type RouteName } from '../../shared/api/routes.js';
import { startHost, type Host } from '../../electron/host/host.js';
import { silentLogger } from '../../electron/host/log.js';
import { readBoard } from '../../shared/model/board.js';
import { rollup } from '../../shared/model/rollup.js';
import type { Step } from '../../shared/model/step.js';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { connectClient, storedDoc, synced, tempDir, webRoot } from '../helpers/host.js';
import { nextClose } from '../helpers/sampleSession.js';

// The library's actions on a real host through the owner routes: duplicate, trash, restore, empty.
let host: Host;
beforeEach(async () => {
  host = await startHost({ dataDir: tempDir(), port: 0, webRoot, owner: true, logger: silentLogger });
});
afterEach(() => host.close());

async function owner<T = unknown>(name: RouteName, sessionId = ''): Promise<{ status: number; body: T }> {
  const def = apiRoutes[name];
  const res = await fetch(`${host.url}${def.path.replace(':id', sessionId)}`, { method: def.method, headers: { Authorization: `Bearer ${host.ownerToken}` } });
  return { status: res.status, body: (await res.json()) as T };
}
const steps = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e): e is Step => e.kind === 'step');
const titles = async (name: 'listSessions' | 'listTrash') => (await owner<{ title: string }[]>(name)).body.map((s) => s.title);

describe('the session library', () => {
  it('a duplicate is an independent copy: same cards and costs, and an edit in one does not reach the other', async () => {
    const original = host.store.sessions.create({ title: 'Info request', template: 'sample-info-request' });
    const copied = await owner<{ session: { id: string; title: string }; url: string }>('duplicateSession', original.id);
    expect(copied.status).toBe(201);
    expect(copied.body.session.title).toBe('Info request (copy)');
    const token = (id: string) => host.store.tokens.issue(id, 'facilitator');
    const a = connectClient(host.url, original.id, token(original.id));
    const b = connectClient(host.url, copied.body.session.id, token(copied.body.session.id));
    try {
      await Promise.all([synced(a.provider), synced(b.provider)]);
      expect(
        steps(b.doc)
          .map((s) => s.title)
          .sort(),
      ).toEqual(
        steps(a.doc)
          .map((s) => s.title)
          .sort(),
      );
      expect(rollup(steps(b.doc)).total).toBe(rollup(steps(a.doc)).total);
      expect(b.doc.getMap('meta').get('title')).toBe('Info request (copy)');
      a.doc.getMap('meta').set('title', 'Changed in the original');
      b.doc.getMap('meta').set('currency', 'EUR');
      const copyId = copied.body.session.id;
      await expect.poll(() => host.store.sessions.get(original.id)?.title).toBe('Changed in the original');
      await expect.poll(() => storedDoc(host, copyId).getMap('meta').get('currency')).toBe('EUR');
      expect(storedDoc(host, copyId).getMap('meta').get('title')).toBe('Info request (copy)');
      expect(storedDoc(host, original.id).getMap('meta').get('currency')).toBe('USD');
      expect([b.doc.getMap('meta').get('title'), a.doc.getMap('meta').get('currency')]).toEqual(['Info request (copy)', 'USD']);
    } finally {
      a.close();
      b.close();
    }
    expect((await owner('duplicateSession', 'AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });

  it('delete moves a session to the trash: everyone in it is disconnected and its links stop working until it is restored', async () => {
    const s = host.store.sessions.create({ title: 'Order to cash', template: 'blank' });
    const token = host.store.tokens.issue(s.id, 'participant');
    const c = connectClient(host.url, s.id, token);
    await synced(c.provider);
    const closed = nextClose(c);
    expect((await owner('trashSession', s.id)).body).toEqual({ trashed: true });
    expect(await closed).toEqual({ code: closeCodes.sessionDeleted, reason: 'the session was moved to the trash' });
    c.close();
    expect(await titles('listSessions')).toEqual([]);
    expect(await titles('listTrash')).toEqual(['Order to cash']);
    const link = await fetch(`${host.url}/api/sessions/${s.id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(link.status).toBe(401);

    expect((await owner<{ title: string }>('restoreSession', s.id)).body.title).toBe('Order to cash');
    expect(await titles('listSessions')).toEqual(['Order to cash']);
    expect(await titles('listTrash')).toEqual([]);
    const again = connectClient(host.url, s.id, token);
    await synced(again.provider);
    again.close();
    expect((await owner('restoreSession', s.id)).status).toBe(404);
  });

  it('emptying the trash removes its sessions for good; the trash keeps a session 30 days', async () => {
    const gone = host.store.sessions.create({ title: 'Old workshop', template: 'sample-info-request' });
    const kept = host.store.sessions.create({ title: 'Kept', template: 'blank' });
    host.store.tokens.issue(gone.id, 'participant');
    const day = 86_400_000;
    const deleted = Date.now();
    host.store.sessions.trash(gone.id, deleted);
    expect(host.store.sessions.purgeExpired(deleted + 29 * day)).toBe(0);
    expect(await titles('listTrash')).toEqual(['Old workshop']);
    expect((await owner('emptyTrash')).body).toEqual({ removed: 1 });
    expect(await titles('listTrash')).toEqual([]);
    const rows = (table: string) => (host.store.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE session_id = ?`).get(gone.id) as { n: number }).n;
    expect([rows('updates'), rows('tokens')]).toEqual([0, 0]);
    expect(await titles('listSessions')).toEqual(['Kept']);
    host.store.sessions.trash(kept.id, deleted);
    expect(host.store.sessions.purgeExpired(deleted + 30 * day)).toBe(1);
  });

  it('whose key the owner link holds: this computer’s user, by the name the system gives them', async () => {
    expect(await owner('whoAmI')).toEqual({ status: 200, body: { name: os.userInfo().username } });
  });
});
