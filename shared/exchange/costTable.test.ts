import { expect, it } from 'vitest';
import { addStep } from '../operations/addCard.js';
import { addScenario, setBoardSettings, setOverride, setStepCost } from '../operations/costs.js';
import { addConnector } from '../operations/addConnector.js';
import { scenariosMap } from '../model/scenario.js';
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
      'First time right (%),Of which rework (USD),Wait,Wait (h),Process time,Process time (h),Lead time,Lead time (h),' +
      'To-be: brochure in 2 days: volume,To-be: brochure in 2 days: unit cost (USD),To-be: brochure in 2 days: minutes,To-be: brochure in 2 days: period cost (USD),To-be: brochure in 2 days: saving (USD),' +
      'To-be: brochure in 2 days: first time right (%),To-be: brochure in 2 days: wait (h),To-be: brochure in 2 days: process time (h),To-be: brochure in 2 days: lead time (h)',
  );
  expect(csv).toContain(
    'Frontstage,Wait,Call-centre agent answers “where is my info?”,Customer service,Waste,100000,Unit cost,6.00,,,,600000.00,,,10 min,0.17,6 min,0.1,16 min,0.27,removed,,,0.00,600000.00,,,,\r\n',
  );
  expect(csv).toContain(',,"Says ""hi"", then\nleaves",,Unclassified,3,Unit cost,0.10,,,,0.30,,,,,,,,,3,0.10,,0.30,0.00,,,,\r\n');
  // A step without figures: blank, not zero.
  // A support system carries a fixed cost of zero and no time of its own: its cost is in the unit costs of the steps that use it.
  expect(csv).toContain('Support processes,Ask,CRM,,Unclassified,,Unit cost,,,,0.00,0.00,,,0 min,0,0 min,0,0 min,0,,,,0.00,0.00,,0,0,0\r\n');
  // Money adds up; the map's lead time follows the stages (33 days as-is), it is not the column's sum.
  expect(lines.find((l) => l.startsWith('Total,'))).toBe('Total,,,,,,,,,,,1476000.30,,0.00,,,,,33 days,794.33,,,,876000.30,600000.00,,,,170.08');
  expect(csv.endsWith('\r\n')).toBe(true);
  expect(costTableCsv(doc, { bom: true }).startsWith('\uFEFF')).toBe(true);
});

// A step without times or first time right: every time column blank, not zero.
const noTimes = { 'First time right (%)': '', 'Of which rework (USD)': '', Wait: '', 'Wait (h)': '', 'Process time': '', 'Process time (h)': '', 'Lead time': '', 'Lead time (h)': '' };
const noScenarioTimes = { 'Self-service: first time right (%)': '', 'Self-service: wait (h)': '', 'Self-service: process time (h)': '', 'Self-service: lead time (h)': '' };

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

  const rows = costTableCsv(doc)
    .trim()
    .split('\r\n')
    .map((r) => r.split(','));
  const table = rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
  // 12,000 × 4.00 + 5,000.00 = 53,000.00 — the row says so.
  expect(table.find((r) => r.Step === 'Post the letter')).toEqual({
    Lane: '',
    Stage: '',
    Step: 'Post the letter',
    Owner: '',
    'Value class': 'Unclassified',
    'Volume per year': '12000',
    'Cost mode': 'Unit cost',
    'Unit cost (USD)': '4.00',
    Minutes: '',
    'Hourly rate (USD/h)': '',
    'Fixed cost (USD per year)': '5000.00',
    'Period cost (USD)': '53000.00',
    ...noTimes,
    'Self-service: volume': '12000',
    'Self-service: unit cost (USD)': '4.00',
    'Self-service: minutes': '',
    'Self-service: period cost (USD)': '53000.00',
    'Self-service: saving (USD)': '0.00',
    ...noScenarioTimes,
  });
  // 1,000 × 15 min at 60.00/h = 15,000.00; the to-be's 2 min make it 2,000.00. The stored unit cost is not used, so not shown.
  expect(table.find((r) => r.Step === 'Check the claim')).toEqual({
    Lane: '',
    Stage: '',
    Step: 'Check the claim',
    Owner: '',
    'Value class': 'Necessary',
    'Volume per year': '1000',
    'Cost mode': 'Minutes × hourly rate',
    'Unit cost (USD)': '',
    Minutes: '15',
    'Hourly rate (USD/h)': '60.00',
    'Fixed cost (USD per year)': '',
    'Period cost (USD)': '15000.00',
    ...noTimes,
    'Self-service: volume': '1000',
    'Self-service: unit cost (USD)': '',
    'Self-service: minutes': '2',
    'Self-service: period cost (USD)': '2000.00',
    'Self-service: saving (USD)': '13000.00',
    ...noScenarioTimes,
  });
  expect(rows.find((r) => r[0] === 'Total')).toEqual([
    'Total',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '68000.00',
    '',
    '0.00',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '55000.00',
    '13000.00',
    '',
    '',
    '',
    '',
  ]);
});

