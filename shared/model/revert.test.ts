import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { operations } from '../operations/index.js';
import { boardFrom, ctx, syncDocs } from '../operations/testDoc.js';
import { readBoard } from './board.js';
import { revertDoc } from './revert.js';

const board = (doc: Y.Doc) => JSON.stringify(Object.fromEntries(['meta', 'elements', 'scenarios'].map((n) => [n, doc.getMap(n).toJSON()])));

describe('revert to a checkpoint', () => {
  it('brings back cards deleted and moved since, removes cards added since, in one transaction another doc receives as one update', () => {
    const doc = boardFrom('sample-info-request');
    const other = new Y.Doc();
    syncDocs(doc, other);
    doc.on('update', (u: Uint8Array) => Y.applyUpdate(other, u));
    const checkpoint = Y.encodeStateAsUpdate(doc);
    const before = board(doc);
    const ids = [...readBoard(doc).elements.values()].filter((e) => e.kind === 'step').map((e) => e.id);
    operations.deleteElements.run(doc, { ids: [ids[0]] }, ctx);
    operations.moveElements.run(doc, { moves: [{ id: ids[1], x: 4000, y: 40 }] }, ctx);
    operations.setBoardSettings.run(doc, { currency: 'EUR' }, ctx);
    operations.addScenario.run(doc, { name: 'Later idea' }, ctx);
    doc.getMap('facilitation').set('timerEndsAt', 12345);
    expect(board(doc)).not.toBe(before);

    let updates = 0;
    other.on('update', () => updates++);
    const written = revertDoc(doc, checkpoint, 'revert');
    expect(written).toBeGreaterThan(3);
    expect(board(doc)).toBe(before);
    expect(board(other)).toBe(before);
    expect(updates).toBe(1);
    // The room's record is not the board: the timer stays.
    expect(doc.getMap('facilitation').get('timerEndsAt')).toBe(12345);
    expect(readBoard(doc).problems).toEqual([]);
  });

  it('a revert of the revert goes back to the state before it; reverting to the same state writes nothing', () => {
    const doc = boardFrom('value-chain');
    const start = Y.encodeStateAsUpdate(doc);
    operations.addStep.run(doc, { x: 100, y: 100 }, ctx);
    const beforeRevert = Y.encodeStateAsUpdate(doc);
    const withStep = board(doc);
    revertDoc(doc, start, 'revert');
    expect(board(doc)).not.toBe(withStep);
    revertDoc(doc, beforeRevert, 'revert');
    expect(board(doc)).toBe(withStep);
    expect(revertDoc(doc, beforeRevert, 'revert')).toBe(0);
  });
});
