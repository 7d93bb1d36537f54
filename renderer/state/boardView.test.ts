import { afterEach, describe, expect, it } from 'vitest';
import { addStep } from '../../shared/operations/addCard';
import { setStepCost } from '../../shared/operations/costs';
import { deleteElements } from '../../shared/operations/deleteElements';
import { editCells } from '../../shared/operations/editCells';
import { moveElements } from '../../shared/operations/moveElements';
import { setElementText } from '../../shared/operations/setElementText';
import { boardFrom, ctx } from '../../shared/operations/testDoc';
import type { Step } from '../../shared/model/step';
import { bindBoard } from './bindBoard';
import { elementList } from './boardStore';
import { currentView } from './boardView';

// The board view is kept when an edit moves nothing (a paste of figures in the ledger): these
// check it still shows every edit, through the real doc, the one observer and the board store.
let unbind = () => {};
afterEach(() => unbind());

function boardOfThree() {
  const doc = boardFrom();
  const ids = ['Check invoice', 'Pay invoice', 'File invoice'].map((title, i) => addStep.run(doc, { x: i * 300, y: 0, title }, ctx));
  unbind = bindBoard(doc);
  return { doc, ids };
}
const card = (id: string) => currentView().cards.find((c) => c.id === id) as Step | undefined;

describe('the board view after an edit', () => {
  it('a pasted block of figures and a new title show on the cards, which stay where they were', () => {
    const { doc, ids } = boardOfThree();
    const before = currentView();
    editCells.run(doc, { cells: ids.map((id, i) => ({ where: `Row ${i + 1}`, edit: { op: 'setStepCost' as const, args: { id, patch: { volume: 100 * (i + 1) } } } })) }, ctx);
    setElementText.run(doc, { id: ids[1], text: 'Pay the invoice' }, ctx);
    const after = currentView();
    expect(after.boxes).toBe(before.boxes);
    expect(after.cards.map((c) => c.id)).toEqual(before.cards.map((c) => c.id));
    expect(ids.map((id) => card(id)?.volume)).toEqual([100, 200, 300]);
    expect(card(ids[1])?.title).toBe('Pay the invoice');
    expect(
      elementList(after.elements)
        .steps.map((s) => s.volume)
        .sort(),
    ).toEqual([100, 200, 300]);
  });

  it('a moved card gets its new box, a deleted one leaves the view', () => {
    const { doc, ids } = boardOfThree();
    setStepCost.run(doc, { id: ids[0], patch: { volume: 5 } }, ctx);
    const before = currentView();
    moveElements.run(doc, { moves: [{ id: ids[2], x: 2000, y: 40 }] }, ctx);
    expect(currentView().boxes).not.toBe(before.boxes);
    expect(currentView().boxes.get(ids[2])).toMatchObject({ x: 2000, y: 40 });
    deleteElements.run(doc, { ids: [ids[0]] }, ctx);
    expect(currentView().cards.map((c) => c.id)).toEqual([ids[1], ids[2]]);
    expect(currentView().boxes.has(ids[0])).toBe(false);
  });
});
