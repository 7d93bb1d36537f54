import { expect, it } from 'vitest';
import { addStep } from '../operations/addCard.js';
import { setStepCost } from '../operations/costs.js';
import { boardFrom, ctx } from '../operations/testDoc.js';
import { costTableCsv } from './costTable.js';
import { writeRound, type VoteRound } from '../model/vote.js';

it('the cost table: a row per step with each scenario, quoted per RFC 4180, totals, optional BOM', () => {
  const doc = boardFrom('sample-info-request');
  const id = addStep.run(doc, { x: -2000, y: -2000, title: 'Says "hi", then\nleaves' }, ctx);
  setStepCost.run(doc, { id, patch: { volume: 3, unitCents: 10 } }, ctx);
  const csv = costTableCsv(doc);
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('Lane,Stage,Step,Owner,Value class,Volume per year,Unit cost (USD),Period cost (USD),To-be: brochure in 2 days: volume,To-be: brochure in 2 days: unit cost,To-be: brochure in 2 days: period cost,To-be: brochure in 2 days: saving');
  expect(csv).toContain('Frontstage,Wait,Call-centre agent answers “where is my info?”,Customer service,waste,100000,6.00,600000.00,removed,,0.00,600000.00');
  expect(csv).toContain(',,"Says ""hi"", then\nleaves",,unclassified,3,0.10,0.30,3,0.10,0.30,0.00');
  expect(lines.at(-2)).toBe('Total,,,,,,,1476000.30,,,876000.30,600000.00');
  expect(csv.endsWith('\r\n')).toBe(true);
  expect(costTableCsv(doc, { bom: true }).startsWith('\uFEFF')).toBe(true);
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
