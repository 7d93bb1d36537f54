import * as Y from 'yjs';
import { same } from './revert.js';

/**
 * The fold to a fresh document. A doc keeps every value a field ever had as a tombstone (an item
 * whose content is gone but whose place stays, because a window that had not seen an overwrite
 * places its own write relative to the value it saw). After a long workshop they outnumber the
 * live items several times over, and opening the session integrates them all. Only a new doc (new
 * items, the same content) drops them; the windows still holding the old doc send what they had
 * not sent against the old doc's last state (the *base*), and the host writes the content
 * differences into the new doc (connection.ts, sync/earlierEpochs.ts).
 */

/** Items the doc keeps: live ones, and tombstones (deleted items and gc'd runs of them). */
export function itemCounts(doc: Y.Doc): { live: number; tombstones: number } {
  let live = 0;
  let tombstones = 0;
  doc.store.clients.forEach((structs) => {
    for (const s of structs) {
      if (s instanceof Y.Item && !s.deleted) live++;
      else tombstones++;
    }
  });
  return { live, tombstones };
}

/** A doc worth folding afresh: it holds more tombstones than live items. */
export function worthFolding(doc: Y.Doc): boolean {
  const { live, tombstones } = itemCounts(doc);
  return tombstones > live;
}

/**
 * A new doc with the same content: every top-level map, record and field, as new items. Null
 * when the doc holds something other than maps of plain values (the board never does; such a
 * doc is not folded rather than copied wrong).
 */
export function freshCopy(doc: Y.Doc): Y.Doc | null {
  const fresh = new Y.Doc();
  try {
    fresh.transact(() => {
      for (const name of [...doc.share.keys()]) copyInto(doc.getMap(name), fresh.getMap(name));
    });
  } catch {
    fresh.destroy();
    return null;
  }
  return fresh;
}

function copyInto(from: Y.Map<unknown>, to: Y.Map<unknown>): void {
  from.forEach((value, key) => {
    if (value instanceof Y.Map) {
      const copy = new Y.Map<unknown>();
      to.set(key, copy);
      copyInto(value, copy);
    } else if (value instanceof Y.AbstractType) throw new Error(`${key}: not a map of plain values`);
    else to.set(key, value);
  });
}

/** One content change: under `path` (a top-level map's name, then record ids), `key` set to `value` (a Y.Map of the base: copied whole), or deleted. */
export interface ContentChange {
  path: string[];
  key: string;
  deleted: boolean;
  value?: unknown;
}

/**
 * Apply `update` to `base` and say what it changed in content (fields set or deleted, records
 * added or removed), and the part of it that was new to the base (null: nothing was). A value
 * set to what it already was is no change.
 */
export function takeInto(base: Y.Doc, update: Uint8Array): { changes: ContentChange[]; added: Uint8Array | null } {
  const changes: ContentChange[] = [];
  // A top-level map the base has never held gets its observer too, before the update makes it.
  const names = new Set([...base.share.keys(), ...Y.decodeUpdate(update).structs.flatMap((s) => (s instanceof Y.Item && typeof s.parent === 'string' ? [s.parent] : []))]);
  const offs = [...names].map((name) => {
    const map = base.getMap(name);
    const seen = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const e of events) {
        const path = [name, ...e.path.map(String)];
        const target = e.target as Y.Map<unknown>;
        e.changes.keys.forEach((change, key) => {
          if (change.action === 'delete') changes.push({ path, key, deleted: true });
          else {
            const value = target.get(key);
            if (change.action === 'update' && !(value instanceof Y.Map) && same(change.oldValue, value)) return;
            changes.push({ path, key, deleted: false, value });
          }
        });
      }
    };
    map.observeDeep(seen);
    return () => map.unobserveDeep(seen);
  });
  let added: Uint8Array | null = null;
  const onUpdate = (u: Uint8Array) => void (added = u);
  base.on('update', onUpdate);
  try {
    Y.applyUpdate(base, update);
  } finally {
    base.off('update', onUpdate);
    offs.forEach((off) => off());
  }
  return { changes, added };
}

/**
 * Write content changes into `doc` (inside the caller's transaction). A change under a record
 * the doc no longer has is dropped, as Yjs drops an edit to a deleted record.
 */
function writeChanges(doc: Y.Doc, changes: readonly ContentChange[]): void {
  for (const c of changes) {
    let map: Y.Map<unknown> | null = doc.getMap(c.path[0]);
    for (const key of c.path.slice(1)) {
      const next: unknown = map.get(key);
      map = next instanceof Y.Map ? next : null;
      if (!map) break;
    }
    if (!map) continue;
    if (c.deleted) {
      if (map.has(c.key)) map.delete(c.key);
    } else if (c.value instanceof Y.Map) {
      const copy = new Y.Map<unknown>();
      map.set(c.key, copy);
      copyInto(c.value, copy);
    } else if (!same(map.get(c.key), c.value)) map.set(c.key, c.value);
  }
}

/**
 * The changes as one update to `doc`, made on a copy of it (so the host can check it like any
 * edit before anything is applied); null when they change nothing there.
 */
export function changesAsUpdate(doc: Y.Doc, changes: readonly ContentChange[]): Uint8Array | null {
  if (changes.length === 0) return null;
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  let update: Uint8Array | null = null;
  scratch.on('update', (u: Uint8Array) => void (update = u));
  scratch.transact(() => writeChanges(scratch, changes));
  scratch.destroy();
  return update;
}
