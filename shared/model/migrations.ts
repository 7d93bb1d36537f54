import type * as Y from 'yjs';
import { SCHEMA_VERSION, elementsMap, kinds, metaMap, type ElementKind } from './board.js';
import { migrationOrigin } from './origins.js';

/**
 * Document migrations: migration n lifts a board from schemaVersion n-1 to n, in place, in
 * the same transaction as the version bump. A board without a schemaVersion is version 0
 * (an empty doc). Add a migration here and bump SCHEMA_VERSION together; the test pins
 * that they agree and that versions run 1, 2, … without gaps.
 */
export interface DocMigration {
  version: number;
  name: string;
  up(doc: Y.Doc): void;
}

export const docMigrations: DocMigration[] = [
  {
    version: 1,
    name: 'initial layout: meta, elements',
    up(doc) {
      const meta = metaMap(doc);
      if (!meta.has('title')) meta.set('title', 'Untitled session');
      if (!meta.has('template')) meta.set('template', 'blank');
      if (!meta.has('createdAt')) meta.set('createdAt', 0);
      doc.getMap('elements');
    },
  },
  {
    version: 2,
    name: 'step flags and emotion (step/1), emotion lanes (lane/1)',
    up(doc) {
      applyRecordMigration(doc, 'step', 'step/1');
      applyRecordMigration(doc, 'lane', 'lane/1');
    },
  },
  {
    version: 3,
    name: 'costs: step/2, session currency, period and locale',
    up(doc) {
      applyRecordMigration(doc, 'step', 'step/2');
      const meta = metaMap(doc);
      if (!meta.has('currency')) meta.set('currency', 'USD');
      if (!meta.has('period')) meta.set('period', 'year');
      if (!meta.has('locale')) meta.set('locale', 'en-US');
    },
  },
];

/**
 * Run one record migration over every stored record of a kind, writing only the fields it
 * changes: a field someone else edits concurrently is not overwritten with its old value.
 */
export function applyRecordMigration(doc: Y.Doc, kind: ElementKind, id: string): void {
  const migration = kinds[kind].migrations.find((m) => m.id === id);
  if (!migration) throw new Error(`no record migration ${id}`);
  elementsMap(doc).forEach((ymap) => {
    if (ymap.get('kind') !== kind) return;
    const before = ymap.toJSON() as Record<string, unknown>;
    const after = migration.up(before);
    for (const [k, v] of Object.entries(after)) if (!(k in before) || before[k] !== v) ymap.set(k, v);
    for (const k of Object.keys(before)) if (!(k in after)) ymap.delete(k);
  });
}

export class NewerSchemaError extends Error {
  constructor(found: number) {
    super(`board schemaVersion ${found} is newer than this app understands (${SCHEMA_VERSION}); update Brownpaper`);
  }
}

export function docVersion(doc: Y.Doc): number {
  const v = metaMap(doc).get('schemaVersion');
  return typeof v === 'number' ? v : 0;
}

/** Bring a doc up to SCHEMA_VERSION in one transaction; returns the versions it went between. */
export function migrateDoc(doc: Y.Doc, origin: unknown = migrationOrigin): { from: number; to: number } {
  const from = docVersion(doc);
  if (from > SCHEMA_VERSION) throw new NewerSchemaError(from);
  if (from === SCHEMA_VERSION) return { from, to: from };
  doc.transact(() => {
    for (const m of docMigrations) {
      if (m.version <= from) continue;
      m.up(doc);
      metaMap(doc).set('schemaVersion', m.version);
    }
  }, origin);
  return { from, to: SCHEMA_VERSION };
}

/**
 * Which record version each kind is at in each board schema version: how an imported file
 * written at an older schemaVersion has its records lifted (migrateRecord) before validation.
 */
export const recordVersionsAt: Record<number, Partial<Record<ElementKind, number>>> = {
  1: {},
  2: { step: 1, lane: 1 },
  3: { step: 2, lane: 1 },
};
