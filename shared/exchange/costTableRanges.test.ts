import { expect, it } from 'vitest';
import { addStep } from '../operations/addCard.js';
import { setStepCost } from '../operations/costs.js';
import { boardFrom, ctx } from '../operations/testDoc.js';
import { costTableCsv } from './costTable.js';

it('the cost table gives each figure’s low, high, evidence and source, for the figures some step gives them for', () => {
  const doc = boardFrom();
  const calls = addStep.run(doc, { x: 0, y: 0, title: 'Answer calls' }, ctx);
  setStepCost.run(doc, { id: calls, patch: { volume: 100_000, volumeLow: 80_000, volumeHigh: 120_000, volumeEvidence: 'guess', volumeSource: 'CRM report, Q3', unitCents: 600 } }, ctx);
  const post = addStep.run(doc, { x: 300, y: 0, title: 'Post letters' }, ctx);
  setStepCost.run(doc, { id: post, patch: { volume: 1000, unitCents: 2000, unitCentsEvidence: 'measured', processMinutes: 90, processMinutesLow: 60, processMinutesHigh: 120 } }, ctx);
  const [header, ...rows] = costTableCsv(doc).split('\r\n');
  const columns = header.split(',');
  const at = (row: string, column: string) => row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''))[columns.indexOf(column)];
  // volume, unit cost and process time have a range or evidence somewhere; minutes, rate, fixed cost and wait do not
  expect(columns.slice(-12)).toEqual([
    'Volume low',
    'Volume high',
    'Volume: evidence',
    'Volume: source',
    'Unit cost low (USD)',
    'Unit cost high (USD)',
    'Unit cost: evidence',
    'Unit cost: source',
    'Process time low (h)',
    'Process time high (h)',
    'Process time: evidence',
    'Process time: source',
  ]);
  const callsRow = rows.find((r) => r.includes('Answer calls'))!;
  const postRow = rows.find((r) => r.includes('Post letters'))!;
  expect(['Volume low', 'Volume high', 'Volume: evidence', 'Volume: source'].map((c) => at(callsRow, c))).toEqual(['80000', '120000', 'Guess', '"CRM report, Q3"']);
  // the likely figure stays in the volume's own column; a single figure has blank ends
  expect(at(callsRow, 'Volume per year')).toBe('100000');
  expect(['Unit cost low (USD)', 'Unit cost high (USD)', 'Unit cost: evidence'].map((c) => at(postRow, c))).toEqual(['', '', 'Measured']);
  expect(['Process time low (h)', 'Process time high (h)'].map((c) => at(postRow, c))).toEqual(['1', '2']);
});