it('the last revealed vote is a column of its own: dots per step, blank for steps it did not cover, the total', () => {
  const doc = boardFrom();
  const a = addStep.run(doc, { x: 0, y: 0, title: 'Take the call' }, ctx);
  const b = addStep.run(doc, { x: 300, y: 0, title: 'Send the sheet' }, ctx);
  addStep.run(doc, { x: 600, y: 0, title: 'Not voted on' }, ctx);
  expect(costTableCsv(doc)).not.toContain('Votes');
  const round: VoteRound = { id: 'round000001', title: 'Fix first', perPerson: 3, elementIds: [a, b], status: 'closed', startedAt: 1, revealedAt: 2, placed: 5, voters: 2, tally: { [a]: 5 } };
  doc.transact(() => writeRound(doc, round));
  const rows = costTableCsv(doc)
    .trim()
    .split('\r\n')
    .map((r) => r.split(','));
  expect(rows[0].at(-1)).toBe('Votes: Fix first');
  const byTitle = Object.fromEntries(rows.slice(1).map((r) => [r[2], r.at(-1)]));
  expect(byTitle).toMatchObject({ 'Take the call': '5', 'Send the sheet': '0', 'Not voted on': '', '': '5' });
});

it('times and rework per step, in the unit people typed and in plain hours; the map’s lead time, PCE and cost of rework under the steps (a de-DE board: “;” between fields, decimal commas)', () => {
  const doc = boardFrom();
  setBoardSettings.run(doc, { currency: 'EUR', locale: 'de-DE' }, ctx);
  const call = addStep.run(doc, { x: 0, y: 0, title: 'Answer the call' }, ctx)!;
  setStepCost.run(doc, { id: call, patch: { volume: 1000, unitCents: 600 } }, ctx);
  updateElements.run(doc, { ids: [call], patch: { valueClass: 'value-adding', waitMinutes: 3 * 24 * 60, waitUnit: 'days', processMinutes: 90, processUnit: 'hours', firstTimeRight: 0.8 } }, ctx);
  const post = addStep.run(doc, { x: 300, y: 0, title: 'Post the answer' }, ctx)!;
  setStepCost.run(doc, { id: post, patch: { volume: 100, costMode: 'time', minutes: 15, rateCents: 6000 } }, ctx);
  updateElements.run(doc, { ids: [post], patch: { waitMinutes: 2 * 24 * 60, waitUnit: 'days', processMinutes: 30, processUnit: 'minutes', firstTimeRight: 0.75 } }, ctx);
  addConnector.run(doc, { fromId: call, toId: post }, ctx);
  const toBe = addScenario.run(doc, { name: 'Next day' }, ctx)!;
  const overrides = scenariosMap(doc).get(toBe)!;
  doc.transact(() => {
    overrides.set(`${call}/waitMinutes`, 24 * 60);
    overrides.set(`${call}/firstTimeRight`, 1);
  });

  const rows = costTableCsv(doc).trim().split('\r\n');
  const header = rows[0].split(';');
  const table = rows.slice(1, 3).map((r) => Object.fromEntries(parseRow(r, ';').map((v, i) => [header[i], v])));
  // 1,000 × 6.00 = 6,000.00 ÷ 0.8 = 7,500.00: 1,500.00 of it rework. Durations in the board's
  // number format ("1,5 h"); hours and money plain decimals for the spreadsheet, with the comma
  // German Excel reads as one, between fields it splits at.
  expect(table[0]).toMatchObject({
    Step: 'Answer the call',
    'Period cost (EUR)': '7500,00',
    'First time right (%)': '80',
    'Of which rework (EUR)': '1500,00',
    Wait: '3 days',
    'Wait (h)': '72',
    'Process time': '1,5 h',
    'Process time (h)': '1,5',
    'Lead time': '3,1 days',
    'Lead time (h)': '73,5',
    'Next day: period cost (EUR)': '6000,00',
    'Next day: saving (EUR)': '1500,00',
    'Next day: first time right (%)': '100',
    'Next day: wait (h)': '24',
    'Next day: process time (h)': '1,5',
    'Next day: lead time (h)': '25,5',
  });
  // 100 × 15 min at 60.00/h = 1,500.00 ÷ 0.75 = 2,000.00: 500.00 rework
  expect(table[1]).toMatchObject({
    Step: 'Post the answer',
    'Period cost (EUR)': '2000,00',
    'First time right (%)': '75',
    'Of which rework (EUR)': '500,00',
    Wait: '2 days',
    'Process time': '30 min',
    'Lead time (h)': '48,5',
    'Next day: lead time (h)': '48,5',
  });
  // Joined by a connector, one after the other: 73.5 h + 48.5 h = 122 h (5,1 days); the to-be 25.5 h + 48.5 h = 74 h.
  expect(
    parseRow(
      rows.find((r) => r.startsWith('Total;'))!,
      ';',
    ),
  ).toEqual(['Total', '', '', '', '', '', '', '', '', '', '', '9500,00', '', '2000,00', '', '', '', '', '5,1 days', '122', '', '', '', '8000,00', '1500,00', '', '', '', '74']);
  // The map: PCE = 90 min value-adding ÷ 7,320 min = 1.23 %; the to-be's 90 ÷ 4,440 = 2.03 %.
  const map = rows.findIndex((r) => r.startsWith('The map;'));
  expect(rows.slice(map, map + 7).map((r) => parseRow(r, ';'))).toEqual([
    ['The map', 'As-is', 'Next day'],
    ['Lead time', '5,1 days', '3,1 days'],
    ['Lead time (h)', '122', '74'],
    ['Process cycle efficiency (%)', '1,23', '2,03'],
    ['Cost of rework (EUR per year)', '2000,00', '500,00'],
    ['Steps without times (lead time is at least)', '0', '0'],
    ['Steps without first time right (rework unknown)', '0', '0'],
  ]);
});

