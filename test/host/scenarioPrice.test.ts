import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, readMeta } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { readScenarios, scenariosMap } from '../../shared/model/scenario.js';
import { setBoardSettings } from '../../shared/operations/costs.js';
import { setScenarioPrice } from '../../shared/operations/scenarioPrice.js';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { hostPerTest, storedDoc, synced, until } from '../helpers/host.js';
import { nextClose, sampleSession } from '../helpers/sampleSession.js';

const t = hostPerTest();
const ctx = { origin: localOrigin, now: 1 };

it('a participant prices the to-be: the host stores it and the facilitator sees it', async () => {
  const { session, token } = sampleSession(t);
  const par = t.client(token('participant'), session.id);
  const fac = t.client(token('facilitator'), session.id);
  await Promise.all([synced(par.provider), synced(fac.provider)]);
  const toBe = readScenarios(par.doc)[0];

  expect(setScenarioPrice.run(par.doc, { id: toBe.id, patch: { investmentCents: 20_000_000, runningCents: 3_000_000, rampMonths: 3, owner: 'Marketing' } }, ctx)).toBe(true);
  await until(fac.doc, () => readScenarios(fac.doc)[0].price.investmentCents === 20_000_000);
  expect(readScenarios(fac.doc)[0].price).toMatchObject({ investmentCents: 20_000_000, runningCents: 3_000_000, rampMonths: 3, owner: 'Marketing' });
  expect(readScenarios(storedDoc(t.host(), session.id))[0].price).toMatchObject({ investmentCents: 20_000_000, runningCents: 3_000_000, rampMonths: 3, owner: 'Marketing' });
});

it('a negative investment is refused by the operation and, sent anyway, by the host, which keeps nothing of it', async () => {
  const { session, token } = sampleSession(t);
  const par = t.client(token('participant'), session.id);
  const fac = t.client(token('facilitator'), session.id);
  await Promise.all([synced(par.provider), synced(fac.provider)]);
  const toBe = readScenarios(par.doc)[0];
  const before = readScenarios(fac.doc)[0].price.investmentCents;

  expect(() => setScenarioPrice.run(par.doc, { id: toBe.id, patch: { investmentCents: -100 } }, ctx)).toThrow(`scenario ${toBe.id}.investmentCents`);
  expect(() => setScenarioPrice.run(par.doc, { id: toBe.id, patch: { investmentCentsLow: 20_000_000, investmentCentsHigh: 10_000_000 } }, ctx)).toThrow(
    `scenario ${toBe.id}.investmentCentsHigh: the low is above the high`,
  );
  const kept = Y.encodeStateAsUpdate(storedDoc(t.host(), session.id));

  // Written straight into the doc, past the operation's checks, as a modified client would.
  const closed = nextClose(par);
  scenariosMap(par.doc).get(toBe.id)!.set('investmentCents', -15_000_000);
  expect(await closed).toMatchObject({ code: closeCodes.malformed, reason: expect.stringMatching(/investmentCents/) });
  par.provider.disconnect();
  expect(Y.encodeStateAsUpdate(storedDoc(t.host(), session.id))).toEqual(kept);
  expect(readScenarios(fac.doc)[0].price.investmentCents).toBe(before);
});

it('a discount rate of 150 % is refused by the operation and by the host; 5 % is kept', async () => {
  const { session, token } = sampleSession(t);
  const fac = t.client(token('facilitator'), session.id);
  const other = t.client(token('facilitator'), session.id);
  await Promise.all([synced(fac.provider), synced(other.provider)]);

  setBoardSettings.run(fac.doc, { discountRate: 0.05 }, ctx);
  await until(other.doc, () => readMeta(other.doc)?.discountRate === 0.05);
  expect(readMeta(storedDoc(t.host(), session.id))?.discountRate).toBe(0.05);
  expect(() => setBoardSettings.run(fac.doc, { discountRate: 1.5 }, ctx)).toThrow('discountRate: a discount rate is at most 100 %');
  const kept = Y.encodeStateAsUpdate(storedDoc(t.host(), session.id));

  const closed = nextClose(fac);
  metaMap(fac.doc).set('discountRate', 1.5);
  expect(await closed).toMatchObject({ code: closeCodes.malformed, reason: expect.stringMatching(/discountRate/) });
  fac.provider.disconnect();
  expect(Y.encodeStateAsUpdate(storedDoc(t.host(), session.id))).toEqual(kept);
  expect(readMeta(other.doc)?.discountRate).toBe(0.05);
});
