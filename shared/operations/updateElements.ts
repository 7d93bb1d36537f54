import type * as Y from 'yjs';
import { z } from 'zod';
import { elementSchema, elementsMap, fieldOf, kinds, readBoard, readElement } from '../model/board.js';
import { computeGrid, insideFrame } from '../model/grid.js';
import { idSchema } from '../model/ids.js';
import { ValidationError, formatIssues } from '../model/validation.js';
import { defineOperation } from './types.js';
import { fieldWords } from './changeWords.js';
import { elementTouch, unlockedTouches } from './touches.js';

/** Fields with operations of their own: identity, z-order (reorder), cell (move), lock (lock). */
export const notPatchable = new Set(['id', 'kind', 'order', 'laneId', 'stageId', 'x', 'y', 'locked']);

/**
 * Set fields on elements (colour, value class, flags, owner, notes, …). Every element must
 * have every field of the patch (its kind's schema says which): a field its kind does not
 * have is refused by name rather than skipped, so a misspelt field cannot pass unnoticed. The
 * whole change is validated first and refused with a message if any element would become
 * invalid — nothing is half-applied. Locked elements are skipped.
 * Only changed fields are written, so concurrent edits of other fields survive.
 */
export const updateElements = defineOperation({
  name: 'updateElements',
  label: ({ patch }) => fieldWords(Object.keys(patch)),
  args: z.strictObject({
    ids: z.array(idSchema).min(1).max(100_000),
    patch: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
  touches: (doc: Y.Doc, { ids }) => unlockedTouches(doc, ids),
  run(doc: Y.Doc, { ids, patch }, ctx): number {
    const bad = Object.keys(patch).filter((k) => notPatchable.has(k) || k === '__proto__' || k === 'constructor');
    if (bad.length) throw new ValidationError(`updateElements: ${bad.join(', ')} cannot be set this way`);
    const elements = elementsMap(doc);
    const writes: { map: Y.Map<unknown>; changes: [string, unknown][] }[] = [];
    for (const id of new Set(ids)) {
      const map = elements.get(id);
      if (!map) continue;
      const r = readElement(id, map);
      if (!r.ok) continue;
      const kind = kinds[r.value.kind];
      const foreign = Object.keys(patch).find((k) => !kind.fields.has(k));
      if (foreign) throw new ValidationError(`updateElements: a ${kind.label.toLowerCase()} has no field “${foreign}” (${r.value.kind} ${id})`);
      if (r.value.locked) continue;
      const record = r.value as unknown as Record<string, unknown>;
      const changes = Object.entries(patch).filter(([k, v]) => record[k] !== v);
      if (changes.length === 0) continue;
      const next = elementSchema.safeParse({ ...record, ...Object.fromEntries(changes) });
      if (!next.success) throw new ValidationError(formatIssues(`${record.kind} ${id}`, next.error));
      writes.push({ map, changes });
    }
    if (writes.length === 0) return 0;
    doc.transact(() => {
      for (const w of writes) for (const [k, v] of w.changes) w.map.set(k, v);
    }, ctx.origin);
    return writes.length;
  },
});

/**
 * Lock or unlock elements: a locked element cannot be moved, edited or deleted. Locking a
 * frame locks what lies inside it too (and unlocking unlocks it), so "lock this frame" holds
 * its cards in place for everyone but the facilitator.
 */
export const setLocked = defineOperation({
  name: 'setLocked',
  label: ({ locked }) => (locked ? 'lock' : 'unlock'),
  args: z.strictObject({ ids: z.array(idSchema).min(1).max(100_000), locked: z.boolean() }),
  touches(doc: Y.Doc, { ids, locked }) {
    return [...lockedTogether(doc, ids)].flatMap((id) => {
      const t = elementTouch(doc, id);
      return t && t.locked !== locked ? [{ ...t, locks: true as const }] : [];
    });
  },
  run(doc: Y.Doc, { ids, locked }, ctx): number {
    const maps = [...lockedTogether(doc, ids)].map((id) => elementsMap(doc).get(id)).filter((m): m is Y.Map<unknown> => !!m && fieldOf(m, 'locked') !== locked);
    if (maps.length) doc.transact(() => maps.forEach((m) => m.set('locked', locked)), ctx.origin);
    return maps.length;
  },
});

/** The elements that lock with `ids`: themselves, and what lies inside the frames among them. */
function lockedTogether(doc: Y.Doc, ids: string[]): Set<string> {
  const all = new Set(ids);
  if (ids.some((id) => elementsMap(doc).get(id)?.get('kind') === 'frame')) {
    const { elements } = readBoard(doc);
    const grid = computeGrid(elements.values());
    for (const id of ids) {
      const frame = elements.get(id);
      if (frame?.kind === 'frame') insideFrame(frame, elements.values(), grid).forEach((i) => all.add(i));
    }
  }
  return all;
}
