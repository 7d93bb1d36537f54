import type * as Y from 'yjs';
import { expect, it } from 'vitest';
import { changeWords } from './changeWords.js';
import { operations, type Operations } from './index.js';
import type { Operation } from './types.js';
import { boardFrom, ctx } from './testDoc.js';

/** Run an operation as dispatch does, and say it as undo would. */
function said<N extends keyof Operations>(doc: Y.Doc, name: N, args: Parameters<Operations[N]['run']>[1]): string {
  const op = operations[name] as unknown as Operation<typeof args, unknown>;
  const words = changeWords(doc, op, args, op.touches(doc, args));
  return words(op.run(doc, args, ctx));
}

it('says a change in the workshop’s words: what it did and to which card, named before it ran', () => {
  const doc = boardFrom('service-blueprint');
  const call = operations.addStep.run(doc, { x: 0, y: 0, title: 'Sales call' }, ctx);
  const brochure = operations.addStep.run(doc, { x: 400, y: 0, title: 'Print brochure' }, ctx);
  expect(said(doc, 'addStep', { x: 800, y: 0, title: 'Send quote' })).toBe('new step ‘Send quote’');
  expect(said(doc, 'addStep', { x: 800, y: 300 })).toBe('new step');
  expect(said(doc, 'moveElements', { moves: [{ id: call, x: 40, y: 40 }] })).toBe('move of ‘Sales call’');
  expect(said(doc, 'setStepCost', { id: brochure, patch: { waitMinutes: 20160, waitUnit: 'weeks' } })).toBe('wait of ‘Print brochure’');
  expect(said(doc, 'setStepCost', { id: brochure, patch: { unitCentsLow: 100, unitCentsHigh: 200 } })).toBe('unit cost of ‘Print brochure’');
  expect(said(doc, 'setStepCost', { id: brochure, patch: { volumeEvidence: 'guess' } })).toBe('volume evidence of ‘Print brochure’');
  expect(said(doc, 'updateElements', { ids: [call, brochure], patch: { color: 'blue' } })).toBe('colour of 2 steps');
  expect(said(doc, 'updateElements', { ids: [call], patch: { valueClass: 'waste' } })).toBe('value class of ‘Sales call’');
  expect(said(doc, 'setLocked', { ids: [call], locked: true })).toBe('lock of ‘Sales call’');
  // The title typed into a new step: named by what it is now, not "an untitled step".
  const fresh = operations.addStep.run(doc, { x: 0, y: 300 }, ctx);
  expect(said(doc, 'setElementText', { id: fresh, text: 'Scans the letters' })).toBe('text of ‘Scans the letters’');
  // Deleted: named as it was; its arrows go with it unnamed.
  operations.addConnector.run(doc, { fromId: brochure, toId: fresh }, ctx);
  expect(said(doc, 'deleteElements', { ids: [brochure] })).toBe('deletion of ‘Print brochure’');
  // A 200-character title is cut short in the sentence.
  const long = operations.addStep.run(doc, { x: 0, y: 600, title: 'W'.repeat(200) }, ctx);
  expect(said(doc, 'moveElements', { moves: [{ id: long, x: 0, y: 640 }] })).toBe(`move of ‘${'W'.repeat(39)}…’`);
});

it('every operation has words', () => {
  for (const op of Object.values(operations)) expect(typeof op.label === 'function' || /^[a-z]/.test(op.label), op.name).toBe(true);
});
