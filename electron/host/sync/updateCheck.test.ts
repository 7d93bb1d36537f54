import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, metaMap } from '../../../shared/model/board.js';
import { newId } from '../../../shared/model/ids.js';
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

  it('refuses removing a required field of a record or of the board', () => {
    const { client, last } = room();
    elementsMap(client).get(firstStep(client))!.delete('title');
    expect(last()).toMatch(/^element \S+\.title: cannot be removed$/);
    metaMap(client).delete('currency');
    expect(last()).toBe('meta.currency: cannot be removed');
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
    const scenario = new Y.Map<unknown>();
    scenario.set('name', 'To-be');
    scenario.set('order', 'a0');
    scenario.set(`${firstStep(client)}/volume`, -1);
    client.getMap('scenarios').set(newId(), scenario);
    expect(last()).toMatch(/^scenario \S+\.\S+\/volume: /);
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
