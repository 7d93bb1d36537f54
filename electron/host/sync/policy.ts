import * as Y from 'yjs';
import { deletedItems } from './deletedItems.js';
import { may, refusal, type Touch } from '../../../shared/permissions.js';
import type { Role } from '../../../shared/session.js';

/**
 * What a connection may change is checked on the host before an update is applied, so a
 * modified client cannot get around it. The rules are shared/permissions.ts; this file only
 * reads the update: its structs and delete set, each mapped to what it belongs to in the room's
 * doc (an element record, a meta key, the facilitation, votes or estimates map), or, for a record the
 * update itself creates, in the update.
 *
 * Returns null when the update may be applied, else the reason to refuse it.
 */
export function refuseUpdate(doc: Y.Doc, update: Uint8Array, role: Role): string | null {
  const state = { gridLocked: doc.getMap('facilitation').get('gridLocked') === true };
  // A viewer's update is refused whatever it holds: no need to read it.
  if (!may(role, 'changeBoard')) return refusal(role, [], state);
  return refusal(role, touchesOf(doc, update), state);
}

const hostOnly = ['votes', 'estimates', 'privateRounds'] as const;
type HostOnly = (typeof hostOnly)[number];
const isHostOnly = (name: string): name is HostOnly => (hostOnly as readonly string[]).includes(name);

/** What an update touches, read against the doc it would be applied to. */
export function touchesOf(doc: Y.Doc, update: Uint8Array): Touch[] {
  const elements = doc.getMap('elements');
  const facilitation = doc.getMap('facilitation');
  // The maps only the host writes (votes, estimates, private rounds): a touch names the map.
  const hostMaps = new Map<unknown, HostOnly>(hostOnly.map((name) => [doc.getMap(name), name]));
  const hostTouched = new Set<HostOnly>();
  const meta = doc.getMap('meta');
  /** keys of the meta map this update writes or deletes */
  const metaKeys = new Set<string>();
  const touched = new Set<string>();
  /** records created by this update: id of their map item → element id, and their kind */
  const created = new Map<string, string>();
  const createdKind = new Map<string, unknown>();
  /** elements whose `locked` this update sets */
  const locking = new Set<string>();
  let facilitationTouched = false;
  let scenariosTouched = false;

  const noteTop = (name: string, key: string | null) => {
    if (name === 'elements' && key) touched.add(key);
    else if (name === 'facilitation') facilitationTouched = true;
    else if (isHostOnly(name)) hostTouched.add(name);
    else if (name === 'meta' && key) metaKeys.add(key);
    else if (name === 'scenarios') scenariosTouched = true;
  };
  /** The element record a map-entry item belongs to, given its parent type and key. */
  const note = (parent: Y.AbstractType<unknown> | null, key: string | null) => {
    if (!parent) return;
    if (parent === (facilitation as unknown)) return void (facilitationTouched = true);
    const hostMap = hostMaps.get(parent);
    if (hostMap) return void hostTouched.add(hostMap);
    if (parent === (meta as unknown)) return void (key && metaKeys.add(key));
    if (parent === (elements as unknown)) return void (key && touched.add(key));
    let holder = parent._item;
    // Anything nested under a top-level map belongs to that map's entry.
    while (holder && holder.parent instanceof Y.AbstractType && (holder.parent as Y.AbstractType<unknown>)._item) holder = (holder.parent as Y.AbstractType<unknown>)._item;
    if (!holder) return;
    const under = hostMaps.get(holder.parent);
    if (under) hostTouched.add(under);
    else if (holder.parent === (elements as unknown) && holder.parentSub) {
      touched.add(holder.parentSub);
      if (key === 'locked' && holder === parent._item) locking.add(holder.parentSub);
    }
  };
  const itemAt = (id: Y.ID): Y.Item | null => {
    // New in this update (the doc has not reached its clock): answered without Yjs's lookup, which
    // throws for it — building that exception cost more than the rest of the check (bench:cluster's
    // profile: 1.3 ms of a node's CPU per edit, a new note's fields each asking for the note).
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    try {
      const s = Y.getItem(doc.store, id);
      return s instanceof Y.Item ? s : null;
    } catch {
      return null; // not in the doc yet (new in this update)
    }
  };

  const { structs, ds } = Y.decodeUpdate(update);
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    if (typeof s.parent === 'string') {
      noteTop(s.parent, s.parentSub);
      if (s.parent === 'elements' && s.parentSub) created.set(`${s.id.client}:${s.id.clock}`, s.parentSub);
    } else if (s.parent instanceof Y.ID) {
      const holder = itemAt(s.parent);
      if (holder?.content instanceof Y.ContentType) note(holder.content.type, s.parentSub);
      else {
        const newRecord = created.get(`${s.parent.client}:${s.parent.clock}`);
        if (newRecord) {
          touched.add(newRecord);
          if (s.parentSub === 'kind' && s.content instanceof Y.ContentAny) createdKind.set(newRecord, s.content.arr[0]);
          if (s.parentSub === 'locked' && s.content instanceof Y.ContentAny && s.content.arr[0] === true) locking.add(newRecord);
        }
      }
    } else {
      // Parent left out of the encoding: it is the parent of the neighbour the item was inserted next to.
      const near = (s.origin && itemAt(s.origin)) || (s.rightOrigin && itemAt(s.rightOrigin));
      if (near) note(near.parent as Y.AbstractType<unknown>, near.parentSub);
    }
  }
  const deleted = [...deletedItems(doc, ds)];
  const gone = new Set(deleted);
  for (const s of deleted) {
    const parent = s.parent as Y.AbstractType<unknown>;
    // A record deleted whole takes its fields with it, `locked` among them: that deletes the
    // element (a change to it, refused when it is locked), it does not lock or unlock it.
    const wholeRecord = !!parent?._item && gone.has(parent._item);
    note(parent, wholeRecord && s.parentSub === 'locked' ? null : s.parentSub);
  }

  const touches: Touch[] = [];
  for (const name of hostOnly) if (hostTouched.has(name)) touches.push({ on: name });
  if (facilitationTouched) touches.push({ on: 'facilitation' });
  if (scenariosTouched) touches.push({ on: 'scenarios' });
  for (const key of metaKeys) touches.push({ on: 'meta', key });
  for (const id of touched) {
    const m = elements.get(id);
    const kind = m instanceof Y.Map ? m.get('kind') : createdKind.get(id);
    touches.push({ on: 'element', id, kind: typeof kind === 'string' ? kind : null, locked: m instanceof Y.Map && m.get('locked') === true, ...(locking.has(id) ? { locks: true as const } : {}) });
  }
  return touches;
}
