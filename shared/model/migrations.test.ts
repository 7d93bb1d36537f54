import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_VERSION, kinds, metaMap, readMeta } from './board.js';
import { checkMigrations } from './kind.js';
import { NewerSchemaError, docMigrations, docVersion, migrateDoc } from './migrations.js';
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
    expect(readMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, title: 'Untitled session', template: 'blank', createdAt: 0, currency: 'USD', period: 'year', locale: 'en-US' });
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
    expect(() => checkMigrations('note', [{ id: 'note/1', up: (r) => r }, { id: 'note/3', up: (r) => r }])).toThrow(
      'migrations of note: expected id note/2 at position 1, got note/3',
    );
  });
});
