import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, fieldOf } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import { setLocked } from '../../shared/operations/updateElements.js';
import { addBand } from '../../shared/operations/bands.js';
import { setGridLocked } from '../../shared/operations/facilitation.js';
import { hostPerTest, storedDoc, synced, until } from '../helpers/host.js';

const ctx = { origin: localOrigin, now: 1 };
const t = hostPerTest();
const client = (token: string) => t.client(token);

/** Resolves with the next "permission denied" reason the host sends this client. */
function nextRefusal(c: ReturnType<typeof client>): Promise<string> {
  return new Promise((resolve) => {
    (c.provider as unknown as { messageHandlers: unknown[] }).messageHandlers[2] = (_e: unknown, decoder: { arr: Uint8Array }) => resolve(new TextDecoder().decode(decoder.arr));
  });
}

describe('roles, enforced by the host on what a client sends (a modified client included)', () => {
  it('a participant cannot change, delete or unlock a locked element, nor lock one; unlocked ones are fine', async () => {
    const fac = client(t.seed().tokens.facilitator);
    const par = client(t.seed().tokens.participant);
    await Promise.all([synced(fac.provider), synced(par.provider)]);
    const locked = addNote.run(fac.doc, { x: 0, y: 0, text: 'agreed wording' }, ctx);
    const open = addNote.run(fac.doc, { x: 300, y: 0, text: 'draft' }, ctx);
    setLocked.run(fac.doc, { ids: [locked], locked: true }, ctx);
    await until(par.doc, () => elementsMap(par.doc).get(locked)?.get('locked') === true && elementsMap(par.doc).has(open));

    // Written straight into the Y.Doc, as a modified client would, past the operations' checks.
    const attempts: [string, () => void][] = [
      ['edit a field', () => elementsMap(par.doc).get(locked)!.set('text', 'hijacked')],
      ['unlock', () => elementsMap(par.doc).get(locked)!.set('locked', false)],
      ['delete', () => elementsMap(par.doc).delete(locked)],
      ['lock another', () => elementsMap(par.doc).get(open)!.set('locked', true)],
    ];
    for (const [what, attempt] of attempts) {
      const refused = nextRefusal(par);
      attempt();
      expect(await refused, what).toMatch(/locked|only the facilitator/);
      // Resync this client from the host so the next attempt starts from the truth.
      par.close();
      const fresh = client(t.seed().tokens.participant);
      await synced(fresh.provider);
      Object.assign(par, fresh);
    }
    const stored = storedDoc(t.host(), t.seed().session.id);
    expect(elementsMap(stored).get(locked)?.toJSON()).toMatchObject({ text: 'agreed wording', locked: true });
    expect(fieldOf(elementsMap(stored).get(open)!, 'locked')).toBe(false);
    expect(elementsMap(fac.doc).get(locked)?.get('text')).toBe('agreed wording');

    // The unlocked note is the participant's to edit.
    elementsMap(par.doc).get(open)!.set('text', 'final');
    await until(fac.doc, () => elementsMap(fac.doc).get(open)?.get('text') === 'final');

    // The facilitator may unlock, and then the participant may edit.
    setLocked.run(fac.doc, { ids: [locked], locked: false }, ctx);
    await until(par.doc, () => elementsMap(par.doc).get(locked)?.get('locked') === false);
    elementsMap(par.doc).get(locked)!.set('text', 'revised together');
    await until(fac.doc, () => elementsMap(fac.doc).get(locked)?.get('text') === 'revised together');
  });
});

it('only the facilitator runs the timer', async () => {
  const fac = client(t.seed().tokens.facilitator);
  const par = client(t.seed().tokens.participant);
  await Promise.all([synced(fac.provider), synced(par.provider)]);
  const refused = nextRefusal(par);
  par.doc.getMap('facilitation').set('timerRunning', true);
  expect(await refused).toContain('only the facilitator runs the timer');
  fac.doc.getMap('facilitation').set('timerRemainingMs', 60_000);
  await until(par.doc, () => par.doc.getMap('facilitation').get('timerRemainingMs') === 60_000);
  expect(storedDoc(t.host(), t.seed().session.id).getMap('facilitation').get('timerRunning')).toBeUndefined();
});

it('while the grid is locked a participant cannot add, rename, resize or remove a lane, stage or line; cards still move', async () => {
  const fac = client(t.seed().tokens.facilitator);
  const par = client(t.seed().tokens.participant);
  await Promise.all([synced(fac.provider), synced(par.provider)]);
  const lanes = () => [...elementsMap(par.doc).entries()].filter(([, m]) => m.get('kind') === 'lane').map(([id]) => id);
  const lane = lanes()[0];
  const card = addNote.run(par.doc, { x: 40, y: 40, text: 'mine' }, ctx);
  setGridLocked.run(fac.doc, { locked: true }, ctx);
  await until(par.doc, () => par.doc.getMap('facilitation').get('gridLocked') === true);

  const attempts: [string, () => void][] = [
    ['rename a lane', () => elementsMap(par.doc).get(lane)!.set('name', 'Renamed')],
    ['add a lane', () => addBand.run(par.doc, { kind: 'lane', name: 'Extra' }, ctx)],
    ['delete a lane', () => elementsMap(par.doc).delete(lane)],
    ['unlock the grid', () => par.doc.getMap('facilitation').set('gridLocked', false)],
  ];
  for (const [what, attempt] of attempts) {
    const refused = nextRefusal(par);
    attempt();
    expect(await refused, what).toMatch(/grid is locked|only the facilitator/);
    par.close();
    const fresh = client(t.seed().tokens.participant);
    await synced(fresh.provider);
    Object.assign(par, fresh);
  }
  const stored = storedDoc(t.host(), t.seed().session.id);
  expect(elementsMap(stored).get(lane)?.get('name')).not.toBe('Renamed');
  expect([...elementsMap(stored).values()].filter((m) => m.get('kind') === 'lane')).toHaveLength(lanes().length);

  // Cards are not the grid: moving one is still the participant's.
  elementsMap(par.doc).get(card)!.set('x', 80);
  await until(fac.doc, () => elementsMap(fac.doc).get(card)?.get('x') === 80);
  // Unlocked again, the participant may add a lane.
  setGridLocked.run(fac.doc, { locked: false }, ctx);
  await until(par.doc, () => par.doc.getMap('facilitation').get('gridLocked') === false);
  addBand.run(par.doc, { kind: 'lane', name: 'Extra' }, ctx);
  await until(fac.doc, () => [...elementsMap(fac.doc).values()].some((m) => m.get('name') === 'Extra'));
});

it('nobody writes votes into the board directly, the facilitator included', async () => {
  const fac = client(t.seed().tokens.facilitator);
  await synced(fac.provider);
  const refused = nextRefusal(fac);
  fac.doc.getMap('votes').set('forged', new Y.Map());
  expect(await refused).toContain('votes are placed through the host');
  expect(storedDoc(t.host(), t.seed().session.id).getMap('votes').size).toBe(0);
});
