import * as Y from 'yjs';
import { deletedItems } from './deletedItems.js';
import { canRenameSession, type Role } from '../../../shared/session.js';

/** The kinds that make up the template grid, which the facilitator can lock for participants. */
const gridKinds = new Set(['lane', 'stage', 'line']);

/**
 * What a connection may change, checked on the host before an update is applied, so a
 * modified client cannot get around it:
 * - a viewer changes nothing (connection.ts);
 * - nobody writes the `votes` map: the host itself does (voting.ts);
 * - a participant may not touch a locked element, nor lock or unlock anything, nor the
 *   facilitation state (timer, grid lock, presenter), nor — while the grid is locked — a lane,
 *   stage or line (adding one included);
 * - only the facilitator renames the session (meta.title).
 * The check reads the update's structs and delete set and maps each to the element record it
 * belongs to in the room's doc, or, for a record the update itself creates, in the update.
 *
 * Returns null when the update may be applied, else the reason to refuse it.
 */
export function refuseUpdate(doc: Y.Doc, update: Uint8Array, role: Role): string | null {
  if (role === 'viewer') return 'a viewer cannot change the board';
  const elements = doc.getMap('elements');
  const facilitation = doc.getMap('facilitation');
  const votes = doc.getMap('votes');
  const meta = doc.getMap('meta');
  /** keys of the meta map this update writes or deletes */
  const metaKeys = new Set<string>();
  const touched = new Set<string>();
  /** records created by this update: id of their map item → element id, and their kind */
  const created = new Map<string, string>();
  const createdKind = new Map<string, unknown>();
  let locksTouched = false;
  let facilitationTouched = false;
  let votesTouched = false;

  const noteTop = (name: string, key: string | null) => {
    if (name === 'elements' && key) touched.add(key);
    else if (name === 'facilitation') facilitationTouched = true;
    else if (name === 'votes') votesTouched = true;
    else if (name === 'meta' && key) metaKeys.add(key);
  };
  /** The element record a map-entry item belongs to, given its parent type and key. */
  const note = (parent: Y.AbstractType<unknown> | null, key: string | null) => {
    if (!parent) return;
    if (parent === (facilitation as unknown)) return void (facilitationTouched = true);
    if (parent === (votes as unknown)) return void (votesTouched = true);
    if (parent === (meta as unknown)) return void (key && metaKeys.add(key));
    if (parent === (elements as unknown)) return void (key && touched.add(key));
    let holder = parent._item;
    // Anything nested under a top-level map belongs to that map's entry.
    while (holder && holder.parent instanceof Y.AbstractType && (holder.parent as Y.AbstractType<unknown>)._item) holder = (holder.parent as Y.AbstractType<unknown>)._item;
    if (!holder) return;
    if (holder.parent === (votes as unknown)) votesTouched = true;
    else if (holder.parent === (elements as unknown) && holder.parentSub) {
      touched.add(holder.parentSub);
      if (key === 'locked' && holder === parent._item) locksTouched = true;
    }
  };
  const itemAt = (id: Y.ID): Y.Item | null => {
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
          if (s.parentSub === 'locked' && s.content instanceof Y.ContentAny && s.content.arr[0] === true) locksTouched = true;
        }
      }
    } else {
      // Parent left out of the encoding: it is the parent of the neighbour the item was inserted next to.
      const near = (s.origin && itemAt(s.origin)) || (s.rightOrigin && itemAt(s.rightOrigin));
      if (near) note(near.parent as Y.AbstractType<unknown>, near.parentSub);
    }
  }
  for (const s of deletedItems(doc, ds)) note(s.parent as Y.AbstractType<unknown>, s.parentSub);

  if (votesTouched) return 'votes are placed through the host, not written to the board';
  if (role === 'facilitator') return null;
  if (locksTouched) return 'only the facilitator locks and unlocks';
  if (facilitationTouched) return 'only the facilitator runs the timer, the grid lock and the presentation';
  if (metaKeys.has('title') && !canRenameSession(role)) return 'only the facilitator renames the session';
  const gridLocked = facilitation.get('gridLocked') === true;
  for (const id of touched) {
    const m = elements.get(id);
    if (m instanceof Y.Map && m.get('locked') === true) return `element ${id} is locked`;
    const kind = m instanceof Y.Map ? m.get('kind') : createdKind.get(id);
    if (gridLocked && typeof kind === 'string' && gridKinds.has(kind)) return `the grid is locked: ${kind} ${id} cannot change`;
  }
  return null;
}
