import { expect, it } from 'vitest';
import { addStep } from '../operations/addCard.js';
import { addConnector } from '../operations/addConnector.js';
import { addScenario, setOverride, setStepCost } from '../operations/costs.js';
import { readBoard } from '../model/board.js';
import { readScenarios } from '../model/scenario.js';
import { boardFrom, ctx } from '../operations/testDoc.js';
import { costTableCsv } from './costTable.js';
import { boardSvg } from './svg.js';

/** A board with one call (100,000 at $6.00) and two to-bes; the first adds a self-service page (80,000 visits at $0.50). */
function board() {
  const doc = boardFrom();
  const call = addStep.run(doc, { x: 0, y: 0, title: 'Call' }, ctx);
  setStepCost.run(doc, { id: call, patch: { volume: 100_000, unitCents: 600 } }, ctx);
  const toBe = addScenario.run(doc, { name: 'Self-service' }, ctx);
  addScenario.run(doc, { name: 'Better script' }, ctx);
  const page = addStep.run(doc, { x: 400, y: 0, title: 'Self-service page', scenarioId: toBe }, ctx);
  setStepCost.run(doc, { id: page, patch: { volume: 80_000, unitCents: 50 } }, ctx);
  addConnector.run(doc, { fromId: call, toId: page }, ctx);
  return doc;
}

it('the cost table lists a to-be step in its scenario’s columns only', () => {
  const rows = costTableCsv(board())
    .trim()
    .split('\r\n')
    .map((r) => r.split(','));
  const table = rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
  const page = table.find((r) => r.Step === 'Self-service page')!;
  expect(page).toMatchObject({ 'Volume per year': '', 'Cost mode': '', 'Unit cost (USD)': '', 'Period cost (USD)': '' });
  expect(page).toMatchObject({ 'Self-service: volume': '80000', 'Self-service: unit cost (USD)': '0.50', 'Self-service: period cost (USD)': '40000.00', 'Self-service: saving (USD)': '-40000.00' });
  expect(page).toMatchObject({ 'Better script: volume': '', 'Better script: period cost (USD)': '', 'Better script: saving (USD)': '' });
  const total = table.find((r) => r.Lane === 'Total')!;
  expect(total).toMatchObject({
    'Period cost (USD)': '600000.00',
    'Self-service: period cost (USD)': '640000.00',
    'Self-service: saving (USD)': '-40000.00',
    'Better script: period cost (USD)': '600000.00',
  });
});

it('exports draw the as-is map: the to-be step and its arrow are left out', () => {
  const svg = boardSvg(board());
  expect(svg).toContain('>Call</text>');
  expect(svg).not.toContain('Self-service page');
  expect(svg).not.toMatch(/<polyline[^>]*marker-end/);
});

it('a to-be export crosses out the steps it removes, as the board does; the as-is export does not', () => {
  const doc = board();
  const [toBe] = readScenarios(doc);
  const call = [...readBoard(doc).elements.values()].find((e) => e.kind === 'step' && e.title === 'Call')!;
  setOverride.run(doc, { scenarioId: toBe.id, stepId: call.id, field: 'removed', value: true }, ctx);
  expect(boardSvg(doc, { scenarioId: toBe.id }).match(/class="removed"/g)).toHaveLength(1);
  expect(boardSvg(doc)).not.toContain('class="removed"');
});
