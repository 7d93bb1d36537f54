import * as Y from 'yjs';
import type { Role } from '../../../shared/session.js';

/**
 * What a connection may change, checked on the host before an update is applied, so a
 * modified client cannot get around it. A viewer changes nothing (connection.ts). A
 * participant may not touch a locked element, nor lock or unlock anything, nor the facilitation
 * state (the timer): those are the facilitator's. The check reads the update's structs and delete set and maps each to the
 * element record it belongs to in the room's doc.
 *
 * Returns null when the update may be applied, else the reason to refuse it.
 */
export function refuseUpdate(doc: Y.Doc, update: Uint8Array, role: Role): string | null {
  if (role === 'facilitator') return null;
  if (role === 'viewer') return 'a viewer cannot change the board';
  const elements = doc.getMap('elements');
  const facilitation = doc.getMap('facilitation');
  const touched = new Set<string>();
  let locksTouched = false;
  let facilitationTouched = false;

  /** The element record a map-entry item belongs to, given its parent type and key. */
  const note = (parent: Y.AbstractType<unknown> | null, key: string | null) => {
    if (!parent) return;
    if (parent === (facilitation as unknown)) {
      facilitationTouched = true;
      return;
    }
    if (parent === (elements as unknown)) {
      if (key) touched.add(key);
      return;
    }
    const holder = parent._item;
    if (holder && holder.parent === (elements as unknown) && holder.parentSub) {
      touched.add(holder.parentSub);
      if (key === 'locked') locksTouched = true;
    }
  };
  const itemAt = (id: Y.ID): Y.Item | null => {
    try {
      const s = Y.getItem(doc.store, id);
      return s instanceof Y.Item ? s : null;
    } catch {
      return null; // not in the doc yet (new in this update): nothing existing is touched through it
    }
  };

  const { structs, ds } = Y.decodeUpdate(update);
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    if (typeof s.parent === 'string') {
      if (s.parent === 'elements') note(elements as unknown as Y.AbstractType<unknown>, s.parentSub);
      if (s.parent === 'facilitation') facilitationTouched = true;
    } else if (s.parent instanceof Y.ID) {
      const holder = itemAt(s.parent);
      if (holder?.content instanceof Y.ContentType) note(holder.content.type, s.parentSub);
    } else {
      // Parent left out of the encoding: it is the parent of the neighbour the item was inserted next to.
      const near = (s.origin && itemAt(s.origin)) || (s.rightOrigin && itemAt(s.rightOrigin));
      if (near) note(near.parent as Y.AbstractType<unknown>, near.parentSub);
    }
  }
  for (const [client, ranges] of ds.clients) {
    const list = doc.store.clients.get(client);
    if (!list) continue;
    for (const r of ranges) {
      for (let i = Y.findIndexSS(list, r.clock); i < list.length && list[i].id.clock < r.clock + r.len; i++) {
        const s = list[i];
        if (s instanceof Y.Item) note(s.parent as Y.AbstractType<unknown>, s.parentSub);
      }
    }
  }

  if (locksTouched) return 'only the facilitator locks and unlocks';
  if (facilitationTouched) return 'only the facilitator runs the timer';
  for (const id of touched) {
    const m = elements.get(id);
    if (m instanceof Y.Map && m.get('locked') === true) return `element ${id} is locked`;
  }
  return null;
}
