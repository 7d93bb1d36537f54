import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, readBoard } from '../model/board.js';
import { localOrigin } from '../model/origins.js';
import { readScenarios, scenariosMap } from '../model/scenario.js';
import type { Step } from '../model/step.js';
import { addStep } from './addCard.js';
import { addConnector } from './addConnector.js';
import { addNextCard } from './addNextCard.js';
import { copyElements, duplicateElements, pasteElements } from './clipboard.js';
import { addScenario, deleteScenario } from './costs.js';
import { boardFrom, ctx } from './testDoc.js';

const stepOf = (doc: Y.Doc, id: string) => readBoard(doc).elements.get(id) as Step;

describe('steps that exist only in a to-be', () => {
  it('a step added with a scenario belongs to it; the next step after it too; without one it is an as-is step', () => {
    const doc = boardFrom();
    const toBe = addScenario.run(doc, { name: 'Self-service' }, ctx);
    const page = addStep.run(doc, { x: 0, y: 0, title: 'Self-service page', scenarioId: toBe }, ctx);
    expect(stepOf(doc, page).scenarioId).toBe(toBe);
    const mail = addNextCard.run(doc, { fromId: page, direction: 'right', scenarioId: toBe }, ctx)!;
    expect(stepOf(doc, mail).scenarioId).toBe(toBe);
    expect(stepOf(doc, addStep.run(doc, { x: 900, y: 0 }, ctx)).scenarioId).toBeNull();
    expect(stepOf(doc, addStep.run(doc, { x: 900, y: 300, scenarioId: null }, ctx)).scenarioId).toBeNull();
  });

  it('a scenario that is not on the board is refused with a clear line, and nothing is added', () => {
    const doc = boardFrom();
    const before = elementsMap(doc).size;
    expect(() => addStep.run(doc, { x: 0, y: 0, scenarioId: 'nosuchscenario00000001' }, ctx)).toThrow(/no scenario nosuchscenario00000001 on this board; the step was not added/);
    expect(elementsMap(doc).size).toBe(before);
  });

  it('deleting a scenario deletes its steps and their arrows in one transaction; one undo brings all back', () => {
    const doc = boardFrom();
    const form = addStep.run(doc, { x: 0, y: 0, title: 'Form' }, ctx);
    const toBe = addScenario.run(doc, { name: 'Self-service' }, ctx);
    const other = addScenario.run(doc, { name: 'Better script' }, ctx);
    const page = addStep.run(doc, { x: 300, y: 0, title: 'Self-service page', scenarioId: toBe }, ctx);
    const script = addStep.run(doc, { x: 300, y: 300, title: 'Script', scenarioId: other }, ctx);
    const arrow = addConnector.run(doc, { fromId: form, toId: page }, ctx)!;
    const undo = new Y.UndoManager([elementsMap(doc), scenariosMap(doc)], { trackedOrigins: new Set([localOrigin]), captureTimeout: 0 });
    const touched = deleteScenario.touches(doc, { id: toBe });
    expect(touched).toEqual(expect.arrayContaining([{ on: 'scenarios' }, expect.objectContaining({ on: 'element', id: page }), expect.objectContaining({ on: 'element', id: arrow })]));
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(deleteScenario.run(doc, { id: toBe }, ctx)).toBe(true);
    expect(transactions).toBe(1);
    const { elements } = readBoard(doc);
    expect([elements.has(page), elements.has(arrow), elements.has(form), elements.has(script)]).toEqual([false, false, true, true]);
    expect(readScenarios(doc).map((s) => s.name)).toEqual(['Better script']);
    undo.undo();
    expect(readScenarios(doc).map((s) => s.name)).toEqual(['Self-service', 'Better script']);
    expect(stepOf(doc, page)).toMatchObject({ title: 'Self-service page', scenarioId: toBe });
    expect(readBoard(doc).elements.get(arrow)).toMatchObject({ fromId: form, toId: page });
  });

  it('a duplicate keeps its scenario; a paste where its scenario is not lands in the to-be shown, else on the as-is map', () => {
    const doc = boardFrom();
    const toBe = addScenario.run(doc, { name: 'Self-service' }, ctx);
    const page = addStep.run(doc, { x: 0, y: 0, title: 'Self-service page', scenarioId: toBe }, ctx);
    const [copy] = duplicateElements.run(doc, { ids: [page], dx: 30, dy: 30 }, ctx);
    expect(stepOf(doc, copy).scenarioId).toBe(toBe);
    const content = copyElements(doc, [page]);
    const [here] = pasteElements.run(doc, { content, x: 500, y: 500 }, ctx);
    expect(stepOf(doc, here).scenarioId).toBe(toBe);

    const elsewhere = boardFrom();
    const shown = addScenario.run(elsewhere, { name: 'Their to-be' }, ctx);
    const [inShown] = pasteElements.run(elsewhere, { content, x: 0, y: 0, scenarioId: shown }, ctx);
    expect(stepOf(elsewhere, inShown).scenarioId).toBe(shown);
    const [asIs] = pasteElements.run(elsewhere, { content, x: 0, y: 300 }, ctx);
    expect(stepOf(elsewhere, asIs).scenarioId).toBeNull();
  });
});
