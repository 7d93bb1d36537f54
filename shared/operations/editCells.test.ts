import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, readBoard } from '../model/board.js';
import { localOrigin } from '../model/origins.js';
import { readScenarios, scenariosMap } from '../model/scenario.js';
import type { Step } from '../model/step.js';
import { rollup } from '../model/rollup.js';
import { refusal } from '../permissions.js';
import { addStep } from './addCard.js';
import { addScenario, setStepCost } from './costs.js';
import { editCells } from './editCells.js';
import { boardFrom, ctx } from './testDoc.js';
import { setLocked } from './updateElements.js';

const step = (doc: Y.Doc, id: string) => readBoard(doc).elements.get(id) as Step;
const total = (doc: Y.Doc) => rollup([...readBoard(doc).elements.values()].filter((e): e is Step => e.kind === 'step')).total;

function twoSteps() {
  const doc = boardFrom();
  const a = addStep.run(doc, { x: 0, y: 0, title: 'Check invoice' }, ctx);
  const b = addStep.run(doc, { x: 300, y: 0, title: 'Pay invoice' }, ctx);
  return { doc, a, b };
}

describe('editCells: a block of ledger cells as one transaction', () => {
  it('writes every cell of a paste in one transaction, and one undo takes it all back', () => {
    const { doc, a, b } = twoSteps();
    const undo = new Y.UndoManager([elementsMap(doc), scenariosMap(doc)], { trackedOrigins: new Set([localOrigin]), captureTimeout: 0 });
    let transactions = 0;
    doc.on('afterTransaction', (t: Y.Transaction) => t.origin === localOrigin && transactions++);
    const written = editCells.run(
      doc,
      {
        cells: [
          { where: 'Row 1, Volume', edit: { op: 'setStepCost', args: { id: a, patch: { volume: 100 } } } },
          { where: 'Row 1, Unit cost', edit: { op: 'setStepCost', args: { id: a, patch: { unitCents: 250 } } } },
          { where: 'Row 2, Volume', edit: { op: 'setStepCost', args: { id: b, patch: { volume: 10 } } } },
          { where: 'Row 2, Unit cost', edit: { op: 'setStepCost', args: { id: b, patch: { unitCents: 1000 } } } },
          { where: 'Row 2, Step', edit: { op: 'setElementText', args: { id: b, text: 'Pay the invoice' } } },
          { where: 'Row 2, Owner', edit: { op: 'updateElements', args: { ids: [b], patch: { owner: 'Finance' } } } },
        ],
      },
      ctx,
    );
    expect(written).toBe(6);
    expect(transactions).toBe(1);
    expect(total(doc)).toBe(35_000n);
    expect(step(doc, b)).toMatchObject({ title: 'Pay the invoice', owner: 'Finance' });
    undo.undo();
    expect(step(doc, a).volume).toBeNull();
    expect(step(doc, b)).toMatchObject({ title: 'Pay invoice', owner: '', volume: null });
    expect(total(doc)).toBe(0n);
  });

  it('a bad cell refuses the whole block with that cell named, and nothing is written', () => {
    const { doc, a, b } = twoSteps();
    const before = Y.encodeStateVector(doc);
    const block = (bad: object) =>
      editCells.run(
        doc,
        {
          cells: [
            { where: 'Row 1, Volume', edit: { op: 'setStepCost', args: { id: a, patch: { volume: 5 } } } },
            { where: 'Row 2, Volume', edit: bad as never },
          ],
        },
        ctx,
      );
    expect(() => block({ op: 'setStepCost', args: { id: b, patch: { volume: -3 } } })).toThrow(/^Row 2, Volume\.volume: /);
    expect(() => block({ op: 'setStepCost', args: { id: b, patch: { volume: 5, volumeLow: -1 } } })).toThrow(/^Row 2, Volume\.volumeLow: /);
    expect(() => block({ op: 'setStepCost', args: { id: b, patch: { volume: 5, title: 'x' } } })).toThrow(/^Row 2, Volume: Unrecognized key.*title/);
    expect(() => block({ op: 'updateElements', args: { ids: [b], patch: { valueClass: 'splendid' } } })).toThrow(/^Row 2, Volume\.valueClass: /);
    expect(() => block({ op: 'updateElements', args: { ids: [b], patch: { laneId: null } } })).toThrow('Row 2, Volume: a step has no field “laneId” to set here');
    expect(() => block({ op: 'placeStep', args: { id: b, lane: 'Finance' } })).toThrow(/^Row 2, Volume: a step is moved/);
    // A title past the limit says the limit and how long it is, so a person knows how much to cut.
    expect(() => block({ op: 'setElementText', args: { id: b, text: 'x'.repeat(1234) } })).toThrow(/^Row 2, Volume: longer than a step may be \(at most \d+ characters; this has 1,234\)$/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(step(doc, a).volume).toBeNull();
  });

  it('checks the merged step: a pasted low beside a pasted likely must make a range together', () => {
    const { doc, a } = twoSteps();
    setStepCost.run(doc, { id: a, patch: { volume: 100 } }, ctx);
    const cells = (low: number) => [
      { where: 'Row 1, Volume', edit: { op: 'setStepCost' as const, args: { id: a, patch: { volume: 50 } } } },
      { where: 'Row 1, Volume low', edit: { op: 'setStepCost' as const, args: { id: a, patch: { volumeLow: low, volumeHigh: 80 } } } },
    ];
    expect(() => editCells.run(doc, { cells: cells(60) }, ctx)).toThrow(/^Row 1, Volume: Volume: /);
    expect(step(doc, a).volume).toBe(100);
    expect(editCells.run(doc, { cells: cells(40) }, ctx)).toBe(3);
    expect(step(doc, a)).toMatchObject({ volume: 50, volumeLow: 40, volumeHigh: 80 });
  });

  it('overrides of a scenario in the same block, checked by the override’s rules', () => {
    const { doc, a } = twoSteps();
    const sc = addScenario.run(doc, { name: 'To-be' }, ctx);
    const set = (values: Record<string, unknown>) =>
      editCells.run(doc, { cells: [{ where: 'Row 1, To-be: volume', edit: { op: 'setOverride', args: { scenarioId: sc, stepId: a, values: values as never } } }] }, ctx);
    expect(() => set({ volume: -1 })).toThrow(/^Row 1, To-be: volume\.volume: /);
    expect(set({ volume: 20, removed: true })).toBe(2);
    expect(readScenarios(doc)[0].overrides[a]).toEqual({ volume: 20, removed: true });
    expect(set({ removed: null })).toBe(1);
    expect(readScenarios(doc)[0].overrides[a]).toEqual({ volume: 20 });
  });

  it('leaves locked steps alone, and says what it touches so a viewer is refused like any edit', () => {
    const { doc, a, b } = twoSteps();
    setLocked.run(doc, { ids: [b], locked: true }, ctx);
    const args = {
      cells: [
        { where: 'Row 1, Volume', edit: { op: 'setStepCost' as const, args: { id: a, patch: { volume: 7 } } } },
        { where: 'Row 2, Volume', edit: { op: 'setStepCost' as const, args: { id: b, patch: { volume: 7 } } } },
      ],
    };
    const touches = editCells.touches(doc, args);
    expect(touches.map((t) => ('id' in t ? t.id : t.on))).toEqual([a]);
    expect(refusal('viewer', touches, { gridLocked: false })).not.toBeNull();
    expect(refusal('participant', touches, { gridLocked: false })).toBeNull();
    expect(editCells.run(doc, args, ctx)).toBe(1);
    expect(step(doc, b).volume).toBeNull();
    expect(step(doc, a).volume).toBe(7);
  });

  it('takes the records a window’s store holds when given them (the doc as read and checked), and writes and refuses exactly as reading the doc does', () => {
    const run = (withRecords: boolean, cells: Parameters<typeof editCells.run>[1]['cells']) => {
      const { doc, a, b } = twoSteps();
      const read = new Set<string>();
      const held = readBoard(doc).elements;
      const records = withRecords ? (id: string) => (read.add(id), held.get(id)) : undefined;
      const at = (id: string) => (id === 'A' ? a : b);
      const mapped = cells.map((c) => ({ ...c, edit: { ...c.edit, args: { ...c.edit.args, ...('id' in c.edit.args ? { id: at(c.edit.args.id) } : {}) } } }) as typeof c);
      try {
        return { written: editCells.run(doc, { cells: mapped }, { ...ctx, records }), total: total(doc), read: read.size };
      } catch (e) {
        return { error: (e as Error).message, total: total(doc), read: read.size };
      }
    };
    const good = [
      { where: 'Row 1, Volume', edit: { op: 'setStepCost' as const, args: { id: 'A', patch: { volume: 100 } } } },
      { where: 'Row 1, Unit cost', edit: { op: 'setStepCost' as const, args: { id: 'A', patch: { unitCents: 250 } } } },
      { where: 'Row 2, Step', edit: { op: 'setElementText' as const, args: { id: 'B', text: 'Pay the invoice' } } },
    ];
    const bad = [...good, { where: 'Row 2, Volume', edit: { op: 'setStepCost' as const, args: { id: 'B', patch: { volume: -3 } } } }];
    expect(run(true, good)).toEqual({ written: 3, total: 25_000n, read: 2 });
    expect(run(false, good)).toEqual({ written: 3, total: 25_000n, read: 0 });
    const refused = run(true, bad);
    expect(refused).toEqual({ ...run(false, bad), read: 2 });
    expect(refused).toMatchObject({ error: expect.stringMatching(/^Row 2, Volume/), total: 0n });
  });
});

describe('editCells: a paste taller than the rows left grows the ledger', () => {
  it('makes the rows past the last as new steps in the lane and stage given, in the same transaction (one undo)', () => {
    const { doc, a } = twoSteps();
    const undo = new Y.UndoManager([elementsMap(doc), scenariosMap(doc)], { trackedOrigins: new Set([localOrigin]), captureTimeout: 0 });
    let transactions = 0;
    doc.on('afterTransaction', (t: Y.Transaction) => t.origin === localOrigin && transactions++);
    const args = editCells.args.parse({
      cells: [{ where: 'Row 2, Step', edit: { op: 'setElementText', args: { id: a, text: 'Check the invoice' } } }],
      newRows: [
        { row: 1, lane: '', stage: '', laneId: null, stageId: null, fields: { title: 'File it', volume: 12 } },
        { row: 2, lane: '', stage: '', laneId: null, stageId: null, fields: { title: 'Archive it' } },
      ],
    });
    editCells.run(doc, args, ctx);
    expect(transactions).toBe(1);
    const titles = () => [...readBoard(doc).elements.values()].flatMap((e) => (e.kind === 'step' ? [e.title] : [])).sort();
    expect(titles()).toEqual(['Archive it', 'Check the invoice', 'File it', 'Pay invoice']);
    undo.undo();
    expect(titles()).toEqual(['Check invoice', 'Pay invoice']);
  });

  it('refuses a new row in a lane the board does not have, and writes none of the cells', () => {
    const { doc, a } = twoSteps();
    const args = editCells.args.parse({
      cells: [{ where: 'Row 1, Step', edit: { op: 'setElementText', args: { id: a, text: 'Changed' } } }],
      newRows: [{ row: 1, lane: '', stage: '', laneId: a, fields: { title: 'Lost' } }],
    });
    expect(() => editCells.run(doc, args, ctx)).toThrow(`row 1: no lane ${a} on this board`);
    expect(step(doc, a).title).toBe('Check invoice');
  });
});
