import type * as Y from 'yjs';
import type { BoardElement, BoardMeta } from '../model/board.js';
import { boardDefaults, readBoard, readMeta } from '../model/board.js';
import { readScenarios, type Override, type Scenario } from '../model/scenario.js';
import { highField, lowField } from '../model/range.js';
import { newStep, type Step } from '../model/step.js';
import type { ImportedRow } from '../operations/importSteps.js';
import { setBoardSettings } from '../operations/costs.js';
import { importSteps, importedRowProblem } from '../operations/importSteps.js';
import type { OperationContext } from '../operations/types.js';
import { ledgerColumns, withoutColumnName, type CellEdit, type LedgerColumn, type LedgerContext } from './columns.js';
import { headerReader, isOwnCostTable, mapHeaders, type HeaderMapping, type HeaderTarget } from './importHeaders.js';
import { formulaShown, looksLikeFormula, type TableCell } from './importTable.js';
import { ownTableName, tableScenarios, type NewScenario } from './importScenarios.js';
import { minorDigits } from '../model/money.js';
import { keyAfter } from '../model/order.js';
import { unpriced } from '../model/scenario.js';
import { commonCurrencies, currencyOfLocale, decimalSign } from '../model/locales.js';
import { ledgerContext, stepsInLedgerOrder } from './rows.js';
import { matchOnBoard } from './alreadyOnBoard.js';
import { unneutralise } from '../exchange/neutralise.js';

/**
 * What an imported step list will make, before anything is made: the steps in row order with
 * their figures read by each ledger column's own `parse` in the board's number format, the
 * lanes and stages to create by name, and every problem by row and column with its reason. The
 * dialog shows it as the preview; `importArgs` turns it into the importSteps operation's rows
 * (which checks them again). Pure: the same for the dialog, the host and the CLI.
 */

export interface RowProblem {
  /** the row as the spreadsheet numbers it (the header row is 1 when it is the file's first); 0 for the table as a whole */
  row: number;
  /** the column's header ('' for the row as a whole) */
  column: string;
  message: string;
}

export interface PlannedStep extends ImportedRow {
  overrides: NonNullable<ImportedRow['overrides']>;
}

export interface ImportPlan {
  headers: string[];
  mapping: HeaderMapping[];
  /** rows without problems, in order */
  steps: PlannedStep[];
  /** rows with at least one problem (skipped when the import skips bad rows) */
  badRows: number[];
  /** rows without problems whose step the board already has, same lane, stage and title (skipped unless added again: alreadyOnBoard.ts) */
  onBoard: number[];
  /** of those, the ones whose cells say other than the board's step (not a locked one): what differs, and the ledger cells' edits that make it so */
  updates: StepUpdate[];
  /** of those, the locked ones whose cells say otherwise: an update leaves them whole, and says so by name */
  locked: { row: number; title: string }[];
  /** rows of our own export whose step has no title (a card placed and never named): made, or matched, as the untitled step they are */
  untitled: number[];
  problems: RowProblem[];
  /** lane and stage names the board does not have yet, in the order rows name them */
  lanesToCreate: string[];
  stagesToCreate: string[];
  /** the first and last row read as steps (blank and total rows among them skipped), or null when none was */
  read: { first: number; last: number } | null;
  /** rows among those read that are no step: blank, or a total under the steps */
  skippedRows: { row: number; why: 'blank' | 'total' }[];
  /** a second table under the list — our cost table's own (The map, The business case) or a new header row — to the file's end: not read as steps */
  otherTables: { row: number; lastRow: number; names: string[] } | null;
}

/** A step the board has, and the file's row for it with other figures. */
export interface StepUpdate {
  row: number;
  stepId: string;
  title: string;
  /** each column that differs, as the ledger shows it in the board's format ('' is blank); a scenario's with its name, its figure as that scenario uses it */
  changes: { column: string; from: string; to: string; scenario?: string }[];
  /** the ledger cells' edits that set the file's figures (editCells' cells; importSteps' updates) */
  cells: { where: string; edit: CellEdit }[];
}

/** The board an import goes into: what the columns read, and the names of its lanes, stages and scenarios. */
export interface ImportBoard {
  elements: ReadonlyMap<string, BoardElement>;
  meta: Pick<BoardMeta, 'currency' | 'period' | 'locale'> | null;
  scenarios: readonly Scenario[];
}

/** The cells of a ledger column as a board with this context reads them. */
export function importColumns(board: ImportBoard): { columns: LedgerColumn[]; ctx: LedgerContext } {
  const steps = stepsInLedgerOrder(board.elements);
  const ctx = ledgerContext(board.elements, steps, board.meta, board.scenarios);
  return { columns: ledgerColumns(ctx), ctx };
}

/** The first non-blank row: the headers. */
function headerRow(rows: readonly (readonly TableCell[])[]): number {
  const i = rows.findIndex((r) => !isBlankRow(r));
  return i < 0 ? 0 : i;
}

const cellText = (c: TableCell | undefined): string => (c === null || c === undefined ? '' : typeof c === 'string' ? c : typeof c === 'number' ? String(c) : `=${c.formula}`);
const isBlankRow = (r: readonly TableCell[]) => r.every((c) => cellText(c).trim() === '');

