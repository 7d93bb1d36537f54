import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { elementsMap } from '../../shared/model/board.js';
import { readScenarios, scenariosMap } from '../../shared/model/scenario.js';
import { localOrigin } from '../../shared/model/origins.js';
import { setStepCost } from '../../shared/operations/costs.js';
import { hostPerTest, storedDoc, synced, until } from '../helpers/host.js';
import { nextClose, sampleSession, stepNamed } from '../helpers/sampleSession.js';

const t = hostPerTest();

const setFigures = (doc: Y.Doc, id: string, patch: Record<string, unknown>) => setStepCost.run(doc, { id, patch }, { origin: localOrigin, now: 1 });

it('two people edit the low and the high of one figure at once; both keep their edit, everywhere', async () => {
  const { session, token } = sampleSession(t);
  const a = t.client(token('participant'), session.id);
  const b = t.client(token('facilitator'), session.id);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  const form = stepNamed(a.doc, 'Fills in web form');
  setFigures(a.doc, form.id, { volume: 1000 });
  await until(b.doc, () => stepNamed(b.doc, form.title).volume === 1000);

  // Both type before either sees the other's: A says it could be as few as 800, B as many as 1,300.
  a.provider.disconnect();
  setFigures(a.doc, form.id, { volumeLow: 800 });
  setFigures(b.doc, form.id, { volumeHigh: 1300 });
  a.provider.connect();

  const both = (doc: Y.Doc) => {
    const s = stepNamed(doc, form.title);
    return s.volumeLow === 800 && s.volumeHigh === 1300;
  };
  await until(a.doc, () => both(a.doc));
  await until(b.doc, () => both(b.doc));
  expect(stepNamed(storedDoc(t.host(), session.id), form.title)).toMatchObject({ volume: 1000, volumeLow: 800, volumeHigh: 1300 });
});

it('a modified client writing a low above its high is refused with the reason, and nothing changes', async () => {
  const { session, token } = sampleSession(t);
  const par = t.client(token('participant'), session.id);
  const fac = t.client(token('facilitator'), session.id);
  await Promise.all([synced(par.provider), synced(fac.provider)]);
  const form = stepNamed(par.doc, 'Fills in web form');
  setFigures(par.doc, form.id, { unitCents: 600, unitCentsLow: 400, unitCentsHigh: 800 });
  await until(fac.doc, () => stepNamed(fac.doc, form.title).unitCentsHigh === 800);
  const stored = () => Y.encodeStateAsUpdate(storedDoc(t.host(), session.id));
  const kept = stored();

  // Past the operation's checks, as a modified client would: a low of $9 under the stored high of $8.
  const closed = nextClose(par);
  elementsMap(par.doc).get(form.id)!.set('unitCentsLow', 900);
  expect(await closed).toEqual({ code: closeCodes.malformed, reason: expect.stringMatching(/^invalid record: step \S+\.unitCents: its low is above its high/) });
  par.provider.disconnect();
  expect(stored()).toEqual(kept);
  expect(stepNamed(fac.doc, form.title)).toMatchObject({ unitCentsLow: 400, unitCentsHigh: 800 });
});

it('a scenario’s override with a low above its high is refused the same way', async () => {
  const { session, token } = sampleSession(t);
  const par = t.client(token('participant'), session.id);
  await synced(par.provider);
  const form = stepNamed(par.doc, 'Fills in web form');
  const toBe = readScenarios(par.doc)[0];
  const closed = nextClose(par);
  par.doc.transact(() => {
    scenariosMap(par.doc).get(toBe.id)!.set(`${form.id}/rateCentsLow`, 5000);
    scenariosMap(par.doc).get(toBe.id)!.set(`${form.id}/rateCentsHigh`, 4000);
  });
  expect(await closed).toEqual({ code: closeCodes.malformed, reason: expect.stringMatching(/^invalid record: scenario \S+\.\S+\/rateCents: its low is above its high/) });
  par.provider.disconnect();
  expect(readScenarios(storedDoc(t.host(), session.id))[0].overrides[form.id]?.rateCentsLow).toBeUndefined();
});
