import { expect, it } from 'vitest';
import { addStep } from '../operations/addCard.js';
import { addScenario, setOverride, setStepCost } from '../operations/costs.js';
import { updateElements } from '../operations/updateElements.js';
import { boardFrom, ctx } from '../operations/testDoc.js';
import { costTableCsv } from './costTable.js';
import { neutralise, neutraliseField } from './neutralise.js';

const hostile = ['=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0", '@SUM(1)', '+1', '-1+1', '\tindented', '\rreturned'];

it('a text a spreadsheet would run as a formula gets a leading apostrophe; other texts and figures stay as they are', () => {
  for (const t of [...hostile, "'=1"]) expect(neutralise(t)).toBe(`'${t}`);
  for (const t of ['Answer calls', 'Call-centre', ' =not first', '', "'quoted already", "'", '1+1']) expect(neutralise(t)).toBe(t);
  // a saving below zero is a number, not a formula
  expect(neutraliseField('-12.50')).toBe('-12.50');
  expect(neutraliseField('600000.00')).toBe('600000.00');
  expect(neutraliseField('-1+1')).toBe("'-1+1");
});

it('the cost table CSV neutralises titles, owners, lanes, sources and scenario names; a negative saving stays a number', () => {
  const doc = boardFrom();
  const id = addStep.run(doc, { x: 0, y: 0, title: '=HYPERLINK("http://x","click")' }, ctx);
  setStepCost.run(doc, { id, patch: { volume: 10, unitCents: 125, unitCentsSource: "=cmd|' /C calc'!A0" } }, ctx);
  updateElements.run(doc, { ids: [id], patch: { owner: '@SUM(1)' } }, ctx);
  const toBe = addScenario.run(doc, { name: '+1 more' }, ctx);
  setOverride.run(doc, { scenarioId: toBe, stepId: id, field: 'volume', value: 20 }, ctx);
  const csv = costTableCsv(doc);
  expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""click"")",'@SUM(1),`);
  expect(csv).toContain(`,'=cmd|' /C calc'!A0`);
  expect(csv.split('\r\n')[0]).toContain(",'+1 more: volume,");
  // 10 × 1.25 as-is, 20 × 1.25 to-be: it costs 12.50 more, written as a number
  expect(csv).toContain(',25.00,-12.50,');
  // no field anywhere starts as a formula would, once its quotes are taken off
  const fields = csv.split('\r\n').flatMap((line) => (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((f) => f.replace(/,$/, '').replace(/^"(.*)"$/s, '$1')));
  expect(fields.filter((f) => /^[=+@\t\r]/.test(f) || (/^-/.test(f) && !/^-\d+(\.\d+)?$/.test(f)))).toEqual([]);
});
