import { afterEach, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host.js';
import { readBoard } from '../../shared/model/board.js';
import { toDecimal } from '../../shared/model/money.js';
import { localOrigin } from '../../shared/model/origins.js';
import { rollup } from '../../shared/model/rollup.js';
import type { Step } from '../../shared/model/step.js';
import { setStepCost } from '../../shared/operations/costs.js';
import { connectClient, startTestHost, storedDoc, synced, until } from '../helpers/host.js';
import type * as Y from 'yjs';

let host: (Host & { dataDir: string }) | null = null;
const closers: (() => void)[] = [];
afterEach(async () => {
  closers.splice(0).forEach((c) => c());
  await host?.close();
});

const steps = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e): e is Step => e.kind === 'step');
const total = (doc: Y.Doc) => toDecimal(rollup(steps(doc)).total);

it('two people edit different cost figures of one step at once; both win and everyone sees the same totals', async () => {
  host = await startTestHost();
  const session = host.store.sessions.create({ title: 'Costs', template: 'sample-info-request' });
  const [ta, tb] = [host.store.tokens.issue(session.id, 'participant'), host.store.tokens.issue(session.id, 'facilitator')];
  const a = connectClient(host.url, session.id, ta);
  const b = connectClient(host.url, session.id, tb);
  closers.push(a.close, b.close);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  expect(total(a.doc)).toBe('1476000.00');
  const call = steps(a.doc).find((s) => s.title.startsWith('Call-centre'))!;

  // Both edit before either sees the other's change: A halves the volume, B cuts the unit cost.
  a.provider.disconnect();
  setStepCost.run(a.doc, { id: call.id, patch: { volume: 50_000 } }, { origin: localOrigin, now: 1 });
  setStepCost.run(b.doc, { id: call.id, patch: { unitCents: 500 } }, { origin: localOrigin, now: 1 });
  a.provider.connect();

  const expected = '1126000.00'; // 1,476,000 − 600,000 + 50,000 × $5
  await until(a.doc, () => total(a.doc) === expected);
  await until(b.doc, () => total(b.doc) === expected);
  expect(steps(a.doc).find((s) => s.id === call.id)).toMatchObject({ volume: 50_000, unitCents: 500 });
  expect(total(storedDoc(host, session.id))).toBe(expected);
});
