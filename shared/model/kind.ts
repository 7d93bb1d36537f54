import type { z } from 'zod';

/**
 * A record migration lifts the stored form of one kind by one version. Ids run
 * `<kind>/1, <kind>/2, …` without gaps; `checkMigrations` enforces it.
 */
export interface RecordMigration {
  id: string;
  up(record: Record<string, unknown>): Record<string, unknown>;
}

export interface KindDefinition<K extends string, S extends z.ZodType> {
  kind: K;
  schema: S;
  /** Field values a new record of this kind starts with (id, position and order come from the caller). */
  defaults: Partial<z.infer<S>>;
  /** Current version = migrations.length. */
  migrations: RecordMigration[];
}

export function defineKind<K extends string, S extends z.ZodType>(def: KindDefinition<K, S>): KindDefinition<K, S> {
  checkMigrations(def.kind, def.migrations);
  return def;
}

export function checkMigrations(kind: string, migrations: RecordMigration[]): void {
  migrations.forEach((m, i) => {
    const expected = `${kind}/${i + 1}`;
    if (m.id !== expected) throw new Error(`migrations of ${kind}: expected id ${expected} at position ${i}, got ${m.id}`);
  });
}

/** Lift a record stored at `fromVersion` to the kind's current version. */
export function migrateRecord(def: KindDefinition<string, z.ZodType>, record: Record<string, unknown>, fromVersion: number) {
  let r = record;
  for (const m of def.migrations.slice(fromVersion)) r = m.up(r);
  return r;
}
