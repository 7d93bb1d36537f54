import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../model/board.js';
import { addNote, addStep } from './addCard.js';
import { addConnector } from './addConnector.js';
import { clipboardSchema, copyElements, duplicateElements, pasteElements } from './clipboard.js';
import { boardFrom, ctx } from './testDoc.js';

describe('copy, paste, duplicate', () => {
  it('duplicate copies cards and the connectors among them, with new ids', () => {
    const doc = boardFrom();
    const a = addStep.run(doc, { x: 0, y: 0, title: 'A' }, ctx);
    const b = addStep.run(doc, { x: 400, y: 0, title: 'B' }, ctx);
    const outside = addNote.run(doc, { x: 0, y: 400 }, ctx);
    addConnector.run(doc, { fromId: a, toId: b }, ctx);
    addConnector.run(doc, { fromId: a, toId: outside }, ctx);
    const created = duplicateElements.run(doc, { ids: [a, b], dx: 20, dy: 300 }, ctx);
    expect(created).toHaveLength(3);
    const els = readBoard(doc).elements;
    const copies = created.map((id) => els.get(id)!);
    expect(copies.map((e) => e.kind).sort()).toEqual(['connector', 'step', 'step']);
    const arrow = copies.find((e) => e.kind === 'connector')!;
    if (arrow.kind !== 'connector') throw new Error();
    expect(created).toContain(arrow.fromId);
    expect(created).toContain(arrow.toId);
    expect(copies.find((e) => e.kind === 'step' && e.title === 'B')).toMatchObject({ x: 420, y: 300 });
  });

  it('paste into another board places the content at the point given', () => {
    const from = boardFrom();
    const a = addNote.run(from, { x: 100, y: 100, text: 'copied' }, ctx);
    const content = JSON.parse(JSON.stringify(copyElements(from, [a])));
    const to = boardFrom('service-blueprint');
    const [id] = pasteElements.run(to, { content: clipboardSchema.parse(content), x: 40, y: 40 }, ctx);
    expect(readBoard(to).elements.get(id)).toMatchObject({ text: 'copied' });
  });

  it('refuses hostile clipboard content', () => {
    const from = boardFrom();
    const a = addNote.run(from, { x: 0, y: 0 }, ctx);
    const good = copyElements(from, [a]);
    const bad = [
      { ...good, brownpaper: 'clipboard/9' },
      { ...good, elements: [{ ...good.elements[0], x: Number.NaN }] },
      { ...good, elements: [{ ...good.elements[0], __proto__: { polluted: true }, extra: 1 }] },
      JSON.parse('{"brownpaper":"clipboard/1","elements":[],"__proto__":{"x":1}}'),
    ];
    for (const content of bad) expect(pasteElements.args.safeParse({ content, x: 0, y: 0 }).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    void Y;
  });
});
