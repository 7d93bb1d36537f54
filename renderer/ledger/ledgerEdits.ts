import { withoutColumnName, type CellEdit, type LedgerColumn, type LedgerContext } from '../../shared/ledger/columns';
import { mapHeaders } from '../../shared/ledger/importHeaders';
import { applyEdit, type PlannedStep } from '../../shared/ledger/importPlan';
import { fieldsCheck } from '../../shared/model/board';
import { newStep, type Step } from '../../shared/model/step';
import { operations } from '../../shared/operations';
import type { ImportedRow } from '../../shared/operations/importSteps';
import { dispatch } from '../commands/dispatch';
import { useLedger, type CellRef } from './ledgerStore';
import { readTsv, writeTsv } from './tsv';

/** The ledger as it is shown now: its step rows in order, its columns, what the columns read. */
export interface Sheet {
  steps: readonly Step[];
  columns: readonly LedgerColumn[];
  ctx: LedgerContext;
}

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where a cell is in the sheet shown; -1 where its row or column is not shown. */
export function cellAt(sheet: Sheet, cell: CellRef | null): { row: number; col: number } {
  if (!cell) return { row: -1, col: -1 };
  return { row: sheet.steps.findIndex((s) => s.id === cell.stepId), col: sheet.columns.findIndex((c) => c.key === cell.column) };
}

/** The selected rectangle: the active cell to the anchor (or the active cell alone); null when it is not shown. */
export function selectedRect(sheet: Sheet): Rect | null {
  const { active, anchor } = useLedger.getState();
  const a = cellAt(sheet, active);
  if (a.row < 0 || a.col < 0) return null;
  const b = anchor ? cellAt(sheet, anchor) : a;
  const [br, bc] = b.row < 0 || b.col < 0 ? [a.row, a.col] : [b.row, b.col];
  return { top: Math.min(a.row, br), bottom: Math.max(a.row, br), left: Math.min(a.col, bc), right: Math.max(a.col, bc) };
}

/** Whether people may type into a column here: lane and stage show where a card is; it moves on the board. */
export const editable = (c: LedgerColumn): boolean => !!c.parse && c.key !== 'lane' && c.key !== 'stage';

/** Why a cell takes no typing, in one line. */
export function readOnlyReason(c: LedgerColumn): string {
  if (c.key === 'lane' || c.key === 'stage') return `${c.label}: drag the card on the board to move it to another ${c.key}.`;
  return `${c.label} is worked out from the step’s figures: type into those instead.`;
}

/** "Row 4 (Check invoice), Unit cost (EUR)": a cell in words, for messages. */
function cellWords(sheet: Sheet, row: number, col: number): string {
  const title = sheet.steps[row].title.trim();
  return `Row ${row + 1}${title ? ` (${title.length > 40 ? `${title.slice(0, 40)}…` : title})` : ''}, ${sheet.columns[col].label}`;
}

type Cell = { row: number; col: number; text: string };

/**
 * Typed or pasted texts into cells: each read by its column (the board's number format), then
 * all written by one editCells (one transaction, one undo). The first cell that does not read
 * (or that the operation refuses) is named in the ledger's alert line and nothing is written.
 * True when it was written.
 */
export function writeCells(sheet: Sheet, cells: readonly Cell[], newRows: readonly ImportedRow[] = []): boolean {
  const edits: { where: string; edit: CellEdit }[] = [];
  for (const { row, col, text } of cells) {
    const column = sheet.columns[col];
    const step = sheet.steps[row];
    const parsed = column.parse!(text, step, sheet.ctx);
    if (!parsed.ok) {
      useLedger.setState({ error: `${cellWords(sheet, row, col)}: ${withoutColumnName(parsed.error, column)}` });
      return false;
    }
    edits.push({ where: cellWords(sheet, row, col), edit: parsed.edit });
  }
  if (edits.length === 0 && newRows.length === 0) return true;
  try {
    dispatch('editCells', { cells: edits as never, ...(newRows.length ? { newRows: newRows as never } : {}) });
  } catch (e) {
    useLedger.setState({ error: (e as Error).message });
    return false;
  }
  useLedger.setState({ error: null });
  return true;
}

