import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_VERSION, boardDefaults, kinds, metaMap, readMeta } from './board.js';
import { checkMigrations, type RecordMigration } from './kind.js';
import { NewerSchemaError, docMigrations, docVersion, migrateDoc, recordMigrationsAt, recordVersionAt } from './migrations.js';
import { migrationOrigin } from './origins.js';

describe('document migrations', () => {
  it('run 1, 2, … without gaps and end at SCHEMA_VERSION', () => {
    docMigrations.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(docMigrations.at(-1)!.version).toBe(SCHEMA_VERSION);
  });

  it('lift an empty doc (version 0) to the current layout in one transaction', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === migrationOrigin) transactions++;
    });
    expect(docVersion(doc)).toBe(0);
    expect(migrateDoc(doc)).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(transactions).toBe(1);
    expect(readMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, title: 'Untitled session', template: 'blank', createdAt: 0, ...boardDefaults });
  });

  it('leave a current doc alone', () => {
    const doc = new Y.Doc();
    migrateDoc(doc);
    const before = Y.encodeStateVector(doc);
    expect(migrateDoc(doc)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuse a doc from a newer app', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1);
    expect(() => migrateDoc(doc)).toThrow(NewerSchemaError);
  });
});

describe('record migrations', () => {
  it('every kind declares a checked migration sequence', () => {
    for (const def of Object.values(kinds)) {
      expect(Array.isArray(def.migrations)).toBe(true);
      expect(() => checkMigrations(def.kind, def.migrations)).not.toThrow();
    }
  });

  it('a gap in migration ids is refused with what was expected', () => {
    expect(() =>
      checkMigrations('note', [
        { id: 'note/1', up: (r) => r },
        { id: 'note/3', up: (r) => r },
      ]),
    ).toThrow('migrations of note: expected id note/2 at position 1, got note/3');
  });
});

/** One record migration of the registry, by id. */
function migration(id: string): RecordMigration {
  const m = Object.values(kinds)
    .flatMap((k) => k.migrations)
    .find((x) => x.id === id);
  if (!m) throw new Error(`no record migration ${id}`);
  return m;
}

describe('each record migration, input → output', () => {
  it('step/1 (board 2): step flags and the journey emotion, kept where given', () => {
    const out = migration('step/1').up({ kind: 'step', title: 'Check claim', painPoint: true });
    expect(out).toEqual({ kind: 'step', title: 'Check claim', painPoint: true, failPoint: false, waitPoint: false, momentOfTruth: false, emotion: null });
  });

  it('step/2 (board 3): cost per period; inputs, outputs, systems', () => {
    const out = migration('step/2').up({ kind: 'step', title: 'Check claim', owner: 'Sales' });
    expect(out).toEqual({
      kind: 'step',
      title: 'Check claim',
      owner: 'Sales',
      inputs: '',
      outputs: '',
      systems: '',
      volume: null,
      costMode: 'unit',
      unitCents: null,
      minutes: null,
      rateCents: null,
      fixedCents: null,
    });
  });

  it('step/4 (board 5): every figure may be a range with evidence; a step may belong to one scenario; given fields kept', () => {
    const out = migration('step/4').up({ kind: 'step', title: 'Check claim', volume: 40, volumeLow: 30, volumeHigh: 60 });
    expect(out).toMatchObject({ kind: 'step', title: 'Check claim', volume: 40, volumeLow: 30, volumeHigh: 60, volumeEvidence: null, volumeSource: '', scenarioId: null });
    expect(out).toMatchObject({ unitCentsLow: null, unitCentsHigh: null, minutesLow: null, rateCentsHigh: null, fixedCentsEvidence: null, waitMinutesSource: '', processMinutesLow: null });
    expect(Object.keys(out)).toHaveLength(5 + 7 * 4 + 1 - 2);
  });

  it('lane/1 (board 2): emotion lanes, kept where given', () => {
    expect(migration('lane/1').up({ kind: 'lane', name: 'Customer' })).toEqual({ kind: 'lane', name: 'Customer', showsEmotion: false });
    expect(migration('lane/1').up({ kind: 'lane', name: 'Customer', showsEmotion: true })).toEqual({ kind: 'lane', name: 'Customer', showsEmotion: true });
  });

  it('each belongs to a board version the document migrations run', () => {
    for (const def of Object.values(kinds)) for (const m of def.migrations) expect(docMigrations.map((d) => d.version)).toContain(m.boardVersion);
    expect(recordMigrationsAt(2).map((x) => x.migration.id)).toEqual(['step/1', 'lane/1']);
    expect(recordMigrationsAt(3).map((x) => x.migration.id)).toEqual(['step/2']);
  });

  it('the record version of each kind at each board version (how old files are lifted)', () => {
    expect([1, 2, 3].map((v) => recordVersionAt('step', v))).toEqual([0, 1, 2]);
    expect([1, 2, 3].map((v) => recordVersionAt('lane', v))).toEqual([0, 1, 1]);
    expect([1, 2, 3].map((v) => recordVersionAt('note', v))).toEqual([0, 0, 0]);
  });
});
