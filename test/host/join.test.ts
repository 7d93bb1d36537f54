import { describe, expect, it } from 'vitest';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { syncUrl } from '../../shared/session.js';
import { hostPerTest, rawUpgrade, synced } from '../helpers/host.js';

const t = hostPerTest();
const client = (token: string | null, sessionId?: string) => t.client(token, sessionId);

// Response bodies here are the host's JSON; the tests read the fields they check.
type Json = any;
const read = (r: Response) => r.json() as Promise<Json>;
const post = (path: string, body: unknown, token?: string): Promise<Response> =>
  fetch(`${t.host().url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

describe('join codes', () => {
  it('the facilitator gets a short code per role; the code is exchanged for a token with that role', async () => {
    const r = await post(`/api/sessions/${t.seed().session.id}/codes`, { role: 'participant' }, t.seed().tokens.facilitator);
    expect(r.status).toBe(200);
    const { code, joinUrl } = await read(r);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(joinUrl).toBe(`${t.host().url}/join`);
    // Stable while hosting: asking again gives the same code.
    expect((await read(await post(`/api/sessions/${t.seed().session.id}/codes`, { role: 'participant' }, t.seed().tokens.facilitator))).code).toBe(code);

    const joined = await post('/api/join', { code: ` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} ` });
    expect(joined.status).toBe(200);
    const { token, role, sessionId, url } = await read(joined);
    expect([role, sessionId]).toEqual(['participant', t.seed().session.id]);
    expect(url).toBe(`${t.host().url}/s/${t.seed().session.id}#token=${token}`);
    const c = client(token, sessionId);
    await synced(c.provider);
  });

  it('only the facilitator may make codes', async () => {
    expect((await post(`/api/sessions/${t.seed().session.id}/codes`, { role: 'viewer' }, t.seed().tokens.participant)).status).toBe(403);
    expect((await post(`/api/sessions/${t.seed().session.id}/codes`, { role: 'viewer' })).status).toBe(403);
    expect((await post(`/api/sessions/${t.seed().session.id}/codes`, { role: 'facilitator' }, t.seed().tokens.facilitator)).status).toBe(400);
  });

  it('wrong codes are rate-limited per address: after 10 failures even the right code waits', async () => {
    const { code } = await read(await post(`/api/sessions/${t.seed().session.id}/codes`, { role: 'viewer' }, t.seed().tokens.facilitator));
    for (let i = 0; i < 10; i++) expect((await post('/api/join', { code: 'ZZZZZZ' })).status).toBe(401);
    const blocked = await post('/api/join', { code });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('removing a person', () => {
  it('closes their connection with 4410 and revokes their token; others stay', async () => {
    const participant = client(t.seed().tokens.participant);
    const other = client(t.seed().tokens.viewer);
    await Promise.all([synced(participant.provider), synced(other.provider)]);
    participant.provider.awareness.setLocalStateField('user', { name: 'Mallory', color: '#d64545' });
    const clientId = participant.doc.clientID;
    const closed = new Promise<number>((resolve) => participant.provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));
    // Once another client sees Mallory, the host has her awareness (it relays what it applied).
    await new Promise<void>((resolve) => {
      const seen = () => other.provider.awareness.getStates().has(clientId) && (other.provider.awareness.off('change', seen), resolve());
      other.provider.awareness.on('change', seen);
      seen();
    });
    const r = await post(`/api/sessions/${t.seed().session.id}/kick`, { clientId }, t.seed().tokens.facilitator);
    expect(r.status).toBe(200);
    expect(await closed).toBe(closeCodes.revoked);
    participant.provider.disconnect();
    expect(await rawUpgrade(`${syncUrl(t.host().url)}/${t.seed().session.id}?token=${t.seed().tokens.participant}`)).toEqual({ opened: false, status: 401 });
    expect(other.provider.wsconnected).toBe(true);
    expect((await post(`/api/sessions/${t.seed().session.id}/kick`, { clientId: other.doc.clientID }, t.seed().tokens.participant)).status).toBe(403);
  });
});
