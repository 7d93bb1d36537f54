import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { operations } from '../operations/index.js';
import { boardFrom, ctx, syncDocs } from '../operations/testDoc.js';
import { readBoard } from './board.js';
import { changesAsUpdate, freshCopy, itemCounts, takeInto, worthFolding } from './fold.js';

const content = (doc: Y.Doc) => JSON.stringify(Object.fromEntries([...doc.share.keys()].sort().map((n) => [n, doc.getMap(n).toJSON()])));
const stepIds = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e) => e.kind === 'step').map((e) => e.id);

/** A board moved about until its tombstones outnumber its live items. */
function wornBoard(): Y.Doc {
  const doc = boardFrom('sample-info-request');
  const ids = stepIds(doc);
  for (let i = 0; i < 40; i++) operations.moveElements.run(doc, { moves: ids.map((id, k) => ({ id, x: 100 * k + i, y: i })) }, ctx);
  return doc;
}

describe('the fold to a fresh document', () => {
  it('a board moved about is worth folding; its fresh copy has the same content and no tombstones', () => {
    expect(worthFolding(boardFrom('sample-info-request'))).toBe(false);
    const worn = wornBoard();
    expect(worthFolding(worn)).toBe(true);
    const fresh = freshCopy(worn)!;
    expect(content(fresh)).toBe(content(worn));
    expect(itemCounts(fresh).tombstones).toBe(0);
    expect(readBoard(fresh).problems).toEqual([]);
  });

  it("a window's unsent edits, taken against the base, land once in the fresh doc; taking them again changes nothing", () => {
    const worn = wornBoard();
    const window = new Y.Doc();
    syncDocs(worn, window);
    const base = new Y.Doc();
    Y.applyUpdate(base, Y.encodeStateAsUpdate(worn));
    const live = freshCopy(worn)!;
    // Offline in the window: a move, a retitle, a new card, a deletion.
    const [a, b, c] = stepIds(window);
    operations.moveElements.run(window, { moves: [{ id: a, x: 7777, y: 8888 }] }, ctx);
    operations.renameSession.run(window, { title: 'Renamed offline' }, ctx);
    operations.setElementText.run(window, { id: b, text: 'typed offline' }, ctx);
    operations.deleteElements.run(window, { ids: [c] }, ctx);
    // Meanwhile in the fresh doc someone moved another card: it stays where they put it.
    const d = stepIds(live)[3];
    operations.moveElements.run(live, { moves: [{ id: d, x: 1, y: 2 }] }, ctx);

    const unsent = Y.encodeStateAsUpdate(window, Y.encodeStateVector(base));
    const { changes, added } = takeInto(base, unsent);
    expect(added).not.toBeNull();
    Y.applyUpdate(live, changesAsUpdate(live, changes)!);
    const board = readBoard(live).elements;
    expect(board.get(a)).toMatchObject({ x: 7777, y: 8888 });
    expect(board.get(b)).toMatchObject({ title: 'typed offline' });
    expect(board.has(c)).toBe(false);
    expect(board.get(d)).toMatchObject({ x: 1, y: 2 });
    expect(live.getMap('meta').get('title')).toBe('Renamed offline');

    const again = takeInto(base, unsent);
    expect(again).toEqual({ changes: [], added: null });
  });

  it('two windows writing the same field offline: the fresh doc ends where Yjs would have put it without the fold', () => {
    const worn = wornBoard();
    const one = new Y.Doc();
    const two = new Y.Doc();
    syncDocs(worn, one);
    syncDocs(worn, two);
    const base = new Y.Doc();
    Y.applyUpdate(base, Y.encodeStateAsUpdate(worn));
    const live = freshCopy(worn)!;
    const id = stepIds(one)[0];
    operations.setElementText.run(one, { id, text: 'from one' }, ctx);
    operations.setElementText.run(two, { id, text: 'from two' }, ctx);
    const unfolded = new Y.Doc();
    Y.applyUpdate(unfolded, Y.encodeStateAsUpdate(worn));
    syncDocs(unfolded, one);
    syncDocs(unfolded, two);

    for (const w of [one, two]) {
      const { changes } = takeInto(base, Y.encodeStateAsUpdate(w, Y.encodeStateVector(base)));
      const update = changesAsUpdate(live, changes);
      if (update) Y.applyUpdate(live, update);
    }
    expect(readBoard(live).elements.get(id)).toMatchObject({ title: (readBoard(unfolded).elements.get(id) as { title: string }).title });
  });
});
