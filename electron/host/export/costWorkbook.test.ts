import { expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import XLSX_CALC from 'xlsx-calc';
import type * as Y from 'yjs';
import { addStep } from '../../../shared/operations/addCard.js';
import { addScenario, setBoardSettings, setOverride, setStepCost } from '../../../shared/operations/costs.js';
import { updateElements } from '../../../shared/operations/updateElements.js';
import { boardFrom, ctx } from '../../../shared/operations/testDoc.js';
import { costTableCsv } from '../../../shared/exchange/costTable.js';
import { ledgerContext, stepsInLedgerOrder } from '../../../shared/ledger/rows.js';
import { readBoard, readMeta } from '../../../shared/model/board.js';
import { minorDigits, toDecimal } from '../../../shared/model/money.js';
import { readScenarios } from '../../../shared/model/scenario.js';
import { onMap } from '../../../shared/model/scenarioSteps.js';
import { costWorkbook } from './costWorkbook.js';

/**
 * The workbook read back by a second, independent reader (SheetJS), its cached results thrown
 * away and every formula computed again by xlsx-calc: what a spreadsheet that recalculates shows.
 */
async function recalculated(doc: Y.Doc): Promise<XLSX.WorkBook> {
  const bytes = await costWorkbook(doc);
  const cached = XLSX.read(bytes, { cellFormula: true });
  const wb = XLSX.read(bytes, { cellFormula: true, cellNF: true });
  for (const sheet of Object.values(wb.Sheets))
    for (const [ref, cell] of Object.entries(sheet))
      if (!ref.startsWith('!') && (cell as XLSX.CellObject).f) {
        delete (cell as XLSX.CellObject).v;
        delete (cell as XLSX.CellObject).w;
      }
  XLSX_CALC(wb);
  // A viewer that does not recalculate shows the results stored with the formulas: the same numbers.
  for (const name of wb.SheetNames)
    for (const [ref, cell] of Object.entries(wb.Sheets[name]))
      if (!ref.startsWith('!') && (cell as XLSX.CellObject).f) expect(cached.Sheets[name][ref].v ?? '', `${name}!${ref} as stored`).toEqual((cell as XLSX.CellObject).v);
  return wb;
}

/** A sheet as rows of cells, and a cell by its row's step title and its column's header. */
function table(wb: XLSX.WorkBook, name: string) {
  const sheet = wb.Sheets[name];
  expect(sheet, `sheet ${name}`).toBeDefined();
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  const rows: (XLSX.CellObject | undefined)[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: (XLSX.CellObject | undefined)[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(sheet[XLSX.utils.encode_cell({ r, c })]);
    rows.push(row);
  }
  const header = rows[0].map((c) => String(c?.v ?? ''));
  const col = (h: string) => {
    const i = header.indexOf(h);
    expect(i, `column ${h} of ${name} in ${header.join(' | ')}`).toBeGreaterThanOrEqual(0);
    return i;
  };
  return { rows, header, col, at: (row: number, h: string) => rows[row][col(h)] };
}

/** Every step's period cost, each scenario's costs and savings and every total, as Excel would compute them, equal our rollup to the cent. */
async function expectRollupToTheCent(doc: Y.Doc) {
  const meta = readMeta(doc)!;
  const digits = minorDigits(meta.currency);
  const money = (v: bigint | undefined) => (v === undefined ? '' : toDecimal(v, digits));
  const shown = (c: XLSX.CellObject | undefined) => (c === undefined || c.v === '' || c.v === undefined ? '' : (c.v as number).toFixed(digits));
  const { elements } = readBoard(doc);
  const all = stepsInLedgerOrder(elements);
  const scenarios = readScenarios(doc);
  const ledger = ledgerContext(elements, all, meta, scenarios);
  const wb = await recalculated(doc);
  const steps = table(wb, 'Steps');
  const cost = `Period cost (${meta.currency})`;
  const asIs = all.filter((s) => onMap(s));
  expect(steps.rows.slice(1, -1).map((r) => r[steps.col('Step')]?.v ?? '')).toEqual(asIs.map((s) => s.title));
  asIs.forEach((s, i) => {
    // the formula is there, and what it computes is our rollup's period cost
    expect(steps.at(i + 1, cost)?.f, s.title).toMatch(/^IF\(OR\(/);
    expect(shown(steps.at(i + 1, cost)), s.title).toBe(money(ledger.asIs.stepCosts.get(s.id)));
  });
  const total = steps.rows.length - 1;
  if (asIs.length) expect(steps.at(total, cost)?.f).toMatch(/SUM\(/);
  expect(shown(steps.at(total, cost))).toBe(money(ledger.asIs.total));
  for (const [at, { scenario, rollup, savedByStep }] of ledger.scenarios.entries()) {
    const sheet = table(wb, wb.SheetNames[1 + at]);
    const mine = all.filter((s) => onMap(s, scenario));
    expect(sheet.rows.slice(1, -1).map((r) => r[sheet.col('Step')]?.v ?? '')).toEqual(mine.map((s) => s.title));
    mine.forEach((s, i) => {
      expect(shown(sheet.at(i + 1, cost)), `${scenario.name}: ${s.title}`).toBe(money(rollup.stepCosts.get(s.id)));
      expect(shown(sheet.at(i + 1, `Saving (${meta.currency})`)), `${scenario.name}: saving of ${s.title}`).toBe(money(savedByStep.get(s.id)));
    });
    const last = sheet.rows.length - 1;
    expect(shown(sheet.at(last, cost))).toBe(money(rollup.total));
    expect(sheet.at(last, `Saving (${meta.currency})`)?.f).toContain('Steps!');
    expect(shown(sheet.at(last, `Saving (${meta.currency})`))).toBe(money(ledger.asIs.total - rollup.total));
  }
  return { wb, steps };
}

/** The sample board with what makes the arithmetic hard: ranges, minutes × rate with odd cents, first time right, a to-be step. */
function hardBoard(): Y.Doc {
  const doc = boardFrom('sample-info-request');
  const calls = addStep.run(doc, { x: -2000, y: -2000, title: 'Answer calls' }, ctx);
  setStepCost.run(
    doc,
    { id: calls, patch: { volume: 100_003, volumeLow: 80_000, volumeHigh: 120_006, volumeEvidence: 'guess', volumeSource: 'CRM report, Q3', unitCents: 333, fixedCents: 12_345 } },
    ctx,
  );
  updateElements.run(doc, { ids: [calls], patch: { firstTimeRight: 0.925, owner: 'Service desk' } }, ctx);
  const check = addStep.run(doc, { x: -1700, y: -2000, title: 'Check the claim' }, ctx);
  setStepCost.run(doc, { id: check, patch: { volume: 1_237, costMode: 'time', minutes: 7.35, rateCents: 4_711, processMinutes: 90, processMinutesLow: 60, processMinutesHigh: 120 } }, ctx);
  updateElements.run(doc, { ids: [check], patch: { firstTimeRight: 0.8333 } }, ctx);
  // Half a cent exactly: 3 × 12.5 min × $0.01/h ÷ 60 … 1 × 3 min × $0.10/h = 0.5 ¢, rounded away from zero.
  const half = addStep.run(doc, { x: -1400, y: -2000, title: 'Half a cent' }, ctx);
  setStepCost.run(doc, { id: half, patch: { volume: 1, costMode: 'time', minutes: 3, rateCents: 10 } }, ctx);
  const toBe = readScenarios(doc)[0].id;
  setOverride.run(doc, { scenarioId: toBe, stepId: calls, field: 'volume', value: 40_001 }, ctx);
  setOverride.run(doc, { scenarioId: toBe, stepId: check, field: 'minutes', value: 4.1 }, ctx);
  setOverride.run(doc, { scenarioId: toBe, stepId: check, field: 'firstTimeRight', value: 0.95 }, ctx);
  const page = addStep.run(doc, { x: -1100, y: -2000, title: 'Self-service page', scenarioId: toBe }, ctx);
  setStepCost.run(doc, { id: page, patch: { fixedCents: 250_050 } }, ctx);
  const second = addScenario.run(doc, { name: 'Automate: all of it?' }, ctx);
  setOverride.run(doc, { scenarioId: second, stepId: calls, field: 'unitCents', value: 111 }, ctx);
  setOverride.run(doc, { scenarioId: second, stepId: check, field: 'removed', value: true }, ctx);
  return doc;
}

it('the sample board as a workbook: period costs are formulas, and what they compute equals our rollup to the cent, per step, per scenario and in total', async () => {
  const doc = hardBoard();
  const { wb, steps } = await expectRollupToTheCent(doc);
  expect(wb.SheetNames).toEqual(['Steps', 'To-be brochure in 2 days', 'Automate all of it', 'Summary']);
  // the likely figure is the cell; its ends, evidence and source have their own columns, as in the cost table
  const row = steps.rows.findIndex((r) => r[steps.col('Step')]?.v === 'Answer calls');
  expect(['Volume per year', 'Volume low', 'Volume high', 'Volume: evidence', 'Volume: source'].map((h) => steps.at(row, h)?.v)).toEqual([100_003, 80_000, 120_006, 'Guess', 'CRM report, Q3']);
  expect(steps.at(row, 'Unit cost (USD)')).toMatchObject({ v: 3.33, z: '"$"#,##0.00;-"$"#,##0.00' });
  expect(steps.at(row, 'First time right')).toMatchObject({ v: 0.925, z: '0.00%' });
  // the period cost's header explains its formula
  expect(steps.rows[0][steps.col('Period cost (USD)')]?.c?.[0].t).toMatch(/^Volume × unit cost .* first time right − 1\)/);
  const check = steps.rows.findIndex((r) => r[steps.col('Step')]?.v === 'Check the claim');
  // process time in hours, its range too
  expect(['Process time (h)', 'Process time low (h)', 'Process time high (h)'].map((h) => steps.at(check, h)?.v)).toEqual([1.5, 1, 2]);
});

it('a de-DE board in euros: the same arithmetic, the euro after the number', async () => {
  const doc = hardBoard();
  setBoardSettings.run(doc, { currency: 'EUR', locale: 'de-DE', period: 'month' }, ctx);
  const { steps } = await expectRollupToTheCent(doc);
  expect(steps.header).toContain('Volume per month');
  expect(steps.rows[1][steps.col('Period cost (EUR)')]?.z).toBe('#,##0.00 "€";-#,##0.00 "€"');
});

it('a yen board (no minor units): whole yen in every cell and formula', async () => {
  const doc = hardBoard();
  setBoardSettings.run(doc, { currency: 'JPY', locale: 'ja-JP' }, ctx);
  const { steps } = await expectRollupToTheCent(doc);
  const row = steps.rows.findIndex((r) => r[steps.col('Step')]?.v === 'Answer calls');
  // 333 minor units are 333 yen, not 3.33
  expect(steps.at(row, 'Unit cost (JPY)')?.v).toBe(333);
  expect(steps.at(row, 'Period cost (JPY)')?.f).not.toContain('/100');
});

it('a title, an owner, a source or a scenario name that a spreadsheet would run as a formula is a neutralised string, in the XLSX and the CSV alike', async () => {
  const doc = boardFrom();
  const hostile = '=HYPERLINK("http://x","click")';
  const id = addStep.run(doc, { x: 0, y: 0, title: hostile }, ctx);
  setStepCost.run(doc, { id, patch: { volume: 10, unitCents: 125, unitCentsSource: "=cmd|' /C calc'!A0" } }, ctx);
  updateElements.run(doc, { ids: [id], patch: { owner: '@SUM(1)' } }, ctx);
  const toBe = addScenario.run(doc, { name: '-1+1' }, ctx);
  setOverride.run(doc, { scenarioId: toBe, stepId: id, field: 'volume', value: 20 }, ctx);
  const wb = XLSX.read(await costWorkbook(doc), { cellFormula: true });
  const steps = table(wb, 'Steps');
  for (const [h, v] of [
    ['Step', `'${hostile}`],
    ['Owner', "'@SUM(1)"],
    ['Unit cost: source', "'=cmd|' /C calc'!A0"],
  ])
    expect(steps.at(1, h)).toMatchObject({ t: 's', v });
  expect(steps.at(1, 'Step')?.f).toBeUndefined();
  // the scenario's own sheet, and its name on the summary
  expect(table(wb, wb.SheetNames[1]).at(1, 'Step')).toMatchObject({ t: 's', v: `'${hostile}` });
  expect(wb.Sheets.Summary.B1.v).toBe('As-is');
  expect(wb.Sheets.Summary.C1).toMatchObject({ t: 's', v: "'-1+1" });
  // a saving below zero is still a number
  expect(table(wb, wb.SheetNames[1]).at(1, 'Saving (USD)')?.v).toBe(-12.5);
  // no cell of any sheet holds a formula but the ones we wrote: every text starting as a formula would is guarded
  for (const sheet of Object.values(wb.Sheets))
    for (const [ref, cell] of Object.entries(sheet)) if (!ref.startsWith('!') && (cell as XLSX.CellObject).t === 's') expect(String((cell as XLSX.CellObject).v)).not.toMatch(/^[=+\-@\t\r]/);
  expect(costTableCsv(doc)).toContain(`,"'=HYPERLINK(""http://x"",""click"")",'@SUM(1),`);
});

it('a board without steps: a header and a total of zero on every sheet', async () => {
  const doc = boardFrom();
  addScenario.run(doc, { name: 'Lean' }, ctx);
  await expectRollupToTheCent(doc);
});
