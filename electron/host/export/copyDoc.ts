import * as Y from 'yjs';

/** A board's doc copied whole: what an export reads while the live doc goes on changing. */
export function copyDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
