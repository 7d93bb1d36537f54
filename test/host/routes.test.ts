import { describe, expect, it } from 'vitest';
import { apiRoutes, type RouteName } from '../../shared/api/routes.js';
import { hostPerTest } from '../helpers/host.js';

// The route table as the host serves it: every route answers, and refuses a caller it does not take.
const t = hostPerTest();

function call(name: RouteName, token: string | null, body?: unknown) {
  const def = apiRoutes[name];
  const path = def.path.replace(':id', t.seed().session.id);
  return fetch(`${t.host().url}${path}`, {
    method: def.method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: def.method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
}

describe('the API route table', () => {
  it('each route refuses a caller it does not take: owner routes without the key, session routes without a token, facilitator routes from a participant', async () => {
    for (const [name, def] of Object.entries(apiRoutes) as [RouteName, (typeof apiRoutes)[RouteName]][]) {
      if (def.caller === 'anyone') continue;
      const res = await call(name, def.caller === 'facilitator' ? t.seed().tokens.participant : null);
      expect([name, res.status]).toEqual([name, def.caller === 'facilitator' ? 403 : 401]);
    }
  });

  it('a path of the table called with another method says which methods it takes; an unknown path is a 404', async () => {
    const url = t.host().url;
    expect(await fetch(`${url}/api/hosting`, { method: 'PUT' }).then(async (r) => [r.status, await r.json()])).toEqual([405, { error: 'use GET or POST or DELETE' }]);
    expect(await fetch(`${url}/api/join`).then(async (r) => [r.status, await r.json()])).toEqual([405, { error: 'use POST' }]);
    expect((await fetch(`${url}/api/nothing-here`)).status).toBe(404);
    expect((await fetch(`${url}/api/sessions/not%20an%20id`)).status).toBe(404);
  });

  it('a body that does not match the route’s schema is a 400 that says where', async () => {
    const res = await call('joinCode', t.seed().tokens.facilitator, { role: 'facilitator' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^joinCode\.role: /);
  });
});
