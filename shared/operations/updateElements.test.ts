import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../model/board.js';
import { ValidationError } from '../model/validation.js';
import { addNote, addStep, addText } from './addCard.js';
import { setLocked, updateElements } from './updateElements.js';
import { boardFrom, ctx, syncDocs } from './testDoc.js';

describe('updateElements', () => {
  it('sets the fields on elements of every kind that has them (colour on a step and a note)', () => {
    const doc = boardFrom();
    const s = addStep.run(doc, { x: 0, y: 0 }, ctx);
    const n = addNote.run(doc, { x: 0, y: 0 }, ctx);
    expect(updateElements.run(doc, { ids: [s, n], patch: { color: 'pink' } }, ctx)).toBe(2);
    const els = readBoard(doc).elements;
    expect(els.get(s)).toMatchObject({ color: 'pink' });
    expect(els.get(n)).toMatchObject({ color: 'pink' });
  });

  it('refuses a field the kind does not have, naming the field and the kind, and changes nothing', () => {
    const doc = boardFrom();
    const s = addStep.run(doc, { x: 0, y: 0 }, ctx);
    const t = addText.run(doc, { x: 0, y: 0 }, ctx);
    const before = Y.encodeStateVector(doc);
    expect(() => updateElements.run(doc, { ids: [s, t], patch: { color: 'pink' } }, ctx)).toThrow(`updateElements: a text has no field “color” (text ${t})`);
    expect(() => updateElements.run(doc, { ids: [s], patch: { titel: 'Check claim' } }, ctx)).toThrow(`updateElements: a step has no field “titel” (step ${s})`);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuses the whole change when one element would become invalid, naming it', () => {
    const doc = boardFrom();
    const a = addStep.run(doc, { x: 0, y: 0 }, ctx);
    const before = Y.encodeStateVector(doc);
    expect(() => updateElements.run(doc, { ids: [a], patch: { painPoint: true, emotion: 7 } }, ctx)).toThrow(new RegExp(`step ${a}\\.emotion`));
    expect(() => updateElements.run(doc, { ids: [a], patch: { order: 'zz' } }, ctx)).toThrow(ValidationError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('two people toggling different flags of one step both win', () => {
    const a = boardFrom();
    const b = new Y.Doc();
    const id = addStep.run(a, { x: 0, y: 0 }, ctx);
    syncDocs(a, b);
    updateElements.run(a, { ids: [id], patch: { painPoint: true } }, ctx);
    updateElements.run(b, { ids: [id], patch: { valueClass: 'waste', owner: 'Sales' } }, ctx);
    syncDocs(a, b);
    for (const d of [a, b]) expect(readBoard(d).elements.get(id)).toMatchObject({ painPoint: true, valueClass: 'waste', owner: 'Sales' });
  });

  it('locked elements are skipped until unlocked', () => {
    const doc = boardFrom();
    const id = addNote.run(doc, { x: 0, y: 0 }, ctx);
    setLocked.run(doc, { ids: [id], locked: true }, ctx);
    expect(updateElements.run(doc, { ids: [id], patch: { color: 'blue' } }, ctx)).toBe(0);
    setLocked.run(doc, { ids: [id], locked: false }, ctx);
    expect(updateElements.run(doc, { ids: [id], patch: { color: 'blue' } }, ctx)).toBe(1);
  });
});