it('under the map, the business case per scenario: the sample’s to-be pays back in 3.1 months', () => {
  const doc = boardFrom('sample-info-request');
  const rows = costTableCsv(doc).trim().split('\r\n');
  const at = rows.indexOf('The business case,To-be: brochure in 2 days');
  expect(rows.slice(at + 1).map((r) => parseRow(r))).toEqual([
    ['Saving (USD per year)', '600000.00'],
    ['Investment (USD, one-off)', '150000.00'],
    ['Running cost (USD per year)', '24000.00'],
    ['Ramp-up (months)', ''],
    ['Net saving (USD per year)', '576000.00'],
    ['Payback (months)', '3.1'],
    ['Net value over 3 years (USD)', '1578000.00'],
    ['Present value at 8 % a year (USD)', '1388079.91'],
    ['ROI over 3 years (%)', '1052'],
    ['Owner', ''],
    ['Note', ''],
  ]);
  // A scenario that saves nothing never pays back: said in a word, not a division by zero.
  addScenario.run(doc, { name: 'Nothing changes' }, ctx);
  const withIt = costTableCsv(doc).trim().split('\r\n');
  expect(withIt).toContain('Payback (months),3.1,never');
});

/** One CSV line's fields (RFC 4180 quotes, no line breaks inside). */
function parseRow(line: string, separator = ','): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      for (i++; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') value += line[i++];
        else if (line[i] === '"') break;
        else value += line[i];
      }
      i++;
    } else while (i < line.length && line[i] !== separator) value += line[i++];
    out.push(value);
    if (i >= line.length) return out;
    i++; // the separator
  }
}
