import { expect, it } from 'vitest';
import { elementsMap, insertElement, readBoard } from '../model/board.js';
import { newConnector } from '../model/connector.js';
import { addNote } from './addCard.js';
import { deleteElements } from './deleteElements.js';
import { boardFrom, ctx } from './testDoc.js';

it('deleting a card deletes its connectors, and skips locked cards', () => {
  const doc = boardFrom();
  const a = addNote.run(doc, { x: 0, y: 0 }, ctx);
  const b = addNote.run(doc, { x: 300, y: 0 }, ctx);
  const c = addNote.run(doc, { x: 600, y: 0 }, ctx);
  const arrow = newConnector({ fromId: a, toId: b, order: 'a0' });
  doc.transact(() => insertElement(doc, arrow));
  elementsMap(doc).get(c)!.set('locked', true);
  expect(deleteElements.run(doc, { ids: [a, c] }, ctx)).toBe(2);
  expect([...readBoard(doc).elements.keys()].sort()).toEqual([b, c].sort());
});
