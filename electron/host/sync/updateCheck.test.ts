import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, kinds, metaMap, readElement } from '../../../shared/model/board.js';
import { newId } from '../../../shared/model/ids.js';
import { newStep } from '../../../shared/model/step.js';
import { operations as op } from '../../../shared/operations/index.js';
import { boardFrom, ctx } from '../../../shared/operations/testDoc.js';
import { invalidUpdate } from './updateCheck.js';

/** The host's doc and one client's copy; each client update is checked, then applied if valid. */
function room(template: 'blank' | 'sample-info-request' = 'sample-info-request') {
  const host = boardFrom(template);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(host));
  const verdicts: (string | null)[] = [];
  client.on('update', (u: Uint8Array) => {
    const v = invalidUpdate(host, u);
    verdicts.push(v);
    if (!v) Y.applyUpdate(host, u);
  });
  return { host, client, verdicts, last: () => verdicts[verdicts.length - 1] };
}

const firstStep = (doc: Y.Doc) => [...elementsMap(doc).entries()].find(([, m]) => m.get('kind') === 'step')![0];

describe('what the host lets a client write', () => {
  it('everything the app’s own operations write passes', () => {
    const { client, verdicts } = room();
    const step = op.addStep.run(client, { x: 100, y: 100, title: 'Check the claim' }, ctx)!;
    const note = op.addNote.run(client, { x: 400, y: 100, text: 'Why twice?' }, ctx)!;
    op.addText.run(client, { x: 0, y: -400, text: 'Heading' }, ctx);
    op.setElementText.run(client, { id: step, text: 'Check the claim against the policy' }, ctx);
    op.moveElements.run(client, { moves: [{ id: step, x: 240, y: 180 }] }, ctx);
    op.setStepCost.run(client, { id: step, patch: { volume: 12000, costMode: 'time', minutes: 15, rateCents: 4800, fixedCents: 500000 } }, ctx);
    op.addConnector.run(client, { fromId: step, toId: firstStep(client) }, ctx);
    const scenario = op.addScenario.run(client, { name: 'To-be' }, ctx)!;
    op.setOverride.run(client, { scenarioId: scenario as string, stepId: step, field: 'minutes', value: 2 }, ctx);
    op.setOverride.run(client, { scenarioId: scenario as string, stepId: step, field: 'minutes', value: null }, ctx);
    op.renameScenario.run(client, { id: scenario as string, name: 'Self-service' }, ctx);
    op.setBoardSettings.run(client, { title: 'Claims, as-is', currency: 'EUR', locale: 'de-DE' }, ctx);
    op.addBand.run(client, { kind: 'lane', name: 'Partner' }, ctx);
    op.setLocked.run(client, { ids: [note], locked: true }, ctx);
    op.setTimer.run(client, { action: 'start', minutes: 5 }, ctx);
    op.setGridLocked.run(client, { locked: true }, ctx);
    op.setPresenter.run(client, { clientId: 7 }, ctx);
    op.duplicateElements.run(client, { ids: [step, note], dx: 20, dy: 20 }, ctx);
    op.deleteElements.run(client, { ids: [note] }, ctx);
    op.deleteScenario.run(client, { id: scenario as string }, ctx);
    expect(verdicts.filter(Boolean)).toEqual([]);
    expect(verdicts.length).toBeGreaterThan(15);
  });

  it('someone else deletes a note: the record goes whole, which removes none of its fields', () => {
    const { host, client } = room('blank');
    const note = op.addNote.run(client, { x: 100, y: 100, text: 'Why twice?' }, ctx)!;
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(host));
    let update: Uint8Array | null = null;
    other.once('update', (u: Uint8Array) => (update = u));
    op.deleteElements.run(other, { ids: [note] }, ctx);
    expect(invalidUpdate(host, update!)).toBeNull();
  });

  it('undo then redo of a duplicate passes: the copy comes back over its old self, written beside it', () => {
    const { client, verdicts } = room();
    const undo = new Y.UndoManager([elementsMap(client)], { trackedOrigins: new Set([ctx.origin]), captureTimeout: 0 });
    op.duplicateElements.run(client, { ids: [firstStep(client)], dx: 20, dy: 20 }, ctx);
    undo.undo();
    undo.redo();
    expect(verdicts).toEqual([null, null, null]);
  });

  it('a whole board sent at once (a reconnect’s step 2) passes', () => {
    const host = new Y.Doc();
    expect(invalidUpdate(host, Y.encodeStateAsUpdate(boardFrom('sample-info-request')))).toBeNull();
  });

  it('refuses bad values in existing records, field by field', () => {
    const { client, last } = room();
    const step = elementsMap(client).get(firstStep(client))!;
    step.set('volume', -5);
    expect(last()).toMatch(/^step \S+\.volume: .*(>=|greater|too small).*\(got -5\)$/);
    step.set('title', 'x'.repeat(10_000_000));
    expect(last()).toMatch(/\.title: .*\(got a string of 10000000 characters\)$/);
    step.set('colour', 'red');
    expect(last()).toMatch(/no field "colour"$/);
    step.set('kind', 'note');
    expect(last()).toMatch(/its kind cannot change$/);
    step.set('x', Number.NaN);
    expect(last()).toMatch(/\.x: /);
    step.set('notes', new Y.Map());
    expect(last()).toMatch(/fields hold plain values/);
  });

  it('refuses removing a field without a default from a record, or a field of the board', () => {
    const { client, last } = room();
    elementsMap(client).get(firstStep(client))!.delete('x');
    expect(last()).toMatch(/^element \S+\.x: cannot be removed$/);
    elementsMap(client).get(firstStep(client))!.delete('order');
    expect(last()).toMatch(/^element \S+\.order: cannot be removed$/);
    metaMap(client).delete('currency');
    expect(last()).toBe('meta.currency: cannot be removed');
  });

  it('a field with a default may be removed from a record: the host then reads it as the default', () => {
    const { host, client, last } = room();
    const id = firstStep(client);
    const step = elementsMap(client).get(id)!;
    step.set('painPoint', true);
    step.set('w', 300);
    step.delete('painPoint');
    expect(last()).toBeNull();
    step.delete('w');
    expect(last()).toBeNull();
    const read = readElement(id, elementsMap(host).get(id)!);
    expect(read.ok && read.value).toMatchObject({ painPoint: false, w: kinds.step.defaults.w });
  });

  it('a new record that stores only its kind and the fields without a default passes; a bad field in it is still refused by name', () => {
    const { client, last } = room();
    const sparse = (fields: Record<string, unknown>) => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
      elementsMap(client).set(newId(), m);
      return last();
    };
    expect(sparse({ kind: 'step', x: 10, y: 20, order: 'a5' })).toBeNull();
    expect(sparse({ kind: 'note', x: 10, y: 20, order: 'a6', text: 'Why twice?' })).toBeNull();
    expect(sparse({ kind: 'step', x: 10, y: 20, order: 'a7', volume: -1 })).toMatch(/^step \S+\.volume: /);
    expect(sparse({ kind: 'step', x: 10, y: 20, order: 'a8', waitUnit: 'fortnights' })).toMatch(/^step \S+\.waitUnit: the unit is minutes, hours, days or weeks$/);
    expect(sparse({ kind: 'step', x: 10, order: 'a9' })).toMatch(/^step \S+\.y: /);
    expect(sparse({ kind: 'step', x: 10, y: 20, order: 'b0', wings: 2 })).toMatch(/^step \S+\.: /);
  });

  it('refuses new records that do not validate, unknown kinds and parts the board does not have', () => {
    const { client, last } = room();
    const bad = new Y.Map<unknown>();
    bad.set('kind', 'spaceship');
    elementsMap(client).set(newId(), bad);
    expect(last()).toMatch(/unknown kind "spaceship"/);
    const half = new Y.Map<unknown>();
    half.set('kind', 'step');
    half.set('title', 'No position');
    elementsMap(client).set(newId(), half);
    expect(last()).toMatch(/^step \S+\.\S+: /);
    elementsMap(client).set('not an id!', new Y.Map());
    expect(last()).toMatch(/is not an id/);
    client.getMap('graffiti').set('a', 1);
    expect(last()).toMatch(/no part named "graffiti"/);
    client.getArray('list').push([1]);
    expect(last()).toMatch(/refused/);
    metaMap(client).set('title', 'y'.repeat(201));
    expect(last()).toMatch(/^meta\.title: /);
    metaMap(client).set('currency', 'Monopoly money');
    expect(last()).toMatch(/^meta\.currency: /);
    client.getMap('facilitation').set('timerRemainingMs', -1);
    expect(last()).toMatch(/^facilitation\.timerRemainingMs: /);
    // The note of a revert is the host's own: a window cannot make everyone read a revert that never was.
    client.getMap('facilitation').set('revertedTo', 'before voting');
    expect(last()).toBe('facilitation: no field "revertedTo"');
    const scenario = new Y.Map<unknown>();
    scenario.set('name', 'To-be');
    scenario.set('order', 'a0');
    scenario.set(`${firstStep(client)}/volume`, -1);
    client.getMap('scenarios').set(newId(), scenario);
    expect(last()).toMatch(/^scenario \S+\.\S+\/volume: /);
  });

  it('a step’s wait, process time and first time right, and a scenario’s overrides of them: valid edits pass, bad ones are refused with the rule', () => {
    const { client, last } = room();
    const id = firstStep(client);
    const step = elementsMap(client).get(id)!;
    const scenario = [...client.getMap('scenarios').values()][0] as Y.Map<unknown>;
    const ok: [Y.Map<unknown>, string, unknown][] = [
      [step, 'waitMinutes', 3 * 24 * 60],
      [step, 'waitUnit', 'days'],
      [step, 'processMinutes', 7.5],
      [step, 'processUnit', 'minutes'],
      [step, 'firstTimeRight', 0.8],
      [step, 'firstTimeRight', 1],
      [step, 'waitMinutes', null],
      [scenario, `${id}/waitMinutes`, 0],
      [scenario, `${id}/processMinutes`, 30],
      [scenario, `${id}/firstTimeRight`, 0.9625],
    ];
    for (const [m, k, v] of ok) {
      m.set(k, v);
      expect(last(), `${k} = ${JSON.stringify(v)}`).toBeNull();
    }
    // Each refused write leaves the client ahead of the host: each starts from a fresh copy.
    const bad: ['step' | 'scenario', string, unknown, RegExp][] = [
      ['step', 'waitMinutes', -5, /^step \S+\.waitMinutes: a wait is minutes from 0 up to 10 years, at most 2 decimals \(got -5\)$/],
      ['step', 'processMinutes', 'three days', /^step \S+\.processMinutes: a process time is minutes from 0 .* \(got "three days"\)$/],
      ['step', 'processMinutes', 1.234, /\.processMinutes: .*at most 2 decimals \(got 1\.234\)$/],
      ['step', 'firstTimeRight', 0, /^step \S+\.firstTimeRight: first time right is a share above 0 and at most 1 \(80 % = 0\.8\) \(got 0\)$/],
      ['step', 'firstTimeRight', 1.5, /\.firstTimeRight: first time right is a share .* \(got 1\.5\)$/],
      ['step', 'waitUnit', 'months', /^step \S+\.waitUnit: the unit is minutes, hours, days or weeks \(got "months"\)$/],
      ['scenario', 'waitMinutes', -1, /^scenario \S+\.\S+\/waitMinutes: a wait is minutes from 0 .* \(got -1\)$/],
      ['scenario', 'firstTimeRight', 1.5, /^scenario \S+\.\S+\/firstTimeRight: first time right is a share .* \(got 1\.5\)$/],
      ['scenario', 'waitUnit', 'days', /^scenario \S+: no field "\S+\/waitUnit"$/],
    ];
    for (const [where, k, v, why] of bad) {
      const r = room();
      const stepId = firstStep(r.client);
      if (where === 'step') elementsMap(r.client).get(stepId)!.set(k, v);
      else ([...r.client.getMap('scenarios').values()][0] as Y.Map<unknown>).set(`${stepId}/${k}`, v);
      expect(r.last(), `${where} ${k} = ${JSON.stringify(v)}`).toMatch(why);
    }
    // a new card that arrives with a bad time, as a modified client would send it
    const r = room();
    const fresh = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(newStep({ x: 0, y: 0, order: 'a9', waitMinutes: -1 }))) if (k !== 'id') fresh.set(k, v);
    elementsMap(r.client).set(newId(), fresh);
    expect(r.last()).toMatch(/^step \S+\.waitMinutes: a wait is minutes from 0/);
  });

  it('a to-be step names a scenario on the board: added, its scenario deleted with it, and both brought back by one undo pass; one of no scenario is refused', () => {
    const { host, client, verdicts, last } = room('blank');
    const toBe = op.addScenario.run(client, { name: 'Self-service' }, ctx)!;
    const page = op.addStep.run(client, { x: 0, y: 0, title: 'Self-service page', scenarioId: toBe }, ctx)!;
    op.addNextCard.run(client, { fromId: page, direction: 'right', scenarioId: toBe }, ctx);
    op.duplicateElements.run(client, { ids: [page], dx: 20, dy: 20 }, ctx);
    const undo = new Y.UndoManager([elementsMap(client), client.getMap('scenarios')], { trackedOrigins: new Set([ctx.origin]), captureTimeout: 0 });
    op.deleteScenario.run(client, { id: toBe }, ctx);
    undo.undo();
    expect(verdicts.filter(Boolean)).toEqual([]);
    expect(host.getMap('scenarios').has(toBe)).toBe(true);
    expect(elementsMap(host).get(page)?.get('scenarioId')).toBe(toBe);

    const id = newId();
    client.transact(() => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(newStep({ id, x: 0, y: 0, order: 'a5', scenarioId: 'nosuchscenario00000001' }))) m.set(k, v);
      elementsMap(client).set(id, m);
    });
    expect(last()).toBe(`step ${id}.scenarioId: no scenario nosuchscenario00000001 on this board`);
    elementsMap(client).get(page)!.set('scenarioId', 'nosuchscenario00000002');
    expect(last()).toBe(`step ${page}.scenarioId: no scenario nosuchscenario00000002 on this board`);
    expect(elementsMap(host).has(id)).toBe(false);
  });

  it('nothing refused reaches the host’s doc', () => {
    const { host, client } = room();
    const before = Y.encodeStateAsUpdate(host);
    elementsMap(client).get(firstStep(client))!.set('volume', -5);
    expect(Y.encodeStateAsUpdate(host)).toEqual(before);
  });
});

describe('a host started for the shared sync benchmark', () => {
  it('accepts numbers in the benchmark’s own maps, and nothing else beyond the board', () => {
    const host = boardFrom('blank');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(host));
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    client.getMap('bench-1764581234567-1').set('client-3:0', 1764581234.5);
    client.getMap('graffiti').set('a', 1);
    expect(invalidUpdate(host, updates[0], { benchMaps: true })).toBeNull();
    expect(invalidUpdate(host, updates[0])).toMatch(/no part named "bench-/);
    expect(invalidUpdate(host, updates[1], { benchMaps: true })).toMatch(/no part named "graffiti"/);
  });
});
