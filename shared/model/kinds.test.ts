import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineKind } from './kind.js';
import { elementSchema, gridKinds, isCanvasElement, isCard, kindHas, kinds, newElement, textFieldOf, type ElementKind } from './kinds.js';

describe('the kinds registry', () => {
  it('newElement makes a valid record of any kind from its defaults and the given fields', () => {
    const step = newElement('step', { x: 10, y: 20, order: 'a0', title: 'Check the claim' });
    expect(step).toMatchObject({ kind: 'step', x: 10, y: 20, title: 'Check the claim', color: 'white', costMode: 'unit', laneId: null });
    expect(elementSchema.safeParse(step).success).toBe(true);
    const arrow = newElement('connector', { order: 'a1', fromId: step.id, toId: step.id });
    expect(elementSchema.safeParse(arrow).success).toBe(true);
    expect(newElement('note', { x: 0, y: 0, order: 'a2', id: step.id }).id).toBe(step.id);
  });

  it('answers what the rest of the app asks: cards, boxes, the grid, the text field', () => {
    const note = newElement('note', { x: 0, y: 0, order: 'a0' });
    const text = newElement('text', { x: 0, y: 0, order: 'a1' });
    const lane = newElement('lane', { order: 'a0' });
    expect([isCard(note), isCard(text), isCard(lane)]).toEqual([true, false, false]);
    expect([isCanvasElement(note), isCanvasElement(text), isCanvasElement(lane)]).toEqual([true, true, false]);
    expect([...gridKinds].sort()).toEqual(['lane', 'line', 'stage']);
    const fields = (Object.keys(kinds) as ElementKind[]).map((k) => [k, textFieldOf(k)?.field, textFieldOf(k)?.max.maxLength]);
    expect(Object.fromEntries(fields.map(([k, f, max]) => [k, `${f} ≤ ${max}`]))).toEqual({
      step: 'title ≤ 200',
      note: 'text ≤ 20000',
      text: 'text ≤ 20000',
      lane: 'name ≤ 200',
      stage: 'name ≤ 200',
      connector: 'label ≤ 200',
      line: 'label ≤ 200',
      frame: 'name ≤ 200',
    });
    expect([kindHas('step', ['color', 'title']), kindHas('text', ['color'])]).toEqual([true, false]);
  });

  it('a kind whose text field is not one of its fields is refused when defined', () => {
    const schema = z.strictObject({ id: z.string(), kind: z.literal('sketch'), caption: z.string() });
    expect(() => defineKind({ kind: 'sketch', schema, label: 'Sketch', textField: 'title', grid: false, rotates: false, defaults: {}, migrations: [] })).toThrow(
      'kind sketch: its text field title is not one of its fields',
    );
  });
});
