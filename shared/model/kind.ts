import type { z } from 'zod';
import { newId } from './ids.js';

/**
 * A record migration lifts the stored form of one kind by one version. Ids run
 * `<kind>/1, <kind>/2, …` without gaps; `checkMigrations` enforces it. `boardVersion` is the
 * board schemaVersion that brought it: the document migration of that version runs it over
 * the doc, and a file written at an older version has it run on import.
 */
export interface RecordMigration {
  id: string;
  /** what it adds, in a few words (shown in the document migration's name) */
  name: string;
  boardVersion: number;
  up(record: Record<string, unknown>): Record<string, unknown>;
}

/** What the rest of the app asks of a kind, beyond its fields. */
interface KindTraits {
  /** the kind as people call it: "Step", "Note" */
  label: string;
  /** the field the text editor writes (a double-click opens it); null: nothing to type */
  textField: string | null;
  /** part of the template grid (lanes, stages, the blueprint's lines) that the facilitator can lock */
  grid: boolean;
  /** turns with the transformer's rotation handle */
  rotates: boolean;
}

export interface KindDefinition<K extends string, S extends z.ZodObject, D extends Partial<z.infer<S>>> extends KindTraits {
  kind: K;
  schema: S;
  /** Field values a new record of this kind starts with (id, position and order come from the caller). */
  defaults: D;
  /** Current version = migrations.length. */
  migrations: RecordMigration[];
}

/** The fields a new record must be given: those without a default (id is made if missing). */
export type NewFields<S extends z.ZodObject, D> = Omit<z.infer<S>, keyof D | 'id' | 'kind'> & Partial<z.infer<S>>;

export interface Kind<K extends string, S extends z.ZodObject, D extends Partial<z.infer<S>>> extends KindDefinition<K, S, D> {
  /** has a box of its own on the canvas (x, y, w, h): read from the schema */
  box: boolean;
  /** a card: it belongs to a lane/stage cell (laneId, stageId): read from the schema */
  card: boolean;
  /** every field a record of this kind has */
  fields: ReadonlySet<string>;
  /** a new record: the defaults, then `fields`, with a fresh id unless one is given */
  create(fields: NewFields<S, D>): z.infer<S>;
}

export function defineKind<K extends string, S extends z.ZodObject, D extends Partial<z.infer<S>>>(def: KindDefinition<K, S, D>): Kind<K, S, D> {
  checkMigrations(def.kind, def.migrations);
  const fields = new Set(Object.keys(def.schema.shape));
  if (def.textField !== null && !fields.has(def.textField)) throw new Error(`kind ${def.kind}: its text field ${def.textField} is not one of its fields`);
  return {
    ...def,
    box: ['x', 'y', 'w', 'h'].every((f) => fields.has(f)),
    card: fields.has('laneId') && fields.has('stageId'),
    fields,
    create: (given) => ({ ...def.defaults, ...given, id: (given as { id?: string }).id ?? newId(), kind: def.kind }) as z.infer<S>,
  };
}

export function checkMigrations(kind: string, migrations: Pick<RecordMigration, 'id' | 'up'>[]): void {
  migrations.forEach((m, i) => {
    const expected = `${kind}/${i + 1}`;
    if (m.id !== expected) throw new Error(`migrations of ${kind}: expected id ${expected} at position ${i}, got ${m.id}`);
  });
}

/** Lift a record stored at `fromVersion` to the kind's current version. */
export function migrateRecord(def: { migrations: RecordMigration[] }, record: Record<string, unknown>, fromVersion: number) {
  let r = record;
  for (const m of def.migrations.slice(fromVersion)) r = m.up(r);
  return r;
}
