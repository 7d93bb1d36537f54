import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { elementsMap, readBoard } from '../../shared/model/board.js';
import { boardTime } from '../../shared/model/boardTime.js';
import { readScenarios, scenariosMap } from '../../shared/model/scenario.js';
import type { Step } from '../../shared/model/step.js';
import { localOrigin } from '../../shared/model/origins.js';
import { updateElements } from '../../shared/operations/updateElements.js';
import { hostPerTest, storedDoc, synced, until } from '../helpers/host.js';
import { nextClose, sampleSession, stepNamed } from '../helpers/sampleSession.js';

const t = hostPerTest();
const day = 24 * 60;

const leadMinutes = (doc: Y.Doc) => boardTime(readBoard(doc).elements.values()).lead.leadMinutes;

/** Give a step time figures with the app's own operation: each figure its own field, only changed ones written. */
function setTimes(doc: Y.Doc, id: string, fields: Partial<Pick<Step, 'waitMinutes' | 'waitUnit' | 'processMinutes' | 'processUnit' | 'firstTimeRight'>>) {
  updateElements.run(doc, { ids: [id], patch: fields }, { origin: localOrigin, now: 1 });
}

it('two people edit the wait and the process time of one step at once; both keep their edit and everyone sees the same lead time', async () => {
  const { session, token } = sampleSession(t);
  const a = t.client(token('participant'), session.id);
  const b = t.client(token('facilitator'), session.id);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  const rep = stepNamed(a.doc, 'Sales rep qualifies lead, posts brochure');
  const before = leadMinutes(a.doc);

  // Both type before either sees the other's change: A shortens the queue to 3 days, B makes the work 2 hours.
  a.provider.disconnect();
  setTimes(a.doc, rep.id, { waitMinutes: 3 * day, waitUnit: 'days' });
  setTimes(b.doc, rep.id, { processMinutes: 120, processUnit: 'hours' });
  a.provider.connect();

  const both = (doc: Y.Doc) => {
    const s = stepNamed(doc, rep.title);
    return s.waitMinutes === 3 * day && s.processMinutes === 120;
  };
  await until(a.doc, () => both(a.doc));
  await until(b.doc, () => both(b.doc));
  expect(stepNamed(a.doc, rep.title)).toMatchObject({ waitMinutes: 3 * day, waitUnit: 'days', processMinutes: 120, processUnit: 'hours' });
  expect(stepNamed(storedDoc(t.host(), session.id), rep.title)).toMatchObject({ waitMinutes: 3 * day, processMinutes: 120 });
  // The customer's own 14-day wait still holds up the follow-up stage: the board's lead time is unchanged, the same everywhere.
  expect(leadMinutes(a.doc)).toBe(before);
  expect(leadMinutes(b.doc)).toBe(leadMinutes(a.doc));
});

it('a participant’s times and the to-be’s new times are kept; a negative wait closes that client with the reason and changes nothing', async () => {
  const { session, token } = sampleSession(t);
  const par = t.client(token('participant'), session.id);
  const fac = t.client(token('facilitator'), session.id);
  await Promise.all([synced(par.provider), synced(fac.provider)]);
  const form = stepNamed(par.doc, 'Fills in web form');
  const toBe = readScenarios(par.doc)[0];

  setTimes(par.doc, form.id, { waitMinutes: 90, waitUnit: 'minutes', processMinutes: 7.5, firstTimeRight: 0.925 });
  // A scenario's override is one field of the scenario's map, "<step>/<field>" (scenario.ts).
  scenariosMap(par.doc).get(toBe.id)!.set(`${form.id}/processMinutes`, 5);
  await until(fac.doc, () => readScenarios(fac.doc)[0].overrides[form.id]?.processMinutes === 5);
  expect(stepNamed(fac.doc, form.title)).toMatchObject({ waitMinutes: 90, processMinutes: 7.5, firstTimeRight: 0.925 });
  const stored = () => Y.encodeStateAsUpdate(storedDoc(t.host(), session.id));
  const kept = stored();

  // Written straight into the doc, past the operation's checks, as a modified client would.
  const closed = nextClose(par);
  elementsMap(par.doc)
    .get(form.id)!
    .set('waitMinutes', -3 * day);
  expect(await closed).toEqual({ code: closeCodes.malformed, reason: expect.stringMatching(/^invalid record: step \S+\.waitMinutes: a wait is minutes from 0 up to 10 years/) });
  par.provider.disconnect(); // a stock client would reconnect and send it again
  expect(stored()).toEqual(kept);
  expect(stepNamed(fac.doc, form.title).waitMinutes).toBe(90);
});
