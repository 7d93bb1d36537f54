import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardFrom } from '../operations/testDoc.js';
import { elementsMap, insertElement, kinds, metaMap, readBoard, readElement, type BoardElement, type ElementKind } from './board.js';
import { boardTime } from './boardTime.js';
import { newElement } from './kinds.js';
import { migrateDoc } from './migrations.js';
import { rollup, savings } from './rollup.js';
import { readScenarios } from './scenario.js';
import type { Step } from './step.js';

// Records are sparse (board.ts): a field at its kind's default is not stored, absent reads as the
// default. Boards written before version 6 store every field; both must read the same.

/** The fields a record of each kind must be given (those without a default). */
const given: { [K in ElementKind]: Record<string, unknown> } = {
  step: { x: 10, y: 20, order: 'a0' },
  note: { x: 10, y: 20, order: 'a0' },
  text: { x: 10, y: 20, order: 'a0' },
  lane: { order: 'a0' },
  stage: { order: 'a0' },
  connector: { order: 'a0', fromId: 'step0000000000000000a1', toId: 'step0000000000000000a2' },
  line: { order: 'a0' },
  frame: { x: 10, y: 20, order: 'a0' },
};

/** A record as boards before version 6 stored it: every field in the map. */
function insertFull(doc: Y.Doc, record: BoardElement): void {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(record)) if (k !== 'id') m.set(k, v);
  elementsMap(doc).set(record.id, m);
}

const read = (doc: Y.Doc, id: string) => readElement(id, elementsMap(doc).get(id)!);

describe('sparse records', () => {
  it.each(Object.keys(kinds) as ElementKind[])('a %s at its defaults stores its kind and the fields without a default, and reads back equal', (kind) => {
    const doc = new Y.Doc();
    const record = newElement(kind, given[kind] as never) as BoardElement;
    doc.transact(() => insertElement(doc, record));
    expect([...elementsMap(doc).get(record.id)!.keys()].sort()).toEqual(['kind', ...Object.keys(given[kind])].sort());
    expect(read(doc, record.id)).toEqual({ ok: true, value: record });
  });

  it('a field away from its default is stored; set back to the default, kept or deleted, it reads the same', () => {
    const doc = new Y.Doc();
    const step = newElement('step', { x: 1, y: 2, order: 'a0', title: 'Answer call', painPoint: true, volume: 1200 });
    doc.transact(() => insertElement(doc, step));
    const m = elementsMap(doc).get(step.id)!;
    expect(m.toJSON()).toMatchObject({ title: 'Answer call', painPoint: true, volume: 1200 });
    m.set('painPoint', false);
    m.delete('volume');
    expect(read(doc, step.id)).toEqual({ ok: true, value: { ...step, painPoint: false, volume: null } });
  });

  it('a board written before version 6 (every field stored) reads exactly as the same board written sparse', () => {
    const sparse = boardFrom('sample-info-request');
    const full = new Y.Doc();
    full.transact(() => {
      Y.applyUpdate(full, Y.encodeStateAsUpdate(sparse));
      const { elements } = readBoard(sparse);
      for (const e of elements.values()) insertFull(full, e);
    });
    expect(elementsMap(full).get([...elementsMap(full).keys()][0])!.size).toBeGreaterThan(elementsMap(sparse).get([...elementsMap(sparse).keys()][0])!.size);
    const a = readBoard(sparse);
    const b = readBoard(full);
    expect(a.problems).toEqual([]);
    expect(b.elements).toEqual(a.elements);
    // The sample's rollups, money and time, as-is and to-be, are the same figures.
    const figures = (doc: Y.Doc) => {
      const all = [...readBoard(doc).elements.values()];
      const steps = all.filter((e): e is Step => e.kind === 'step');
      const [toBe] = readScenarios(doc);
      const asIs = rollup(steps);
      const after = rollup(steps, toBe);
      return { total: asIs.total, byLane: asIs.byLane, saving: savings(asIs, after).total, lead: boardTime(all).lead.leadMinutes, leadToBe: boardTime(all, toBe).lead.leadMinutes };
    };
    expect(figures(full)).toEqual(figures(sparse));
    expect(figures(sparse).total).toBe(147_600_000n);
  });

  it('a version-5 board lifts to version 6 without rewriting a record, and a record migration writes no field it adds at its default', () => {
    const doc = new Y.Doc();
    const step = newElement('step', { x: 1, y: 2, order: 'a0', title: 'Answer call', owner: 'Call centre' });
    const old = new Y.Map<unknown>();
    doc.transact(() => {
      const meta = metaMap(doc);
      for (const [k, v] of Object.entries({ schemaVersion: 3, title: 'Old', template: 'blank', createdAt: 1, currency: 'USD', period: 'year', locale: 'en-US' })) meta.set(k, v);
      // A step as version 3 stored it: no times, no ranges, no scenario.
      const { waitMinutes, waitUnit, processMinutes, processUnit, firstTimeRight, scenarioId, ...v3 } = step;
      void [waitMinutes, waitUnit, processMinutes, processUnit, firstTimeRight, scenarioId];
      for (const [k, v] of Object.entries(v3)) if (k !== 'id' && !/(Low|High|Evidence|Source)$/.test(k)) old.set(k, v);
      elementsMap(doc).set(step.id, old);
    });
    const keysBefore = [...old.keys()].sort();
    expect(migrateDoc(doc).to).toBe(6);
    expect([...old.keys()].sort()).toEqual(keysBefore);
    expect(read(doc, step.id)).toEqual({ ok: true, value: step });
  });
});
