import type * as Y from 'yjs';
import { elementsMap, fieldOf } from '../model/board.js';
import type { ElementTouch, Touch } from '../permissions.js';

// Helpers for the `touches` each operation declares: what it would change, read from the doc
// before it runs, so the renderer can ask shared/permissions.ts before sending anything.

/** An element as the board has it now; null when there is none. */
export function elementTouch(doc: Y.Doc, id: string): ElementTouch | null {
  const m = elementsMap(doc).get(id);
  if (!m) return null;
  const kind = m.get('kind');
  return { on: 'element', id, kind: typeof kind === 'string' ? kind : null, locked: fieldOf(m, 'locked') === true };
}

/**
 * The unlocked elements among `ids` (optionally only of some kinds): what operations that
 * leave locked elements alone touch.
 */
export function unlockedTouches(doc: Y.Doc, ids: Iterable<string>, kinds?: ReadonlySet<string>): Touch[] {
  const out: Touch[] = [];
  for (const id of new Set(ids)) {
    const t = elementTouch(doc, id);
    if (t && !t.locked && (!kinds || (t.kind !== null && kinds.has(t.kind)))) out.push(t);
  }
  return out;
}

/** A record an operation creates: its id is not known before it runs. */
export function newElement(kind: string): ElementTouch {
  return { on: 'element', id: 'new', kind, locked: false };
}

/** One new record per kind among `kinds` (the rules read kinds, not how many). */
export function newElements(kinds: Iterable<string>): Touch[] {
  return [...new Set(kinds)].map(newElement);
}

export const facilitationTouch: Touch[] = [{ on: 'facilitation' }];
export const scenariosTouch: Touch[] = [{ on: 'scenarios' }];

/** The kinds placed on the canvas (what move, transform and arrange act on). */
export const canvasKinds: ReadonlySet<string> = new Set(['step', 'note', 'text', 'frame']);
export const bandKinds: ReadonlySet<string> = new Set(['lane', 'stage']);
