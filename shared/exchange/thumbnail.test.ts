import { describe, expect, it } from 'vitest';
import { insertElement, readBoard } from '../model/board.js';
import { newNote } from '../model/note.js';
import { keyAfter } from '../model/order.js';
import { topOrder } from '../operations/addCard.js';
import { boardFrom } from '../operations/testDoc.js';
import { boardThumbnail } from './thumbnail.js';

const elementsOf = (doc: ReturnType<typeof boardFrom>) => readBoard(doc).elements.values();

describe('the library thumbnail', () => {
  it('draws each card of a board of a workshop’s size as its own box', () => {
    const svg = boardThumbnail(elementsOf(boardFrom('sample-info-request')));
    expect(svg).toMatch(/^<svg [^>]*width="240" height="135"/);
    // The sample's steps are there as boxes of their own colour.
    expect(svg.match(/fill="#fffdf7"/g)?.length).toBeGreaterThan(10);
    expect(svg.length).toBeLessThan(8_000);
  });

  it('draws a crowded board by where its cards are, in a few kilobytes however many cards it has', () => {
    const doc = boardFrom('sample-info-request');
    // Put on the paper in one go, each on top of the last: addNote looks for the top of every
    // card on the board, which 5,000 times over took half a minute of a loaded CI machine.
    let order = topOrder(doc);
    doc.transact(() => {
      for (let i = 0; i < 5_000; i++) {
        order = keyAfter([order]);
        insertElement(doc, newNote({ x: 3_000 + (i % 100) * 40, y: 200 + Math.floor(i / 100) * 30, order, text: `note ${i}` }));
      }
    });
    const svg = boardThumbnail(elementsOf(doc));
    // It was 509 KB: a box per note, most of them smaller than a pixel.
    expect(svg.length).toBeLessThan(30_000);
    // The notes' area is yellow; the steps are still drawn, under them.
    expect(svg).toContain('<g fill="#f7e07a">');
    expect(svg).toContain('<g fill="#fffdf7">');
    expect(svg.match(/<rect /g)!.length).toBeGreaterThan(20);
  });
});