/** The selected cells as a spreadsheet's clipboard holds them: tab-separated, as they read. */
export function copyText(sheet: Sheet): string | null {
  const r = selectedRect(sheet);
  if (!r) return null;
  const rows: string[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: string[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(sheet.columns[col].text(sheet.steps[row], sheet.ctx));
    rows.push(line);
  }
  return writeTsv(rows);
}

/**
 * A block from a spreadsheet pasted at the selection's top-left cell: it grows down the rows
 * that exist and, past the last row, as a spreadsheet grows, into new steps in the last row's
 * lane and stage (each row read by the columns as the step-list import reads it). A single value
 * pasted into a selected range fills the range. Cells past the last column, or in a column
 * nobody types into, are left out and counted in the status line.
 */
export function pasteText(sheet: Sheet, text: string): void {
  const read = readTsv(text);
  const r = selectedRect(sheet);
  if (!r || read.length === 0) return;
  // A block copied from a spreadsheet with its header row: the headers are not figures. Left out
  // when each of them names the column it lands in, as the step-list import reads headers.
  const header = read.length > 1 && namesItsColumns(sheet, read[0], r.left);
  const block = header ? read.slice(1) : read;
  // A blank line after the block (copied with the row under it) is no row: on a step it would
  // clear its title and the whole paste be refused. A blank line inside the block still counts.
  while (block.length > 1 && block[block.length - 1].every((t) => t.trim() === '')) block.pop();
  const cells: Cell[] = [];
  let outside = 0;
  let computed = 0;
  const single = block.length === 1 && block[0].length === 1;
  const [rows, cols] = single ? [r.bottom - r.top + 1, r.right - r.left + 1] : [block.length, block[0].length];
  const kept = (col: number, text: string) => {
    if (col >= sheet.columns.length) outside++;
    else if (!editable(sheet.columns[col])) computed++;
    // An empty cell clears a figure, as in Excel; a choice that is never empty (cost mode) stays as it is.
    else return !(text.trim() === '' && sheet.columns[col].keepsWhenEmpty);
    return false;
  };
  for (let i = 0; i < rows && r.top + i < sheet.steps.length; i++)
    for (let j = 0; j < cols; j++) {
      const text = single ? block[0][0] : (block[i][j] ?? '');
      if (kept(r.left + j, text)) cells.push({ row: r.top + i, col: r.left + j, text });
    }
  const grown = newStepRows(sheet, block.slice(Math.max(0, sheet.steps.length - r.top)), r.left, kept);
  if (grown === null) return;
  const { rows: newRows, cells: newCells, blank } = grown;
  const written = writeCells(sheet, cells, newRows);
  const left = [outside ? `${outside} cell${outside === 1 ? '' : 's'} past the last column` : '', computed ? `${computed} in columns worked out or moved on the board` : ''].filter(Boolean).join(', ');
  if (written) {
    // The pasted block stays selected, as spreadsheets leave it.
    const bottom = Math.min(r.top + rows - 1, sheet.steps.length - 1);
    const right = Math.min(r.left + cols - 1, sheet.columns.length - 1);
    const made = newRows.length ? `${newRows.length} new step${newRows.length === 1 ? '' : 's'} made below the last row, in its lane and stage` : '';
    const blanks = blank ? `${blank} blank row${blank === 1 ? '' : 's'} below the last row made no step` : '';
    // Every cell that landed counts, in the rows there were and in the new steps.
    const pasted = cells.length + newCells;
    const headerLine = header ? '; the first row, the headers, left out' : '';
    useLedger.setState({
      active: { stepId: sheet.steps[r.top].id, column: sheet.columns[r.left].key },
      anchor: { stepId: sheet.steps[bottom].id, column: sheet.columns[right].key },
      note:
        left || made || blanks || header
          ? `Pasted ${pasted} cell${pasted === 1 ? '' : 's'}${headerLine}${made ? `; ${made}` : ''}${blanks ? `; ${blanks}` : ''}${left ? `; not pasted: ${left}` : ''}.`
          : null,
    });
  }
}

/** Whether a pasted row is the block's headers: each of its cells, where not empty, names the column it lands in ("Schritt" over Step, "Menge" over Volume per year). */
function namesItsColumns(sheet: Sheet, row: readonly string[], left: number): boolean {
  const landing = sheet.columns.slice(left, left + row.length);
  if (landing.length < row.length || row.every((t) => t.trim() === '')) return false;
  const mapped = mapHeaders(
    row,
    landing,
    sheet.ctx.scenarios.map((s) => s.scenario.name),
  );
  return row.every((t, j) => t.trim() === '' || mapped[j]?.target?.key === landing[j].key);
}

/**
 * The block's rows past the sheet's last row as new steps (importSteps' rows) in the last row's
 * lane and stage: each cell read by its column into a draft step, as the step-list import reads
 * a row. A wholly blank row makes no step (`blank` counts them: a spreadsheet's empty line is no
 * step on the board); a row with cells but no title is refused, as the import refuses it — a
 * step without a title would land on the board and block importing the board's own export.
 * Null when a row does not read (said in the alert line at its cell, nothing written).
 */
function newStepRows(sheet: Sheet, extra: readonly string[][], left: number, kept: (col: number, text: string) => boolean): { rows: ImportedRow[]; cells: number; blank: number } | null {
  const last = sheet.steps[sheet.steps.length - 1];
  const rows: ImportedRow[] = [];
  let [cells, blank] = [0, 0];
  const where = (i: number) => `New row ${i + 1} (below row ${sheet.steps.length})`;
  for (const [i, line] of extra.entries()) {
    if (line.every((text) => text.trim() === '')) {
      blank++;
      continue;
    }
    const draft = { ...newStep({ x: 0, y: 0, order: 'a0', title: '' }) };
    const planned: PlannedStep = { row: i + 1, lane: '', stage: '', laneId: last.laneId, stageId: last.stageId, fields: {}, overrides: [] };
    for (const [j, text] of line.entries()) {
      if (!kept(left + j, text)) continue;
      const column = sheet.columns[left + j];
      const parsed = column.parse!(text, draft, sheet.ctx);
      if (!parsed.ok) {
        useLedger.setState({ error: `${where(i)}, ${column.label}: ${withoutColumnName(parsed.error, column)}` });
        return null;
      }
      applyEdit(draft, planned, parsed.edit);
      cells++;
    }
    if (!String(planned.fields.title ?? '').trim()) {
      const title = sheet.columns.find((c) => c.key === 'title')?.label ?? 'Step';
      useLedger.setState({ error: `${where(i)}, ${title}: a new step needs a title; put one in the block, or leave the row wholly blank` });
      return null;
    }
    rows.push(planned);
  }
  return { rows, cells, blank };
}

/** Ctrl+D: the selection's top row copied into the rows below it (one row selected: the row above into it). */
export function fillDown(sheet: Sheet): void {
  const r = selectedRect(sheet);
  if (!r) return;
  const from = r.top === r.bottom ? r.top - 1 : r.top;
  if (from < 0) return;
  const cells: Cell[] = [];
  for (let col = r.left; col <= r.right; col++) {
    if (!editable(sheet.columns[col])) continue;
    const text = sheet.columns[col].text(sheet.steps[from], sheet.ctx);
    for (let row = from + 1; row <= r.bottom; row++) cells.push({ row, col, text });
  }
  writeCells(sheet, cells);
}

/** Delete: the selected cells emptied, where empty means something (a cost mode is never empty). */
export function clearCells(sheet: Sheet): void {
  const r = selectedRect(sheet);
  if (!r) return;
  const cells: Cell[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      const c = sheet.columns[col];
      if (editable(c) && c.parse!('', sheet.steps[row], sheet.ctx).ok && c.text(sheet.steps[row], sheet.ctx) !== '') cells.push({ row, col, text: '' });
    }
  writeCells(sheet, cells);
}

/**
 * A paste's checks run once on the first row's own texts, nothing written, while the ledger has
 * just opened and nobody waits: each column's parse, the editCells arguments' schema and the
 * fields' check (the ones a paste of those columns builds). The first paste ran all of that cold
 * (V8 compiling it lazily, zod building the checks on their first use), and was the slowest.
 */
export function warmPaste(sheet: Sheet): void {
  const step = sheet.steps[0];
  if (!step) return;
  const cells: { where: string; edit: CellEdit }[] = [];
  for (const c of sheet.columns) {
    if (!editable(c)) continue;
    const parsed = c.parse!(c.text(step, sheet.ctx), step, sheet.ctx);
    if (parsed.ok) cells.push({ where: 'warm-up', edit: parsed.edit });
  }
  if (!operations.editCells.args.safeParse({ cells }).success) return;
  const patch = Object.assign({}, ...cells.flatMap(({ edit }) => (edit.op === 'setStepCost' || edit.op === 'updateElements' ? [edit.args.patch] : []))) as Record<string, unknown>;
  fieldsCheck('step', Object.keys(patch))?.safeParse(patch);
}