/** The headers of a table as text. */
function tableHeaders(rows: readonly (readonly TableCell[])[]): string[] {
  return (rows[headerRow(rows)] ?? []).map((c) => cellText(c).trim());
}

/**
 * The currency a new board made from this table counts in: the one its headers name ("Unit cost
 * (USD)", as our own cost table writes them — a German board counting in dollars comes back in
 * dollars), else the one the country of its number format counts in (EUR for a German file),
 * else null. Headers naming two currencies name none.
 */
export function fileCurrency(rows: readonly (readonly TableCell[])[], locale: string): string | null {
  const named = new Set<string>();
  for (const header of tableHeaders(rows)) for (const m of header.matchAll(/\(([A-Z]{3})\b/g)) if ((commonCurrencies as readonly string[]).includes(m[1])) named.add(m[1]);
  return named.size === 1 ? [...named][0] : currencyOfLocale(locale);
}

/** The mapping a board suggests for a table's headers (the dialog starts from it). */
export function suggestMapping(rows: readonly (readonly TableCell[])[], board: ImportBoard): HeaderMapping[] {
  return mapHeaders(
    tableHeaders(rows),
    importColumns(board).columns,
    board.scenarios.map((s) => s.name),
  );
}

/**
 * The scenarios a table names that the board lacks (importScenarios.ts), with the price our cost
 * table's business case gives them in `currency` (the board's, else); `ids` keeps their ids from
 * one plan to the next. The plan reads their columns on `withScenarios(board, these)`.
 */
export function scenariosToMake(rows: readonly (readonly TableCell[])[], board: ImportBoard, { ids, currency }: { ids?: Map<string, string>; currency?: string } = {}): NewScenario[] {
  return tableScenarios(tableHeaders(rows), rows, board.scenarios, minorDigits(currency ?? (board.meta ?? boardDefaults).currency), ids);
}

/** The board as it will be with these scenarios made (after its own, none of their figures changed yet). */
export function withScenarios(board: ImportBoard, made: readonly NewScenario[]): ImportBoard {
  if (!made.length) return board;
  const scenarios = [...board.scenarios];
  for (const s of made) scenarios.push({ id: s.id, name: s.name, order: keyAfter(scenarios.map((x) => x.order)), overrides: {}, price: { ...unpriced, ...s.price } });
  return { ...board, scenarios };
}

/** A number as plain text, every digit kept ("1234.5", never "1.2345e3" for what a spreadsheet holds). */
const plainNumber = (n: number) => (Number.isInteger(n) || Math.abs(n) >= 1e-6 ? String(n).replace(/e\+?(\d+)$/, (_, e: string) => '0'.repeat(Number(e))) : n.toFixed(10));

/**
 * The text one cell is read as, and in which locale: a board-format cell as it is; our cost
 * table's plain amounts, and every number a spreadsheet stores as a number, in a plain format;
 * hours with their unit; a plain percentage with its sign. Our cost table of a board whose
 * decimal sign is a comma writes its plain figures so ("600000,00", for Excel there): such a
 * figure is read with a point when the file's format has the comma too.
 */
function cellInput(cell: TableCell, target: HeaderTarget, locale: string): { text: string; locale: string } {
  const plain = 'en-US';
  if (typeof cell === 'number') {
    if (target.format === 'hours') return { text: hoursText(cell), locale: plain };
    return { text: plainNumber(cell), locale: plain };
  }
  const t = cellText(cell).trim();
  if (target.format === 'board') return { text: t, locale };
  const d = /^-?\d+,\d+$/.test(t) && decimalSign(locale) === ',' ? t.replace(',', '.') : t;
  if (target.format === 'hours') return { text: d === '' ? '' : /^\d+(\.\d+)?$/.test(d) ? hoursText(Number(d)) : `${d} h`, locale: plain };
  // With its sign: our "0.9" is 0,9 %, where a bare 0,9 typed or pasted is read as Excel's 90 %.
  if (target.format === 'percent') return { text: d === '' || d.endsWith('%') ? d : `${d} %`, locale: plain };
  return { text: d, locale: plain };
}

/**
 * Plain hours as a time: in hours when they have at most 2 decimals ("336.08 h"); else in minutes
 * to the hundredth, which is what the board keeps. A spreadsheet's hours are often minutes divided
 * by 60 (our own XLSX writes 10 minutes as 0.1666…), which no hours figure of 2 decimals holds.
 */
function hoursText(h: number): string {
  if (Math.abs(h * 100 - Math.round(h * 100)) < 1e-9) return `${plainNumber(h)} h`;
  return `${plainNumber(Math.round(h * 60 * 100) / 100)} min`;
}

/** A planned step's figures and names, as a cell's edit changes them (the same edit the canvas would make). */
export function applyEdit(draft: Record<string, unknown>, planned: PlannedStep, edit: CellEdit): void {
  switch (edit.op) {
    case 'setElementText':
      draft.title = edit.args.text.trim();
      planned.fields.title = draft.title;
      return;
    case 'updateElements':
    case 'setStepCost':
      Object.assign(draft, edit.args.patch);
      Object.assign(planned.fields, edit.args.patch);
      return;
    case 'placeStep':
      if (edit.args.lane !== undefined) planned.lane = edit.args.lane;
      if (edit.args.stage !== undefined) planned.stage = edit.args.stage;
      return;
    case 'setOverride': {
      const at = planned.overrides.find((o) => o.scenarioId === edit.args.scenarioId);
      if (at) Object.assign(at.values, edit.args.values);
      else planned.overrides.push({ scenarioId: edit.args.scenarioId, values: { ...edit.args.values } });
      return;
    }
  }
}

/** Words a first cell uses for the total under a list of steps: reading stops there. */
const totalWords = new Set(['total', 'totals', 'sum', 'summe', 'gesamt', 'total general', 'totaal']);

/**
 * Plan the import of `rows` (the header row first, as tableHeaders finds it) with `mapping`
 * (one per header; from suggestMapping, changed in the dialog) into `board`. `ownWorkbook`: the
 * file is our own cost workbook (its keywords say so: ownWorkbook.ts); our cost table (CSV) is
 * known by its headers.
 */
export function planImport(
  rows: readonly (readonly TableCell[])[],
  mapping: readonly HeaderMapping[],
  board: ImportBoard,
  { locale: fileLocale, ownWorkbook = false }: { locale?: string; ownWorkbook?: boolean } = {},
): ImportPlan {
  const { columns, ctx } = importColumns(board);
  // The file's numbers in the format chosen for it (the dialog's "Numbers in this file"), else the board's.
  const locale = fileLocale ?? (board.meta ?? boardDefaults).locale;
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const first = headerRow(rows);
  const headers = tableHeaders(rows);
  const own = ownWorkbook || isOwnCostTable(headers);
  const steps: PlannedStep[] = [];
  const untitled: number[] = [];
  const problems: RowProblem[] = [];
  const badRows: number[] = [];
  const skippedRows: ImportPlan['skippedRows'] = [];
  // The first and last row read as steps (0: none yet).
  let [firstRead, lastRead] = [0, 0];
  let otherTables: ImportPlan['otherTables'] = null;
  const laneAt = mapping.findIndex((m) => m.target?.key === 'lane');
  const titleAt = mapping.findIndex((m) => m.target?.key === 'title');
  const scenarioIds = new Set(board.scenarios.map((s) => s.id));
  // Range ends are read after their figure, so "4 / 5 / 8" is checked as one range.
  // The scenario times read from plain hours (our cost table's "To-be: wait (h)").
  const inHours = new Set(mapping.flatMap((m) => (m.target?.format === 'hours' && m.target.key.startsWith('scenario:') ? [m.target.key.split(':').at(-1)!] : [])));
  const order = mapping.map((m, i) => ({ m, i })).sort((a, b) => rankPart(a.m) - rankPart(b.m) || a.i - b.i);
  // Without a Step column every row would say "a step needs a title": say once what to do instead.
  if (titleAt < 0 && rows.slice(first + 1).some((r) => !isBlankRow(r)))
    return {
      headers,
      mapping: [...mapping],
      steps: [],
      badRows: [],
      onBoard: [],
      updates: [],
      locked: [],
      untitled: [],
      problems: [{ row: 0, column: '', message: NO_STEP_COLUMN }],
      lanesToCreate: [],
      stagesToCreate: [],
      read: null,
      skippedRows: [],
      otherTables: null,
    };
  // A blank row or a total is skipped and reading goes on: what is under it is read and checked like
  // any row. Only a second table ends the list (our cost table's summary under its steps).
  let lastRow = rows.length;
  while (lastRow > first + 1 && isBlankRow(rows[lastRow - 1])) lastRow--;
  const headersOf = headerReader(
    columns,
    board.scenarios.map((s) => s.name),
  );
  for (let r = first + 1; r < lastRow; r++) {
    const cells = rows[r];
    const rowNumber = r + 1;
    if (isBlankRow(cells)) {
      skippedRows.push({ row: rowNumber, why: 'blank' });
      continue;
    }
    if (laneAt >= 0 && totalWords.has(cellText(cells[laneAt]).trim().toLowerCase()) && (titleAt < 0 || cellText(cells[titleAt]).trim() === '')) {
      skippedRows.push({ row: rowNumber, why: 'total' });
      [firstRead, lastRead] = [firstRead || rowNumber, rowNumber];
      continue;
    }
    const table = otherTableAt(cells, rows[r + 1], headersOf);
    if (table) {
      otherTables = { row: rowNumber, lastRow, names: [table, ...rows.slice(r + 1, lastRow).flatMap((c, i) => ownTableName(c, rows[r + 2 + i]) ?? [])] };
      break;
    }
    [firstRead, lastRead] = [firstRead || rowNumber, rowNumber];
    const planned: PlannedStep = { row: rowNumber, lane: '', stage: '', fields: {}, overrides: [] };
    const draft = { ...newStep({ x: 0, y: 0, order: 'a0', title: '' }) } as Record<string, unknown>;
    const rowProblems: RowProblem[] = [];
    const ends = new Map<string, { low?: string; high?: string; locale: string }>();
    for (const { m, i } of order) {
      if (!m.target) continue;
      const column = byKey.get(m.target.key);
      const header = m.header || `column ${i + 1}`;
      if (!column?.parse) continue;
      let cell = cells[i] ?? null;
      if (typeof cell === 'object' && cell !== null) {
        // A figure computed in the sheet reads as the result the spreadsheet saved with it (never computed here);
        // a formula in a text column stays refused (=HYPERLINK(…), =cmd|…).
        if (!column.numeric) {
          rowProblems.push({ row: rowNumber, column: header, message: formulaInText(`=${cell.formula}`) });
          continue;
        }
        if (cell.result === undefined) {
          rowProblems.push({ row: rowNumber, column: header, message: `the formula ${formulaShown(`=${cell.formula}`)} has no saved result: open the file in Excel and save it, or paste values` });
          continue;
        }
        cell = cell.result;
      }
      // Our own export's guard (neutralise.ts): the apostrophe off, the text kept as text — never read as a formula.
      if (typeof cell === 'string' && cell !== unneutralise(cell) && !column.numeric) cell = unneutralise(cell);
      else if (typeof cell === 'string' && looksLikeFormula(cell)) {
        rowProblems.push({ row: rowNumber, column: header, message: formulaInText(cell) });
        continue;
      }
      const input = cellInput(cell, m.target, locale);
      if (input.text === '') continue;
      if (m.target.part !== 'value') {
        const e = ends.get(m.target.key) ?? { locale: input.locale };
        e[m.target.part] = input.text;
        ends.set(m.target.key, e);
        continue;
      }
      // Our cost table writes "removed" in a scenario's volume for a step the scenario removes.
      const removes = m.target.key.startsWith('scenario:') && m.target.key.endsWith(':volume') && input.text.trim().toLowerCase() === 'removed';
      const parsed = removes
        ? byKey.get(m.target.key.replace(/:volume$/, ':removed'))!.parse!('Yes', draft as unknown as Step, ctx)
        : column.parse(input.text, draft as unknown as Step, { ...ctx, locale: input.locale });
      if (!parsed.ok) rowProblems.push({ row: rowNumber, column: header, message: withoutColumnName(parsed.error, column, header) });
      else applyEdit(draft, planned, parsed.edit);
    }
    // A figure with its ends in columns of their own ("Volume low", "Volume high"): read as "low / likely / high".
    for (const [key, e] of ends) {
      const column = byKey.get(key)!;
      const likely = column.text(draft as unknown as Step, { ...ctx, locale: e.locale });
      const low = e.low ?? likely;
      const high = e.high ?? likely;
      if (!low || !high) continue;
      const parsed = column.parse!(likely ? `${low} / ${likely} / ${high}` : `${low} – ${high}`, draft as unknown as Step, { ...ctx, locale: e.locale });
      if (!parsed.ok) rowProblems.push({ row: rowNumber, column: mapping.find((m) => m.target?.key === key && m.target.part !== 'value')?.header ?? column.label, message: parsed.error });
      else {
        // A time's ends in plain hours keep the unit its own cell was typed in ("2 weeks", not "336 h").
        const unitField = key === 'waitMinutes' ? 'waitUnit' : key === 'processMinutes' ? 'processUnit' : null;
        const unit = unitField && likely ? draft[unitField] : undefined;
        applyEdit(draft, planned, parsed.edit);
        if (unitField && unit !== undefined) draft[unitField] = planned.fields[unitField] = unit;
      }
    }
    // A scenario's figure the same as the step's own is no change: our cost table writes each scenario's
    // figures as it uses them (its override, else the step's), and an override kept would stop the
    // scenario following a later change of the step.
    // Its times are plain hours with 2 decimals there (10 min is "0.17"): the same hours as the step's own are no change either.
    const same = (f: string, v: unknown, own: unknown) =>
      v === own || (inHours.has(f) && typeof v === 'number' && typeof own === 'number' && Math.round((v / 60) * 100) === Math.round((own / 60) * 100));
    for (const o of planned.overrides) for (const [f, v] of Object.entries(o.values)) if (same(f, v, draft[f] ?? (f === 'removed' ? false : null))) delete o.values[f as keyof typeof o.values];
    planned.overrides = planned.overrides.filter((o) => Object.keys(o.values).length > 0);
    if (!rowProblems.length && !String(planned.fields.title ?? '').trim()) {
      // Our own export's row of a card placed on the canvas and never named is that untitled step: refusing it
      // refused the whole file until it was skipped. A row without a title in anyone else's list is still refused.
      if (own) untitled.push(rowNumber);
      else rowProblems.push({ row: rowNumber, column: titleAt >= 0 ? mapping[titleAt].header : '', message: 'a step needs a title' });
    }
    if (!rowProblems.length) {
      const problem = importedRowProblem({ ...planned, overrides: planned.overrides }, scenarioIds);
      if (problem) rowProblems.push({ row: rowNumber, column: '', message: problem.replace(/^row \d+: /, '') });
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      badRows.push(rowNumber);
    } else steps.push(planned);
  }
  const { lanes, stages } = namesToCreate(board, steps);
  const matched = matchOnBoard(steps, stepsInLedgerOrder(board.elements), board.elements);
  const { updates, locked } = stepUpdates(steps, matched, mapping, columns, ctx, inHours, own);
  return {
    headers,
    mapping: [...mapping],
    steps,
    badRows,
    onBoard: [...matched.keys()],
    updates,
    locked,
    untitled: untitled.filter((row) => !badRows.includes(row)),
    problems,
    lanesToCreate: lanes,
    stagesToCreate: stages,
    read: firstRead ? { first: firstRead, last: lastRead } : null,
    skippedRows: skippedRows.filter((s) => s.row <= lastRead),
    otherTables,
  };
}

/**
 * What the file says otherwise of the steps the board has: for each column the file has (but
 * lane, stage and title, which matched them), the step as the file has it against the board's,
 * as the ledger shows both; where they differ, the cell's edit the ledger would make typing the
 * file's text. A blank cell clears its figure (as a cleared cell of our own export means), but a
 * choice that is never blank (cost mode, value class) stays. A scenario's columns are compared
 * as our exports write them (scenarioChanges). A locked step is left whole and named in `locked`.
 */
function stepUpdates(
  steps: readonly PlannedStep[],
  matched: ReadonlyMap<number, Step>,
  mapping: readonly HeaderMapping[],
  columns: readonly LedgerColumn[],
  ctx: LedgerContext,
  inHours: ReadonlySet<string>,
  own: boolean,
): { updates: StepUpdate[]; locked: ImportPlan['locked'] } {
  if (!matched.size) return { updates: [], locked: [] };
  const keys = new Set(mapping.flatMap((m) => (m.target && !['lane', 'stage', 'title'].includes(m.target.key) && !m.target.key.startsWith('scenario:') ? [m.target.key] : [])));
  const compared = columns.filter((c) => c.parse && keys.has(c.key));
  const scenarios = scenarioComparisons(mapping, ctx, inHours);
  const out: StepUpdate[] = [];
  const locked: ImportPlan['locked'] = [];
  for (const planned of steps) {
    const step = matched.get(planned.row);
    if (!step) continue;
    // Times in the board's units: the file's "120 h" is the board's "5 days", no change.
    const asFiled = { ...newStep({ x: 0, y: 0, order: 'a0', title: step.title }), ...planned.fields, id: step.id, waitUnit: step.waitUnit, processUnit: step.processUnit } as Step;
    const update: StepUpdate = { row: planned.row, stepId: step.id, title: step.title, changes: [], cells: [] };
    // A step that exists only in a to-be has its figures in its scenario's columns of our exports, its as-is ones blank: not cleared.
    for (const c of own && step.scenarioId !== null ? [] : compared) {
      const [from, to] = [c.text(step, ctx), c.text(asFiled, ctx)];
      if (from === to || (to === '' && c.keepsWhenEmpty)) continue;
      const parsed = c.parse!(to, step, ctx);
      if (!parsed.ok) continue;
      update.changes.push({ column: c.label, from, to });
      update.cells.push({ where: `Row ${planned.row} (${step.title.slice(0, 40)}), ${c.label}`, edit: parsed.edit });
    }
    // The step as those edits leave it: a scenario that does not override a figure uses the step's.
    const after = { ...step } as Step;
    for (const { edit } of update.cells) if (edit.op === 'setStepCost' || edit.op === 'updateElements') Object.assign(after, edit.args.patch);
    for (const s of scenarios) s.compare(planned, step, after, update);
    if (!update.changes.length) continue;
    if (step.locked) locked.push({ row: planned.row, title: step.title });
    else out.push(update);
  }
  return { updates: out, locked };
}

/** The figures a scenario overrides that our cost table and workbook write in its columns, as it uses them (its override, else the step's). */
const scenarioFigures = ['volume', 'unitCents', 'minutes', 'rateCents', 'fixedCents', 'waitMinutes', 'processMinutes', 'firstTimeRight'] as const;
type ScenarioFigure = (typeof scenarioFigures)[number];
/** The figures a step's cost mode does not use, which our exports leave blank in a scenario's columns. */
const unusedBy: Record<Step['costMode'], readonly ScenarioFigure[]> = { unit: ['minutes', 'rateCents'], time: ['unitCents'] };

/**
 * Each scenario whose columns the file has, with what compares a planned row's figures for it
 * against the board's. Our exports write a scenario's figure as the scenario uses it (its
 * override, else the step's own). A cell that says what the scenario uses now is no change,
 * even where the step's own figure beside it changed: a person correcting the as-is volume
 * leaves the to-be's cell as it was, and the scenario keeps following the step (an override made
 * of the old figure would make up a saving). A cell that says otherwise is the difference, "To-be
 * — Sales call: Unit cost 45,00 → 35,00", written as the ledger's scenario cell writes it
 * (setOverride); a figure that is the step's own again clears the override. A step the scenario
 * removes reads "removed" in its volume (our cost table) or its Removed column. (The file cannot
 * say which of its to-be figures follow the step: imported again after the step's own changed,
 * its old to-be figure differs from what the scenario uses now, and is listed as a difference.)
 */
function scenarioComparisons(mapping: readonly HeaderMapping[], ctx: LedgerContext, inHours: ReadonlySet<string>) {
  const mapped = new Set(mapping.flatMap((m) => (m.target?.key.startsWith('scenario:') ? [m.target.key] : [])));
  return ctx.scenarios.flatMap(({ scenario }) => {
    const key = (f: string) => `scenario:${scenario.id}:${f}`;
    const figures = scenarioFigures.filter((f) => mapped.has(key(f)));
    const removal = mapped.has(key('removed')) || mapped.has(key('volume'));
    if (!figures.length && !removal) return [];
    // The scenario's columns, reading the figures put in `shown` for the step at hand (as the ledger would show them as its overrides).
    const shown: Record<string, Override> = {};
    const sctx: LedgerContext = { ...ctx, scenarios: ctx.scenarios.map((x) => (x.scenario.id === scenario.id ? { ...x, scenario: { ...x.scenario, overrides: shown } } : x)) };
    const byKey = new Map(ledgerColumns(sctx).map((c) => [c.key, c]));
    const text = (f: ScenarioFigure, step: Step, values: Record<string, unknown>) => {
      shown[step.id] = values as Override;
      return byKey.get(key(f))!.text(step, sctx);
    };
    const label = (f: ScenarioFigure) => {
      const words = byKey.get(key(f))!.label.slice(scenario.name.length + 2);
      return words.charAt(0).toUpperCase() + words.slice(1);
    };
    // The same figure as our exports write it: times in plain hours to the hundredth, shares in percent to the hundredth.
    const same = (f: ScenarioFigure, a: unknown, b: unknown) =>
      a === b ||
      (typeof a === 'number' &&
        typeof b === 'number' &&
        ((inHours.has(f) && Math.round((a / 60) * 100) === Math.round((b / 60) * 100)) || (f === 'firstTimeRight' && Math.round(a * 10_000) === Math.round(b * 10_000))));
    return [
      {
        compare(planned: PlannedStep, step: Step, after: Step, update: StepUpdate) {
          const board = (scenario.overrides[step.id] ?? {}) as Record<string, unknown>;
          const file = (planned.overrides.find((o) => o.scenarioId === scenario.id)?.values ?? {}) as Record<string, unknown>;
          const values: Record<string, number | boolean | string | null> = {};
          const change = (column: string, from: string, to: string) => update.changes.push({ scenario: scenario.name, column, from, to });
          const removed = file.removed === true;
          if (removal && removed !== (board.removed === true)) {
            change('Removed', removed ? 'No' : 'Yes', removed ? 'Yes' : 'No');
            values.removed = removed || null;
          }
          // A removed step's figures are blank in the file: nothing to compare.
          if (!removed)
            for (const f of figures) {
              if (unusedBy[after.costMode].includes(f)) continue;
              const ends = f === 'firstTimeRight' ? [f] : [f, lowField(f), highField(f)];
              const pick = (r: object) => Object.fromEntries(ends.map((k) => [k, (r as Record<string, unknown>)[k] ?? null]));
              const overrides = (r: Record<string, unknown>) => r[f] !== undefined && r[f] !== null;
              // What the scenario uses now, and what the file says it uses.
              const now = overrides(board) ? pick(board) : pick(step);
              const filed = overrides(file) ? pick(file) : pick(after);
              // The cell as it was exported: no change, even where the step's own figure beside it changed.
              if (same(f, now[f], filed[f])) continue;
              // The step's new figure, which the scenario follows without an override: nothing to write for it.
              if (!overrides(board) && same(f, after[f], filed[f])) continue;
              change(label(f), text(f, step, now), text(f, step, filed));
              Object.assign(values, overrides(file) ? filed : Object.fromEntries(ends.map((k) => [k, null])));
            }
          if (Object.keys(values).length)
            update.cells.push({ where: `Row ${planned.row} (${step.title.slice(0, 40)}), ${scenario.name}`, edit: { op: 'setOverride', args: { scenarioId: scenario.id, stepId: step.id, values } } });
        },
      },
    ];
  });
}

/**
 * The name of the table a row starts, when it is a header row rather than a step: one of our cost
 * table's own, or a row of headers like the list's (every cell a header this board knows, one of
 * them Step). Null for a step.
 */
function otherTableAt(cells: readonly TableCell[], next: readonly TableCell[] | undefined, headersOf: (headers: readonly string[]) => HeaderMapping[]): string | null {
  const own = ownTableName(cells, next);
  if (own) return own;
  const texts = cells.map((c) => (typeof c === 'string' ? c.trim() : null));
  if (texts.some((t) => t === null)) return null;
  const heads = headersOf(texts as string[]).filter((m) => m.header !== '');
  if (heads.length < 2 || !heads.some((m) => m.target?.key === 'title') || heads.some((m) => !m.target && m.why === null)) return null;
  return `headers ${heads.map((m) => m.header).join(', ')}`;
}

/** "rows 2–3" or "row 2" */
const rowsText = (a: number, b: number) => (a === b ? `row ${a}` : `rows ${a}–${b}`);

/**
 * What an import read and what it left, in one sentence the CLI prints and the dialog shows:
 * "read rows 2–9 (row 4 blank, skipped; row 7 a step without a title, kept as an untitled step); rows 11–30 are a second table (The business case) and were not imported".
 */
export function readSummary(plan: Pick<ImportPlan, 'read' | 'skippedRows' | 'otherTables'> & Partial<Pick<ImportPlan, 'untitled'>>): string {
  const parts: string[] = [];
  const list = (rows: readonly number[]) => `${rows.length === 1 ? 'row' : 'rows'} ${rows.length > 5 ? `${rows.slice(0, 5).join(', ')} and ${rows.length - 5} more` : rows.join(', ')}`;
  if (plan.read) {
    const skipped = (['blank', 'total'] as const).flatMap((why) => {
      const rows = plan.skippedRows.filter((s) => s.why === why).map((s) => s.row);
      if (!rows.length) return [];
      return [`${list(rows)} ${why === 'blank' ? 'blank' : 'a total'}, skipped`];
    });
    const untitled = plan.untitled ?? [];
    if (untitled.length) skipped.push(`${list(untitled)} ${untitled.length === 1 ? 'a step' : 'steps'} without a title, kept as ${untitled.length === 1 ? 'an untitled step' : 'untitled steps'}`);
    parts.push(`read ${rowsText(plan.read.first, plan.read.last)}${skipped.length ? ` (${skipped.join('; ')})` : ''}`);
  } else parts.push('no rows read');
  const o = plan.otherTables;
  if (o) parts.push(`${rowsText(o.row, o.lastRow)} ${o.names.length === 1 ? `are a second table (${o.names[0]})` : `are more tables (${o.names.join('; ')})`} and were not imported`);
  return parts.join('; ');
}

/** The one line an import says when no column is read as the steps' titles. */
const NO_STEP_COLUMN = 'no column is mapped to Step: choose the column that holds the steps’ titles';

/** "a formula is not taken as text: =HYPERLINK(…); put the text itself in the cell" */
const formulaInText = (formula: string) => `a formula is not taken as text: ${formulaShown(formula)}; put the text itself in the cell`;

/**
 * The number format a file's figures read in: the board's when they all read so, else the one of
 * `locales` under which the fewest figures fail (a German file's "1.200" and "12,50" on an en-US
 * board; our own cost table's "600000,00" from a de-DE board). Read from the first 200 rows; a
 * tie keeps the board's.
 */
export function numberLocaleOf(rows: readonly (readonly TableCell[])[], mapping: readonly HeaderMapping[], board: ImportBoard, locales: readonly string[]): string {
  const own = (board.meta ?? boardDefaults).locale;
  const sample = rows.slice(0, headerRow(rows) + 201);
  const figures = new Set(mapping.flatMap((m) => (m.target ? [m.header || ''] : [])));
  const failing = (locale: string) => planImport(sample, mapping, board, { locale }).problems.filter((p) => figures.has(p.column)).length;
  let best = own;
  let fewest = failing(own);
  for (const l of locales) {
    if (fewest === 0) break;
    if (l === own) continue;
    const n = failing(l);
    if (n < fewest) [best, fewest] = [l, n];
  }
  return best;
}

const rankPart = (m: HeaderMapping) => (m.target && m.target.part !== 'value' ? 1 : 0);

/** The lanes and stages the steps name that the board does not have (any case), each once, in order. */
function namesToCreate(board: ImportBoard, steps: readonly PlannedStep[]): { lanes: string[]; stages: string[] } {
  const have = (kind: 'lane' | 'stage') => new Set([...board.elements.values()].filter((e) => e.kind === kind).map((e) => (e as { name: string }).name.trim().toLowerCase()));
  const pick = (kind: 'lane' | 'stage', names: string[]) => {
    const seen = have(kind);
    const out: string[] = [];
    for (const n of names.map((x) => x.trim()))
      if (n && !seen.has(n.toLowerCase())) {
        seen.add(n.toLowerCase());
        out.push(n);
      }
    return out;
  };
  return {
    lanes: pick(
      'lane',
      steps.map((s) => s.lane),
    ),
    stages: pick(
      'stage',
      steps.map((s) => s.stage),
    ),
  };
}

/** What an import does with the rows whose step the board has already: leave them, update the step's figures from the file, or add them as new steps. */
export type MatchedRows = 'skip' | 'update' | 'add';

/**
 * The importSteps operation's rows: every planned step but those already on the board (unless
 * `matched` is 'add'), with the `scenarios` the plan was made with (withScenarios), and with
 * 'update' the ledger cells' edits that give the steps the board has the file's figures;
 * `skipped` says how many matched steps were left as they are (`locked` names those an update
 * leaves whole because they are locked) — none left to make is no error,
 * the file is in already; refused while bad rows remain unless they are skipped.
 */
export function importArgs(
  plan: ImportPlan,
  { skipBadRows = false, matched = 'skip', scenarios = [] }: { skipBadRows?: boolean; matched?: MatchedRows; scenarios?: readonly NewScenario[] } = {},
): { ok: true; args: { rows: PlannedStep[]; scenarios?: NewScenario[]; updates?: StepUpdate['cells'] }; skipped: number; updated: number; locked: string[] } | { ok: false; error: string } {
  if (plan.problems[0]?.row === 0) return { ok: false, error: problemLine(plan.problems[0]) };
  if (plan.badRows.length && !skipBadRows) {
    const p = plan.problems[0];
    const more = plan.badRows.length > 1 ? ` (and ${plan.badRows.length - 1} more bad row${plan.badRows.length > 2 ? 's' : ''})` : '';
    return { ok: false, error: `${problemLine(p)}${more}` };
  }
  if (!plan.steps.length) return { ok: false, error: 'no steps to import: the table has no rows under its headers' };
  const made = scenarios.length ? { scenarios: [...scenarios] } : {};
  if (matched === 'add' || !plan.onBoard.length) return { ok: true, args: { rows: plan.steps, ...made }, skipped: 0, updated: 0, locked: [] };
  const onBoard = new Set(plan.onBoard);
  const rows = plan.steps.filter((s) => !onBoard.has(s.row));
  // Updating, the locked steps the file gives other figures are left whole and named, not counted among those the same.
  if (matched === 'update' && (plan.updates.length || plan.locked.length))
    return {
      ok: true,
      args: { rows, ...made, ...(plan.updates.length ? { updates: plan.updates.flatMap((u) => u.cells) } : {}) },
      skipped: onBoard.size - plan.updates.length - plan.locked.length,
      updated: plan.updates.length,
      locked: plan.locked.map((l) => l.title),
    };
  return { ok: true, args: { rows, ...made }, skipped: onBoard.size, updated: 0, locked: [] };
}

/** "row 7, Step: a formula is not taken as text: =HYPERLINK(…)" */
export const problemLine = (p: RowProblem) => (p.row === 0 ? p.message : `row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`);

/** A doc as an import reads it. */
export function boardForImport(doc: Y.Doc): ImportBoard {
  return { elements: readBoard(doc).elements, meta: readMeta(doc), scenarios: readScenarios(doc) };
}

/**
 * Import a table into a doc with the mapping its headers suggest (the CLI; the dialog lets
 * people change it first): one importSteps transaction, or the first problem as one line and
 * nothing written. The file's numbers are read in `locale`, else in the one its figures read in
 * (numberLocaleOf over `locales`); `adoptLocale` makes that the board's own (a new session),
 * with `currency`, else the one its headers name or that locale's country counts in (fileCurrency),
 * else the board's.
 * Steps the board already has are skipped (`skipped` counts them), updated from the file
 * (`matched` 'update': `updated` counts them, `locked` names the locked ones left whole) or added again ('add'). With
 * `addScenarios`, the scenarios the file names that the board lacks are made with the steps, in
 * the same transaction, priced from our cost table's business case (`scenariosCreated`).
 */
export function importTableInto(
  doc: Y.Doc,
  rows: readonly (readonly TableCell[])[],
  ctx: OperationContext,
  {
    skipBadRows = false,
    matched = 'skip',
    locale: given,
    locales = [],
    adoptLocale = false,
    currency: givenCurrency,
    addScenarios = false,
    ownWorkbook = false,
  }: { skipBadRows?: boolean; matched?: MatchedRows; locale?: string; locales?: readonly string[]; adoptLocale?: boolean; currency?: string; addScenarios?: boolean; ownWorkbook?: boolean } = {},
) {
  // The scenarios the file names and the board lacks, planned as if there, made with the steps (importScenarios.ts).
  const ids = new Map<string, string>();
  const scenariosOf = (b: ImportBoard, currency?: string) => (addScenarios ? scenariosToMake(rows, b, { ids, currency }) : []);
  let board = boardForImport(doc);
  const mapping = suggestMapping(rows, withScenarios(board, scenariosOf(board)));
  const locale = given ?? numberLocaleOf(rows, mapping, withScenarios(board, scenariosOf(board)), locales);
  const now = board.meta ?? boardDefaults;
  const currency = adoptLocale ? (givenCurrency ?? fileCurrency(rows, locale) ?? now.currency) : now.currency;
  if (adoptLocale && (locale !== now.locale || currency !== now.currency)) {
    setBoardSettings.run(doc, { locale, currency }, ctx);
    board = boardForImport(doc);
  }
  const scenarios = scenariosOf(board, currency);
  const plan = planImport(rows, mapping, withScenarios(board, scenarios), { locale, ownWorkbook });
  const args = importArgs(plan, { skipBadRows, matched, scenarios });
  if (!args.ok) return { ok: false as const, error: args.error, plan, locale, currency };
  const nothing = { steps: [] as string[], lanes: [] as string[], stages: [] as string[], scenarios: [] as string[], updated: 0 };
  const made = args.args.rows.length || args.args.updates?.length ? importSteps.run(doc, importSteps.args.parse(args.args), ctx) : nothing;
  const scenariosCreated = scenarios.filter((s) => made.scenarios.includes(s.id)).map((s) => s.name);
  // Headers no column answers to (the dialog asks about them; here nobody does): said, never dropped unsaid.
  const columnsNotRead = mapping.filter((m) => !m.target && m.why === null && m.header.trim() !== '').map((m) => m.header);
  return { ok: true as const, plan, locale, currency, made, skipped: args.skipped, updated: made.updated, locked: args.locked, scenariosCreated, columnsNotRead };
}
