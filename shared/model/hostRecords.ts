import * as Y from 'yjs';
import type { z } from 'zod';

/**
 * The maps only the host writes (votes, estimates, private rounds) hold record id → Y.Map of a
 * record's fields. A record is read through its schema, and one that does not parse is left out
 * rather than thrown on: a client shows what it can of a doc a newer or broken host wrote.
 */
export function readHostRecord<T extends { id: string }>(schema: z.ZodType<T>, id: string, m: Y.Map<unknown>): T | null {
  const r = schema.safeParse({ ...(m.toJSON() as object), id });
  return r.success ? r.data : null;
}

/** Every record of such a map that parses, oldest first (`at`), then by id. */
export function readHostRecords<T extends { id: string }>(map: Y.Map<Y.Map<unknown>>, schema: z.ZodType<T>, at: (record: T) => number): T[] {
  const out: T[] = [];
  map.forEach((m, id) => {
    const r = m instanceof Y.Map ? readHostRecord(schema, id, m) : null;
    if (r) out.push(r);
  });
  return out.sort((a, b) => at(a) - at(b) || (a.id < b.id ? -1 : 1));
}

/** Write a record (inside a transaction; the host's): only the fields that changed, so an update carries no more than the change. */
export function writeHostRecord(map: Y.Map<Y.Map<unknown>>, record: { id: string }): void {
  const { id, ...fields } = record;
  let m = map.get(id);
  if (!(m instanceof Y.Map)) {
    m = new Y.Map<unknown>();
    map.set(id, m);
  }
  for (const [k, v] of Object.entries(fields)) if (JSON.stringify(m.get(k)) !== JSON.stringify(v)) m.set(k, v);
}
