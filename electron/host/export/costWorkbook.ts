import type { Workbook, Worksheet } from 'exceljs';
import type * as Y from 'yjs';
import { ledgerColumns, type LedgerColumn, type LedgerContext } from '../../../shared/ledger/columns.js';
import { ledgerContext, stepsInLedgerOrder } from '../../../shared/ledger/rows.js';
import { businessCaseRows } from '../../../shared/exchange/businessCaseTable.js';
import { neutralise } from '../../../shared/exchange/neutralise.js';
import { boardDefaults, readBoard, readMeta, type BoardElement, type BoardMeta } from '../../../shared/model/board.js';
import { boardTime, type BoardTime } from '../../../shared/model/boardTime.js';
import { minorDigits } from '../../../shared/model/money.js';
import { evidenceField, highField, lowField, rangedFieldLabel, sourceField, type RangedField } from '../../../shared/model/range.js';
import { effectiveCost, effectiveFirstTimeRight } from '../../../shared/model/rollup.js';
import { readScenarios, type Scenario } from '../../../shared/model/scenario.js';
import { scenarioCases } from '../../../shared/model/scenarioCase.js';
import { onMap } from '../../../shared/model/scenarioSteps.js';
import type { Step } from '../../../shared/model/step.js';
import { currencyFormat, hoursFormat, minutesFormat, countFormat, shareFormat } from './workbookFormats.js';
import { periodCostFormula, type CostCells } from './periodCostFormula.js';
import { workbookKeywords } from '../../../shared/ledger/ownWorkbook.js';

/**
 * The cost workbook (XLSX) with live formulas, so finance can audit the arithmetic:
 * - **Steps**: one row per step of the as-is map in lane, stage and board order, with the
 *   ledger's columns (shared/ledger/columns.ts) in spreadsheet units — money in major units
 *   with the board's currency, times in hours, first time right as a percentage — and the
 *   period cost as a formula of the row's figures (periodCostFormula.ts) that gives our
 *   rollup's number to the cent; the total as a SUM.
 * - **One sheet per scenario**: its map's steps with the figures it uses (its override, else the
 *   as-is figure; overridden cells shaded), its period cost formula, the saving against the
 *   Steps sheet as a formula, totals.
 * - **Summary**: lead time, process cycle efficiency and cost of rework per map, and each
 *   scenario's business case, as values.
 * Every formula cell carries its result too, so a viewer that does not recalculate shows our
 * numbers. Every text is written as a string, neutralised (shared/exchange/neutralise.ts) so a
 * title "=HYPERLINK(…)" stays text even when copied out of the sheet.
 */
