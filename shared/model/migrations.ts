import type * as Y from 'yjs';
import { SCHEMA_VERSION, boardDefaults, defaultsOf, elementsMap, kinds, metaMap, type ElementKind } from './board.js';
import type { RecordMigration } from './kind.js';
import { migrationOrigin } from './origins.js';

/**
 * Document migrations: migration n lifts a board from schemaVersion n-1 to n, in place, in
 * the same transaction as the version bump. A board without a schemaVersion is version 0
 * (an empty doc). Add a migration here and bump SCHEMA_VERSION together; the test pins
 * that they agree and that versions run 1, 2, … without gaps. A kind's record migration names
 * the board version that brought it (`boardVersion`) and is run by that version's migration
 * (`liftRecords`): nothing to wire here for it.
 */
export interface DocMigration {
  version: number;
  name: string;
  up(doc: Y.Doc): void;
}

/** The record migrations that board version `boardVersion` brought, kind by kind. */
export function recordMigrationsAt(boardVersion: number): { kind: ElementKind; migration: RecordMigration }[] {
  return (Object.keys(kinds) as ElementKind[]).flatMap((kind) => kinds[kind].migrations.filter((m) => m.boardVersion === boardVersion).map((migration) => ({ kind, migration })));
}

function recordMigrationsOf(boardVersion: number): string {
  return recordMigrationsAt(boardVersion)
    .map(({ migration: m }) => `${m.name} (${m.id})`)
    .join(', ');
}

/** Run every record migration that board version `boardVersion` brought over the doc. */
function liftRecords(doc: Y.Doc, boardVersion: number): void {
  for (const { kind, migration } of recordMigrationsAt(boardVersion)) applyRecordMigration(doc, kind, migration);
}

/** Board versions that changed more than records: what each does besides lifting its records. */
const boardChanges: Record<number, { name: string; up(doc: Y.Doc): void }> = {
  1: {
    name: 'initial layout: meta, elements',
    up(doc) {
      const meta = metaMap(doc);
      if (!meta.has('title')) meta.set('title', 'Untitled session');
      if (!meta.has('template')) meta.set('template', 'blank');
      if (!meta.has('createdAt')) meta.set('createdAt', 0);
      doc.getMap('elements');
    },
  },
  3: {
    name: 'session currency, period and locale',
    up(doc) {
      const meta = metaMap(doc);
      for (const [k, v] of Object.entries(boardDefaults)) if (!meta.has(k)) meta.set(k, v);
    },
  },
  5: {
    name: 'the discount rate of the business case',
    up(doc) {
      const meta = metaMap(doc);
      if (!meta.has('discountRate')) meta.set('discountRate', boardDefaults.discountRate);
    },
  },
  6: {
    // Nothing to rewrite: a stored record still reads as it did, and deleting its default fields
    // would leave them behind as tombstones anyway. The version is raised because records written
    // from now on leave them out, which an older app would read as missing fields: it refuses the
    // board as newer instead.
    name: 'sparse records: a field at its default is not stored',
    up() {},
  },
};

/**
 * Every board version from 1 to SCHEMA_VERSION: its own change, if any, and the record
 * migrations the kinds say it brought. Nothing to write here when a kind gains a field.
 */
export const docMigrations: DocMigration[] = Array.from({ length: SCHEMA_VERSION }, (_, i) => {
  const version = i + 1;
  const change = boardChanges[version];
  const records = recordMigrationsAt(version).length ? `records: ${recordMigrationsOf(version)}` : '';
  return {
    version,
    name: [change?.name, records].filter(Boolean).join('; '),
    up(doc: Y.Doc) {
      liftRecords(doc, version);
      change?.up(doc);
    },
  };
});

/**
 * Run one record migration over every stored record of a kind, writing only the fields it
 * changes: a field someone else edits concurrently is not overwritten with its old value. The
 * migration sees the record as read (its kind's defaults under what it stores); a field it adds
 * with its default is not written, since absent reads as the default.
 */
function applyRecordMigration(doc: Y.Doc, kind: ElementKind, migration: RecordMigration): void {
  const defaults = defaultsOf(kind);
  elementsMap(doc).forEach((ymap) => {
    if (ymap.get('kind') !== kind) return;
    const stored = ymap.toJSON() as Record<string, unknown>;
    const before = { ...defaults, ...stored };
    const after = migration.up(before);
    for (const [k, v] of Object.entries(after)) {
      const was = k in stored ? stored[k] : Object.hasOwn(defaults, k) ? defaults[k] : undefined;
      if (!(k in before) || was !== v) ymap.set(k, v);
    }
    for (const k of Object.keys(stored)) if (!(k in after)) ymap.delete(k);
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
 * Which record version a kind is at in a board schema version: how an imported file written
 * at an older schemaVersion has its records lifted (migrateRecord) before validation. Read
 * from the kinds' migrations, so it cannot drift from the document migrations.
 */
export function recordVersionAt(kind: ElementKind, boardVersion: number): number {
  return kinds[kind].migrations.filter((m) => m.boardVersion <= boardVersion).length;
}
