import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementSchema, elementsMap, fieldsCheck, insertElement, readBoard, readElement, rereadElement } from './board.js';
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

  it('a record read again after some fields changed is what reading it whole gives, errors included', () => {
    const doc = new Y.Doc();
    const step = newStep({ x: 1, y: 2, order: 'a0', title: 'Answer call', volume: 100, unitCents: 250 });
    doc.transact(() => insertElement(doc, step));
    const m = elementsMap(doc).get(step.id)!;
    const edits: [string, unknown][][] = [
      [
        ['volume', 20_000],
        ['unitCents', 125],
        ['costMode', 'unit'],
      ],
      [
        ['minutes', 7.5],
        ['rateCents', 4500],
        ['costMode', 'time'],
      ],
      [['title', 'Call back']],
      [['minutes', 7.555]], // more decimals than a minute figure takes
      [['volume', -1]],
      [['costMode', 'by the hour']],
      [['painPoint', 'yes']],
    ];
    for (const edit of edits) {
      const before = readElement(step.id, m);
      if (!before.ok) throw new Error(before.error);
      doc.transact(() => edit.forEach(([k, v]) => m.set(k, v)));
      expect(rereadElement(step.id, m, before.value, new Set(edit.map(([k]) => k)))).toEqual(readElement(step.id, m));
      doc.transact(() => Object.entries(before.value).forEach(([k, v]) => k !== 'id' && m.set(k, v)));
    }
    // A field gone (it reads as its kind's default: records are sparse), a kind changed: read whole.
    const before = readElement(step.id, m);
    if (!before.ok) throw new Error(before.error);
    m.delete('volume');
    const gone = rereadElement(step.id, m, before.value, new Set(['volume']));
    expect(gone).toEqual(readElement(step.id, m));
    expect(gone.ok && gone.value.kind === 'step' && gone.value.volume).toBe(newStep({ x: 0, y: 0, order: 'a0' }).volume);
    // A field without a default gone: the record is refused, by the whole record's words.
    m.delete('x');
    expect(rereadElement(step.id, m, before.value, new Set(['x']))).toEqual(readElement(step.id, m));
    expect(readElement(step.id, m).ok).toBe(false);
    m.set('x', 1);
    m.set('volume', 5);
    m.set('kind', 'note');
    expect(rereadElement(step.id, m, before.value, new Set(['kind']))).toEqual(readElement(step.id, m));
  });

  it("a field check names the field as the whole record's check does, and knows only the kind's fields", () => {
    const step = newStep({ x: 1, y: 2, order: 'a0' });
    const check = fieldsCheck('step', ['volume', 'minutes'])!;
    const part = check.safeParse({ volume: 5, minutes: -3 });
    const whole = elementSchema.safeParse({ ...step, volume: 5, minutes: -3 });
    expect(part.success || whole.success).toBe(false);
    if (!part.success && !whole.success) expect(formatIssues('here', part.error, 1)).toBe(formatIssues('here', whole.error, 1));
    expect(fieldsCheck('step', ['volume', 'minutes'])).toBe(check);
    expect(fieldsCheck('step', ['volume', 'nonsense'])).toBeNull();
    expect(fieldsCheck('sketch', ['volume'])).toBeNull();
  });
});
