import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap } from '../../../shared/model/board.js';
import { operations, type Operations } from '../../../shared/operations/index.js';
import { boardFrom, ctx } from '../../../shared/operations/testDoc.js';
import type { Touch } from '../../../shared/permissions.js';
import { refuseUpdate, touchesOf } from './policy.js';

/** A touch as a comparable line: new records by kind (their id is not known before they exist). */
function line(t: Touch, existing: (id: string) => boolean): string {
  if (t.on !== 'element') return t.on === 'meta' ? `meta ${t.key}` : t.on;
  const who = t.id !== 'new' && existing(t.id) ? t.id : `new ${t.kind}`;
  return `${who}${t.locked ? ' locked' : ''}${t.locks ? ' locks' : ''}`;
}

/** The host's doc and a client's copy of it, with some ids to work on. */
function room() {
  const host = boardFrom('sample-info-request');
  const ids = (kind: string) => [...elementsMap(host).entries()].filter(([, m]) => m.get('kind') === kind).map(([id]) => id);
  const [a, b] = ids('step');
  operations.addConnector.run(host, { fromId: a, toId: b }, ctx);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(host));
  return { host, client, a, b, lane: ids('lane')[0], stage: ids('stage')[0] };
}

/** What the operation says it touches, and what the host reads in the update it writes. */
function both<N extends keyof Operations>(r: ReturnType<typeof room>, name: N, args: Parameters<Operations[N]['run']>[1]) {
  const op = operations[name] as unknown as { touches(d: Y.Doc, a: unknown): Touch[]; run(d: Y.Doc, a: unknown, c: unknown): unknown };
  const existing = (id: string) => elementsMap(r.host).has(id);
  const declared = new Set(op.touches(r.client, args).map((t) => line(t, existing)));
  let update: Uint8Array | null = null;
  r.client.once('update', (u: Uint8Array) => (update = u));
  op.run(r.client, args, ctx);
  const read = new Set(update ? touchesOf(r.host, update).map((t) => line(t, existing)) : []);
  if (update) Y.applyUpdate(r.host, update);
  return { declared: [...declared].sort(), read: [...read].sort() };
}

describe('what an operation says it touches is what the host reads in its update', () => {
  const cases: [string, (r: ReturnType<typeof room>) => ReturnType<typeof both>][] = [
    ['addStep', (r) => both(r, 'addStep', { x: 40, y: 40 })],
    ['addNextCard', (r) => both(r, 'addNextCard', { fromId: r.a, direction: 'right' })],
    ['addLine', (r) => both(r, 'addLine', { style: 'visibility', afterLaneId: r.lane })],
    ['addBand', (r) => both(r, 'addBand', { kind: 'stage', name: 'After' })],
    ['resizeBand', (r) => both(r, 'resizeBand', { id: r.lane, size: 777 })],
    ['deleteBand', (r) => both(r, 'deleteBand', { id: r.lane })],
    ['moveElements', (r) => both(r, 'moveElements', { moves: [{ id: r.a, x: 1234, y: 567 }] })],
    ['setElementText', (r) => both(r, 'setElementText', { id: r.a, text: 'Check the claim' })],
    ['updateElements', (r) => both(r, 'updateElements', { ids: [r.a, r.b], patch: { painPoint: true } })],
    ['setLocked', (r) => both(r, 'setLocked', { ids: [r.a], locked: true })],
    ['duplicateElements', (r) => both(r, 'duplicateElements', { ids: [r.a, r.b], dx: 20, dy: 20 })],
    ['deleteElements (and its arrow)', (r) => both(r, 'deleteElements', { ids: [r.a] })],
    ['setBoardSettings', (r) => both(r, 'setBoardSettings', { currency: 'EUR' })],
    ['addScenario', (r) => both(r, 'addScenario', { name: 'To be' })],
    ['setGridLocked', (r) => both(r, 'setGridLocked', { locked: true })],
    ['renameSession', (r) => both(r, 'renameSession', { title: 'Claims, renamed' })],
  ];
  for (const [name, run] of cases) {
    it(name, () => {
      const { declared, read } = run(room());
      expect(read.length).toBeGreaterThan(0);
      expect(declared).toEqual(read);
    });
  }

  it('a locked card is left alone by an edit, and said to be', () => {
    const r = room();
    both(r, 'setLocked', { ids: [r.a], locked: true });
    const { declared, read } = both(r, 'updateElements', { ids: [r.a, r.b], patch: { painPoint: true } });
    expect(declared).toEqual([r.b]);
    expect(read).toEqual([r.b]);
  });
});

describe('the host refuses by the shared rules', () => {
  it('a participant’s lock, a lane while the grid is locked, a viewer’s anything', () => {
    const r = room();
    const updateOf = (fn: () => void) => {
      let u: Uint8Array | null = null;
      r.client.once('update', (x: Uint8Array) => (u = x));
      fn();
      return u!;
    };
    const lock = updateOf(() => operations.setLocked.run(r.client, { ids: [r.a], locked: true }, ctx));
    expect(refuseUpdate(r.host, lock, 'participant')).toBe('only the facilitator locks and unlocks');
    expect(refuseUpdate(r.host, lock, 'facilitator')).toBeNull();
    expect(refuseUpdate(r.host, lock, 'viewer')).toBe('a viewer cannot change the board');
    operations.setGridLocked.run(r.host, { locked: true }, ctx);
    const lane = updateOf(() => operations.addBand.run(r.client, { kind: 'lane', name: 'Back office' }, ctx));
    expect(refuseUpdate(r.host, lane, 'participant')).toMatch(/^the grid is locked: lane \S+ cannot change$/);
  });

  it('a participant deletes a card and its arrow: deleting a record is not unlocking it', () => {
    const r = room();
    let update: Uint8Array | null = null;
    r.client.once('update', (u: Uint8Array) => (update = u));
    operations.deleteElements.run(r.client, { ids: [r.a] }, ctx);
    expect(refuseUpdate(r.host, update!, 'participant')).toBeNull();
  });

  it('a participant may not delete a card the facilitator locked', () => {
    const r = room();
    operations.setLocked.run(r.host, { ids: [r.a], locked: true }, ctx);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(r.host));
    let update: Uint8Array | null = null;
    doc.once('update', (u: Uint8Array) => (update = u));
    doc.transact(() => elementsMap(doc).delete(r.a));
    expect(refuseUpdate(r.host, update!, 'participant')).toBe(`element ${r.a} is locked`);
  });
});
