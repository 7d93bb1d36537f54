import { expect, it } from 'vitest';
import { addStep } from '../operations/addCard.js';
import { addScenario, setOverride, setStepCost } from '../operations/costs.js';
import { updateElements } from '../operations/updateElements.js';
import { boardFrom, ctx } from '../operations/testDoc.js';
import { costTableCsv } from './costTable.js';
import { writeRound, type VoteRound } from '../model/vote.js';

it('the cost table: a row per step with each scenario, quoted per RFC 4180, totals, optional BOM', () => {
  const doc = boardFrom('sample-info-request');
  const id = addStep.run(doc, { x: -2000, y: -2000, title: 'Says "hi", then\nleaves' }, ctx);
  setStepCost.run(doc, { id, patch: { volume: 3, unitCents: 10 } }, ctx);
  const csv = costTableCsv(doc);
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe(
    'Lane,Stage,Step,Owner,Value class,Volume per year,Cost mode,Unit cost (USD),Minutes,Hourly rate (USD/h),Fixed cost (USD per year),Period cost (USD),' +
      'To-be: brochure in 2 days: volume,To-be: brochure in 2 days: unit cost (USD),To-be: brochure in 2 days: minutes,To-be: brochure in 2 days: period cost (USD),To-be: brochure in 2 days: saving (USD)',
  );
  expect(csv).toContain('Frontstage,Wait,Call-centre agent answers “where is my info?”,Customer service,Waste,100000,Unit cost,6.00,,,,600000.00,removed,,,0.00,600000.00');
  expect(csv).toContain(',,"Says ""hi"", then\nleaves",,Unclassified,3,Unit cost,0.10,,,,0.30,3,0.10,,0.30,0.00');
  // A step without figures: blank, not zero.
  expect(csv).toContain('Support processes,Ask,CRM,,Unclassified,,Unit cost,,,,,,,,,,');
  expect(lines.at(-2)).toBe('Total,,,,,,,,,,,1476000.30,,,,876000.30,600000.00');
  expect(csv.endsWith('\r\n')).toBe(true);
  expect(costTableCsv(doc, { bom: true }).startsWith('\uFEFF')).toBe(true);
});

it('every figure in a period cost has its column: fixed cost, minutes and hourly rate, and the minutes a to-be uses', () => {
  const doc = boardFrom();
  const letter = addStep.run(doc, { x: 0, y: 0, title: 'Post the letter' }, ctx);
  setStepCost.run(doc, { id: letter, patch: { volume: 12_000, unitCents: 400, fixedCents: 500_000 } }, ctx);
  const check = addStep.run(doc, { x: 300, y: 0, title: 'Check the claim' }, ctx);
  setStepCost.run(doc, { id: check, patch: { volume: 1000, costMode: 'time', unitCents: 999, minutes: 15, rateCents: 6000 } }, ctx);
  updateElements.run(doc, { ids: [check], patch: { valueClass: 'necessary' } }, ctx);
  const toBe = addScenario.run(doc, { name: 'Self-service' }, ctx);
  setOverride.run(doc, { scenarioId: toBe, stepId: check, field: 'minutes', value: 2 }, ctx);
  // An override the step's cost mode does not use plays no part, and is not shown.
  setOverride.run(doc, { scenarioId: toBe, stepId: check, field: 'unitCents', value: 1 }, ctx);

  const rows = costTableCsv(doc).trim().split('\r\n').map((r) => r.split(','));
  const table = rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
  // 12,000 × 4.00 + 5,000.00 = 53,000.00 — the row says so.
  expect(table.find((r) => r.Step === 'Post the letter')).toEqual({
    Lane: '', Stage: '', Step: 'Post the letter', Owner: '', 'Value class': 'Unclassified',
    'Volume per year': '12000', 'Cost mode': 'Unit cost', 'Unit cost (USD)': '4.00', Minutes: '', 'Hourly rate (USD/h)': '', 'Fixed cost (USD per year)': '5000.00', 'Period cost (USD)': '53000.00',
    'Self-service: volume': '12000', 'Self-service: unit cost (USD)': '4.00', 'Self-service: minutes': '', 'Self-service: period cost (USD)': '53000.00', 'Self-service: saving (USD)': '0.00',
  });
  // 1,000 × 15 min at 60.00/h = 15,000.00; the to-be's 2 min make it 2,000.00. The stored unit cost is not used, so not shown.
  expect(table.find((r) => r.Step === 'Check the claim')).toEqual({
    Lane: '', Stage: '', Step: 'Check the claim', Owner: '', 'Value class': 'Necessary',
    'Volume per year': '1000', 'Cost mode': 'Minutes × hourly rate', 'Unit cost (USD)': '', Minutes: '15', 'Hourly rate (USD/h)': '60.00', 'Fixed cost (USD per year)': '', 'Period cost (USD)': '15000.00',
    'Self-service: volume': '1000', 'Self-service: unit cost (USD)': '', 'Self-service: minutes': '2', 'Self-service: period cost (USD)': '2000.00', 'Self-service: saving (USD)': '13000.00',
  });
  expect(rows.at(-1)).toEqual(['Total', '', '', '', '', '', '', '', '', '', '', '68000.00', '', '', '', '55000.00', '13000.00']);
});

it('the last revealed vote is a column of its own: dots per step, blank for steps it did not cover, the total', () => {
  const doc = boardFrom();
  const a = addStep.run(doc, { x: 0, y: 0, title: 'Take the call' }, ctx);
  const b = addStep.run(doc, { x: 300, y: 0, title: 'Send the sheet' }, ctx);
  addStep.run(doc, { x: 600, y: 0, title: 'Not voted on' }, ctx);
  expect(costTableCsv(doc)).not.toContain('Votes');
  const round: VoteRound = { id: 'round000001', title: 'Fix first', perPerson: 3, elementIds: [a, b], status: 'closed', startedAt: 1, revealedAt: 2, placed: 5, voters: 2, tally: { [a]: 5 } };
  doc.transact(() => writeRound(doc, round));
  const rows = costTableCsv(doc).trim().split('\r\n').map((r) => r.split(','));
  expect(rows[0].at(-1)).toBe('Votes: Fix first');
  const byTitle = Object.fromEntries(rows.slice(1).map((r) => [r[2], r.at(-1)]));
  expect(byTitle).toMatchObject({ 'Take the call': '5', 'Send the sheet': '0', 'Not voted on': '', '': '5' });
});
