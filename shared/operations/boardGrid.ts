import type * as Y from 'yjs';
import { elementsMap, readElement, type BoardElement } from '../model/board.js';
import { computeGrid, type Grid } from '../model/grid.js';

/** The grid as the document has it now (reads only lanes and stages). */
export function boardGrid(doc: Y.Doc): Grid {
  const bands: BoardElement[] = [];
  elementsMap(doc).forEach((m, id) => {
    const kind = m.get('kind');
    if (kind !== 'lane' && kind !== 'stage') return;
    const r = readElement(id, m);
    if (r.ok) bands.push(r.value);
  });
  return computeGrid(bands);
}
