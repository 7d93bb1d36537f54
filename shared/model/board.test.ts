import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementSchema, elementsMap, insertElement, readBoard, readElement } from './board.js';
import { newNote } from './note.js';
import { newStep } from './step.js';
import { formatIssues } from './validation.js';

describe('element records', () => {
  it('a new note from defaults is valid', () => {
    const note = newNote({ x: 10, y: 20, order: 'a0' });
    expect(elementSchema.parse(note)).toEqual(note);
    expect(note.kind).toBe('note');
  });

  it('refuses NaN, Infinity and unknown fields, naming the field', () => {
    const note = newNote({ x: 10, y: 20, order: 'a0' });
    for (const bad of [
      { ...note, x: Number.NaN },
      { ...note, w: Infinity },
      { ...note, extra: 1 },
      { ...note, color: 'chartreuse' },
    ]) {
      const r = elementSchema.safeParse(bad);
      expect(r.success).toBe(false);
      if (!r.success) expect(formatIssues(`note ${note.id}`, r.error)).toMatch(new RegExp(`^note ${note.id}(\\.(x|w|color))?: `));
    }
  });

  it('round-trips through a Y.Doc field by field', () => {
    const doc = new Y.Doc();
    const step = newStep({ x: 1, y: 2, order: 'a0', title: 'Answer call' });
    doc.transact(() => insertElement(doc, step));
    const r = readElement(step.id, elementsMap(doc).get(step.id)!);
    expect(r).toEqual({ ok: true, value: step });
    expect(elementsMap(doc).get(step.id)!.get('title')).toBe('Answer call');
  });

  it('reports an invalid stored record instead of returning it', () => {
    const doc = new Y.Doc();
    const note = newNote({ x: 0, y: 0, order: 'a0' });
    doc.transact(() => insertElement(doc, note));
    elementsMap(doc).get(note.id)!.set('w', -5);
    const { elements, problems } = readBoard(doc);
    expect(elements.size).toBe(0);
    expect(problems[0]).toContain(`note ${note.id}.w`);
  });
});
