import type * as Y from 'yjs';
import { SCHEMA_VERSION, metaMap } from './board.js';
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
];

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