export async function costWorkbook(doc: Y.Doc): Promise<Buffer> {
  // exceljs is large: loaded when a workbook is made, so the other CLI commands start without it.
  const { default: ExcelJS } = await import('exceljs');
  const meta = readMeta(doc) ?? { ...boardDefaults, title: 'Brownpaper board' };
  const { elements } = readBoard(doc);
  const all = stepsInLedgerOrder(elements);
  const scenarios = readScenarios(doc);
  const ctx = ledgerContext(elements, all, meta, scenarios);
  const money = { digits: minorDigits(meta.currency), format: currencyFormat(meta.currency, meta.locale) };

  const wb = new ExcelJS.Workbook();
  wb.title = meta.title;
  wb.creator = 'Brownpaper';
  // The board's number format and currency, which Excel keeps: our import reads the workbook back as this board (ownWorkbook.ts).
  wb.keywords = workbookKeywords(meta);
  const steps = stepsSheet(
    wb,
    all.filter((s) => onMap(s)),
    ctx,
    money,
  );
  const used = new Set<string>();
  scenarios.forEach((scenario, at) =>
    scenarioSheet(
      wb,
      sheetName(scenario.name, used),
      all.filter((s) => onMap(s, scenario)),
      at,
      ctx,
      steps,
      money,
      boardTime(elements.values(), scenario),
    ),
  );
  summarySheet(wb, elements, meta, all, scenarios, ctx, money);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Money {
  digits: number;
  format: string;
}

/** How a column's stored value becomes a cell: its unit and number format. */
type Unit = 'money' | 'count' | 'minutes' | 'hours' | 'share' | 'text';
const unitOf = (key: string): Unit =>
  (
    ({
      unitCents: 'money',
      rateCents: 'money',
      fixedCents: 'money',
      periodCost: 'money',
      volume: 'count',
      minutes: 'minutes',
      waitMinutes: 'hours',
      processMinutes: 'hours',
      leadTime: 'hours',
      firstTimeRight: 'share',
    }) as Record<string, Unit>
  )[key] ?? 'text';

function cellValue(unit: Unit, v: number | string | boolean | null, money: Money): number | null {
  if (typeof v !== 'number') return null;
  if (unit === 'money') return v / 10 ** money.digits;
  if (unit === 'hours') return v / 60;
  return v;
}

function numFmt(unit: Unit, money: Money): string | undefined {
  return { money: money.format, count: countFormat, minutes: minutesFormat, hours: hoursFormat, share: shareFormat, text: undefined }[unit];
}

/** A text as a string cell, neutralised; blank when empty. */
const text = (t: string) => (t === '' ? null : neutralise(t));

/** One column of a sheet: its header, how wide, its format, and what a step's cell holds. */
interface SheetColumn {
  key: string;
  header: string;
  unit: Unit;
  cell(step: Step): number | string | null;
}

/** A ledger column as a sheet column: figures in spreadsheet units (times in hours, said in the header), texts neutralised. */
function fromLedger(c: LedgerColumn, ctx: LedgerContext, money: Money): SheetColumn {
  const unit = c.numeric ? unitOf(c.key) : 'text';
  return {
    key: c.key,
    header: unit === 'hours' ? `${c.label} (h)` : c.label,
    unit,
    cell: (s) => (unit === 'text' ? text(c.text(s, ctx)) : cellValue(unit, c.value(s, ctx), money)),
  };
}

/** A figure's low and high ends, for the figures some step gives a range or evidence for (as the cost table has them). */
function rangeColumns(f: RangedField, byKey: Map<string, LedgerColumn>, ctx: LedgerContext, money: Money, steps: readonly Step[]): SheetColumn[] {
  const rec = (s: Step) => s as unknown as Record<string, number | string | null>;
  if (!steps.some((s) => rec(s)[lowField(f)] !== null || rec(s)[highField(f)] !== null || rec(s)[evidenceField(f)] !== null || rec(s)[sourceField(f)] !== '')) return [];
  const unit = unitOf(f);
  const unitText = unit === 'money' ? `(${ctx.currency})` : unit === 'hours' ? '(h)' : '';
  const end = (field: string, word: string): SheetColumn => ({
    key: field,
    header: `${rangedFieldLabel[f]} ${word} ${unitText}`.trim(),
    unit,
    cell: (s) => cellValue(unit, rec(s)[field], money),
  });
  return [end(lowField(f), 'low'), end(highField(f), 'high'), fromLedger(byKey.get(evidenceField(f))!, ctx, money), fromLedger(byKey.get(sourceField(f))!, ctx, money)];
}

/** Column letters: 1 → A, 27 → AA. */
function letter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** A sheet's header row, frozen with the step's name beside it, a filter, widths from what the columns hold. */
function layOut(ws: Worksheet, columns: readonly SheetColumn[], money: Money, frozenColumns: number): void {
  ws.columns = columns.map((c) => ({ key: c.key, header: c.header, style: { numFmt: numFmt(c.unit, money) } }));
  ws.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'top', wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  // The period cost's header says what its formula does, for whoever audits it.
  const cost = columns.findIndex((c) => c.key === 'periodCost');
  if (cost >= 0) ws.getRow(1).getCell(cost + 1).note = periodCostExplained;
}

const periodCostExplained =
  'Volume × unit cost (or volume × minutes × hourly rate ÷ 60) + fixed cost; where first time right is given, plus the rework: ' +
  'the variable cost × (1 ÷ first time right − 1). Each of the two rounded once to the cent, as the board does; blank when the step has no figures.';

/** Widths after the rows are in: the longest text in a column, within reason; figures need less than their headers. */
function fitWidths(ws: Worksheet): void {
  ws.columns.forEach((col) => {
    let widest = 8;
    col.eachCell?.({ includeEmpty: false }, (cell, row) => {
      const v = cell.value;
      const len = row === 1 ? Math.min(String(v).length, 24) : typeof v === 'string' ? v.length : 12;
      widest = Math.max(widest, len + 2);
    });
    col.width = Math.min(widest, 48);
  });
}

const totalStyle = (ws: Worksheet, row: number) => {
  ws.getRow(row).font = { bold: true };
  ws.getRow(row).border = { top: { style: 'thin' } };
};

/** The figures of a period cost, by the column each is in: what the formula reads. */
function costCells(columns: readonly SheetColumn[]): CostCells {
  const at = (key: string) => letter(columns.findIndex((c) => c.key === key) + 1);
  return { volume: at('volume'), unit: at('unitCents'), minutes: at('minutes'), rate: at('rateCents'), fixed: at('fixedCents'), firstTimeRight: at('firstTimeRight') };
}

/** Where the Steps sheet put each step and its period cost: the scenarios' savings read them. */
interface StepsSheet {
  rowOf: Map<string, number>;
  periodCost: string;
  totalRow: number;
}

function stepsSheet(wb: Workbook, steps: readonly Step[], ctx: LedgerContext, money: Money): StepsSheet {
  const ws = wb.addWorksheet('Steps');
  const ledger = ledgerColumns(ctx);
  const byKey = new Map(ledger.map((c) => [c.key, c]));
  const columns = [
    ...ledger.filter((c) => c.group !== 'scenario' && c.group !== 'evidence').map((c) => fromLedger(c, ctx, money)),
    ...(['volume', 'unitCents', 'minutes', 'rateCents', 'fixedCents', 'waitMinutes', 'processMinutes'] as const).flatMap((f) => rangeColumns(f, byKey, ctx, money, steps)),
  ];
  layOut(ws, columns, money, 3);
  const cells = costCells(columns);
  const costAt = columns.findIndex((c) => c.key === 'periodCost') + 1;
  const rowOf = new Map<string, number>();
  steps.forEach((s, i) => {
    const r = i + 2;
    rowOf.set(s.id, r);
    const row = ws.getRow(r);
    columns.forEach((c, j) => {
      if (c.key === 'periodCost') return;
      const v = c.cell(s);
      if (v !== null) row.getCell(j + 1).value = v;
    });
    row.getCell(costAt).value = { formula: periodCostFormula(s.costMode, cells, r, money.digits), result: major(ctx.asIs.stepCosts.get(s.id), money) };
  });
  const totalRow = steps.length + 2;
  ws.getRow(totalRow).getCell(1).value = 'Total';
  ws.getRow(totalRow).getCell(costAt).value = sumOf(letter(costAt), steps.length, money, ctx.asIs.total);
  totalStyle(ws, totalRow);
  fitWidths(ws);
  return { rowOf, periodCost: letter(costAt), totalRow };
}

/** Minor units as the major units a cell holds ('' when missing, as the formula gives). */
const major = (v: bigint | undefined, money: Money): number | string => (v === undefined ? '' : Number(v) / 10 ** money.digits);

/** The column's total as a formula: rounded to the currency's digits, so the sum of cents adds up to a whole cent. */
function sumOf(col: string, rows: number, money: Money, total: bigint) {
  return rows === 0 ? 0 : { formula: `ROUND(SUM(${col}2:${col}${rows + 1}),${money.digits})`, result: Number(total) / 10 ** money.digits };
}

/** An Excel sheet name: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Scenario';
  let out = base;
  for (let n = 2; used.has(out.toLowerCase()) || ['steps', 'summary'].includes(out.toLowerCase()); n++) out = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  used.add(out.toLowerCase());
  return out;
}

function scenarioSheet(wb: Workbook, name: string, steps: readonly Step[], at: number, ctx: LedgerContext, asIs: StepsSheet, money: Money, time: BoardTime): void {
  const { scenario, rollup, savedByStep } = ctx.scenarios[at];
  const ws = wb.addWorksheet(name);
  const byKey = new Map(ledgerColumns(ctx).map((c) => [c.key, c]));
  const label = (key: string) => byKey.get(key)!.label;
  const o = (s: Step) => scenario.overrides[s.id] ?? {};
  // The figures this scenario uses: its override, else the as-is figure; blank where the step's cost mode does not use it.
  const figure = (key: 'volume' | 'unitCents' | 'minutes' | 'rateCents' | 'fixedCents', unit: Unit, usedBy?: Step['costMode']): SheetColumn => ({
    key,
    header: label(key),
    unit,
    cell: (s) => {
      const f = effectiveCost(s, scenario);
      return !f || (usedBy && s.costMode !== usedBy) ? null : cellValue(unit, f[key], money);
    },
  });
  const columns: SheetColumn[] = [
    ...['lane', 'stage', 'title', 'owner'].map((k) => fromLedger(byKey.get(k)!, ctx, money)),
    figure('volume', 'count'),
    fromLedger(byKey.get('costMode')!, ctx, money),
    figure('unitCents', 'money', 'unit'),
    figure('minutes', 'minutes', 'time'),
    figure('rateCents', 'money', 'time'),
    figure('fixedCents', 'money'),
    { key: 'firstTimeRight', header: label('firstTimeRight'), unit: 'share', cell: (s) => (o(s).removed ? null : effectiveFirstTimeRight(s, scenario)) },
    { key: 'removed', header: 'Removed', unit: 'text', cell: (s) => (o(s).removed ? 'removed' : null) },
    { key: 'periodCost', header: label('periodCost'), unit: 'money', cell: () => null },
    { key: 'asIsCost', header: `As-is period cost (${ctx.currency})`, unit: 'money', cell: () => null },
    { key: 'saving', header: `Saving (${ctx.currency})`, unit: 'money', cell: () => null },
    // The times this scenario uses (its override, else the step's), last so the columns above keep their places.
    { key: 'waitMinutes', header: `${label('waitMinutes')} (h)`, unit: 'hours', cell: (s) => (o(s).removed ? null : cellValue('hours', time.steps.get(s.id)?.waitMinutes ?? null, money)) },
    { key: 'processMinutes', header: `${label('processMinutes')} (h)`, unit: 'hours', cell: (s) => (o(s).removed ? null : cellValue('hours', time.steps.get(s.id)?.processMinutes ?? null, money)) },
  ];
  layOut(ws, columns, money, 3);
  const cells = costCells(columns);
  const col = (key: string) => columns.findIndex((c) => c.key === key) + 1;
  const [costAt, asIsAt, savingAt] = [col('periodCost'), col('asIsCost'), col('saving')];
  const overridden = new Set(['volume', 'unitCents', 'minutes', 'rateCents', 'fixedCents', 'firstTimeRight', 'removed', 'waitMinutes', 'processMinutes']);
  steps.forEach((s, i) => {
    const r = i + 2;
    const row = ws.getRow(r);
    columns.forEach((c, j) => {
      const v = c.cell(s);
      if (v !== null) row.getCell(j + 1).value = v;
      // What the scenario changes is shaded, so a reader sees the to-be's decisions at a glance.
      if (overridden.has(c.key) && (o(s) as Record<string, unknown>)[c.key] !== undefined) row.getCell(j + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    });
    const cost = rollup.stepCosts.get(s.id);
    row.getCell(costAt).value = o(s).removed ? 0 : { formula: periodCostFormula(s.costMode, cells, r, money.digits), result: major(cost, money) };
    const asIsRow = asIs.rowOf.get(s.id);
    const before = asIsRow === undefined ? null : `Steps!${asIs.periodCost}${asIsRow}`;
    if (before) row.getCell(asIsAt).value = { formula: before, result: major(ctx.asIs.stepCosts.get(s.id), money) };
    // The saving is as-is minus this map, per step, as the rollup has it; a step only this scenario has saves minus its cost.
    const saved = savedByStep.get(s.id);
    if (saved !== undefined) {
      const costCell = `${letter(costAt)}${r}`;
      row.getCell(savingAt).value = { formula: before ? `ROUND(${before}-${costCell},${money.digits})` : `ROUND(0-${costCell},${money.digits})`, result: Number(saved) / 10 ** money.digits };
    }
  });
  const totalRow = steps.length + 2;
  const total = ws.getRow(totalRow);
  total.getCell(1).value = 'Total';
  total.getCell(costAt).value = sumOf(letter(costAt), steps.length, money, rollup.total);
  total.getCell(asIsAt).value = { formula: `Steps!${asIs.periodCost}${asIs.totalRow}`, result: Number(ctx.asIs.total) / 10 ** money.digits };
  // The total saving is the as-is total less this map's total, as the rollup says (a step priced only here counts in it).
  total.getCell(savingAt).value = {
    formula: `ROUND(Steps!${asIs.periodCost}${asIs.totalRow}-${letter(costAt)}${totalRow},${money.digits})`,
    result: Number(ctx.asIs.total - rollup.total) / 10 ** money.digits,
  };
  totalStyle(ws, totalRow);
  fitWidths(ws);
}

/** The map as a whole and each scenario's business case, as values: what the dashboard shows. */
function summarySheet(
  wb: Workbook,
  elements: ReadonlyMap<string, BoardElement>,
  meta: Pick<BoardMeta, 'currency' | 'period' | 'discountRate'>,
  all: readonly Step[],
  scenarios: readonly Scenario[],
  ctx: LedgerContext,
  money: Money,
): void {
  const ws = wb.addWorksheet('Summary');
  const times = [boardTime(elements.values()), ...scenarios.map((s) => boardTime(elements.values(), s))];
  const rollups = [ctx.asIs, ...ctx.scenarios.map((s) => s.rollup)];
  const lead = (t: BoardTime) => (t.lead.leadMinutes === 0 && t.lead.missing.length > 0 ? null : t.lead.leadMinutes / 60);
  const rows: [string, (number | string | null)[], string?][] = [
    ['The map', ['As-is', ...scenarios.map((s) => text(s.name))]],
    [`Period cost (${ctx.currency} per ${ctx.period})`, rollups.map((r) => Number(r.total) / 10 ** money.digits), money.format],
    ['Lead time (h)', times.map(lead), hoursFormat],
    ['Process cycle efficiency', times.map((t) => t.lead.pce), shareFormat],
    [`Cost of rework (${ctx.currency} per ${ctx.period})`, rollups.map((r) => Number(r.rework.total) / 10 ** money.digits), money.format],
    ['Steps without times (lead time is at least)', times.map((t) => t.lead.missing.length)],
    ['Steps without first time right (rework unknown)', rollups.map((r) => r.rework.missing.length)],
  ];
  if (scenarios.length) {
    rows.push(['', []]);
    const cases = businessCaseRows(scenarioCases(all, scenarios, { period: meta.period, discountRate: meta.discountRate }, ctx.asIs), meta);
    for (const [head, ...values] of cases) {
      const isMoney = /\((?:[A-Z]{3})[ ,)]/.test(head);
      rows.push([head, values.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : text(v))), isMoney ? money.format : undefined]);
    }
  }
  rows.forEach(([head, values, fmt], i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text(head);
    values.forEach((v, j) => {
      if (v === null) return;
      row.getCell(j + 2).value = v;
      if (fmt && typeof v === 'number') row.getCell(j + 2).numFmt = fmt;
    });
    if (i === 0 || head === 'The business case') row.font = { bold: true };
  });
  ws.getColumn(1).width = 48;
  for (let c = 2; c <= scenarios.length + 2; c++) ws.getColumn(c).width = 22;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}
