import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { emptyDatabase } from '../servers/database.js';

const drops: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(drops.map((d) => d())));
async function store() {
  const db = await emptyDatabase();
  drops.push(db.drop);
  const s = await openPostgresStore(db.url);
  return { store: s, url: db.url };
}

const T = 1_767_225_600_123;

it('a facilitator’s API key opens the team server until it is revoked; only its hash is kept', async () => {
  const { store: s, url } = await store();
  try {
    const ana = await s.facilitators.add('Ana Ødegård, CX team', T);
    const bo = await s.facilitators.add('Bo', T + 1);
    // 256 random bits, never a leading dash (the key is pasted into command lines).
    expect(ana.key).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{42}$/);
    expect(ana.key).not.toBe(bo.key);
    expect(ana.facilitator).toEqual({ id: ana.facilitator.id, name: 'Ana Ødegård, CX team', createdAt: T, revokedAt: null });
    expect(await s.facilitators.verify(ana.key)).toEqual(ana.facilitator);
    expect(await s.facilitators.verify(bo.key)).toEqual(bo.facilitator);
    // A wrong key, a key one character off, an invite token's shape, nothing at all: no one.
    const oneOff = ana.key.slice(0, -1) + (ana.key.endsWith('A') ? 'B' : 'A');
    for (const wrong of [oneOff, 'not-a-key', '', ' '.repeat(43), `${ana.key} `, "' OR 1=1 --"]) expect(await s.facilitators.verify(wrong)).toBeNull();
    expect(await s.facilitators.list()).toEqual([ana.facilitator, bo.facilitator]);

    const revoked = await s.facilitators.revoke(ana.facilitator.id, T + 10);
    expect(revoked).toEqual({ facilitator: { ...ana.facilitator, revokedAt: T + 10 }, already: false, links: [] });
    expect(await s.facilitators.verify(ana.key)).toBeNull();
    expect(await s.facilitators.verify(bo.key)).toEqual(bo.facilitator);
    // Revoking again keeps the first time; an unknown id is no one.
    expect(await s.facilitators.revoke(ana.facilitator.id, T + 20)).toEqual({ facilitator: { ...ana.facilitator, revokedAt: T + 10 }, already: true, links: [] });
    expect(await s.facilitators.revoke('no-such-facilitator')).toBeNull();
    expect(await s.facilitators.list()).toEqual([{ ...ana.facilitator, revokedAt: T + 10 }, bo.facilitator]);

    // What a copy of the database (a pg_dump) holds: no key, only hashes.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = (await client.query('SELECT * FROM facilitators')).rows as Record<string, unknown>[];
      const text = JSON.stringify(rows);
      expect(text).not.toContain(ana.key);
      expect(text).not.toContain(bo.key);
      expect(rows.map((r) => r.key_hash)).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{64}$/)]));
    } finally {
      await client.end();
    }
  } finally {
    await s.close();
  }
});
