import * as Y from 'yjs';

/**
 * What a revert to a checkpoint puts back: the board itself (its settings and title, every
 * element, the scenarios). The room's record stays as it is: the timer and presenter, vote
 * rounds and their results, estimates and private rounds (their secrets live on the host, and a
 * round on now would lose its place).
 */
const revertedMaps = ['meta', 'elements', 'scenarios'] as const;

/** Two field values are the same (plain objects and arrays by their JSON). */
export const same = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

/** Make `live` hold what `want` holds, key by key, writing only the differences. */
function syncMap(live: Y.Map<unknown>, want: Y.Map<unknown>): number {
  let changes = 0;
  for (const key of [...live.keys()]) {
    if (!want.has(key)) {
      live.delete(key);
      changes++;
    }
  }
  want.forEach((value, key) => {
    const current = live.get(key);
    if (value instanceof Y.Map) {
      if (current instanceof Y.Map) changes += syncMap(current, value);
      else {
        const copy = new Y.Map<unknown>();
        live.set(key, copy);
        changes += syncMap(copy, value) + 1;
      }
    } else if (!same(current, value)) {
      live.set(key, value);
      changes++;
    }
  });
  return changes;
}

/**
 * Revert a live board to a checkpoint's state: one transaction that writes only what differs
 * (a card moved since is moved back, one added since is deleted, one deleted since comes back
 * as a new record with its fields), so it reaches everyone in the room as an ordinary edit and
 * a later revert to the state before it undoes it. Returns the number of fields written.
 */
export function revertDoc(doc: Y.Doc, checkpoint: Uint8Array, origin: unknown): number {
  const want = new Y.Doc();
  Y.applyUpdate(want, checkpoint);
  let changes = 0;
  doc.transact(() => {
    for (const name of revertedMaps) changes += syncMap(doc.getMap(name), want.getMap(name));
  }, origin);
  want.destroy();
  return changes;
}
