import { z } from 'zod';

/**
 * A step list as read from a file or a paste, before anything is made of it: rows of cells,
 * the first non-blank row the headers. A spreadsheet's number stays a number (taken exactly,
 * not read again in the board's format); text stays text (read in the board's number format);
 * a formula is kept as a formula, with the result the spreadsheet saved beside it when there is
 * one: a figure column reads that result, a text column refuses the formula by row and column —
 * it is never evaluated. The host reads files into this (electron/host/import/); a paste is split here.
 */
const tableCellSchema = z.union([z.string(), z.number(), z.null(), z.strictObject({ formula: z.string(), result: z.union([z.number(), z.string()]).optional() })]);
export type TableCell = z.infer<typeof tableCellSchema>;

/** The most data rows one import takes (the header row not counted). */
export const MAX_IMPORT_ROWS = 100_000;

export const stepTableSchema = z.strictObject({
  /** the sheet read (empty for CSV and a paste) */
  sheet: z.string(),
  /** every sheet of a workbook, in its order, so the dialog can offer another */
  sheets: z.array(z.string()),
  rows: z.array(z.array(tableCellSchema)).max(MAX_IMPORT_ROWS + 1_000),
  /** our own workbook's board: its number format and currency (ownWorkbook.ts), which the import reads it in */
  board: z.strictObject({ locale: z.string().max(40), currency: z.string().length(3) }).optional(),
  /** our own workbook's other sheets read with the one chosen (its scenarios' and its Summary) */
  alsoRead: z.array(z.string()).optional(),
});
export type StepTable = z.infer<typeof stepTableSchema>;

/** "100,001 rows; the most is 100,000": the refusal of a table too long to import. */
export function tooManyRows(rows: number): string | null {
  return rows > MAX_IMPORT_ROWS ? `${rows.toLocaleString('en-US')} rows; the most is ${MAX_IMPORT_ROWS.toLocaleString('en-US')}` : null;
}

/**
 * Whether a text cell starts like a spreadsheet formula (OWASP's CSV injection: =, +, -, @, tab,
 * CR), other than a plain signed number: "-5" is a figure, "=HYPERLINK(…)" and "@SUM(A1)" are not.
 */
export function looksLikeFormula(text: string): boolean {
  if (!/^[=+\-@\t\r]/.test(text)) return false;
  if (/^[+-]\s*$/.test(text)) return false;
  return !/^[+-]\s*[\d.,'’\s]*\d[\d.,'’\s]*\s*(%|[\p{L}€$£¥.]{0,8})\s*$/u.test(text);
}

/** A formula as a refusal shows it: "=HYPERLINK(…)" cut to a readable length. */
export function formulaShown(text: string): string {
  const t = text.replace(/[\t\r\n]/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/**
 * Rows copied from Excel, LibreOffice or Google Sheets and pasted as text: tab-separated cells,
 * one row per line, a cell with a line break or tab inside in double quotes (as they put it
 * on the clipboard). Every cell is text.
 */
export function tableFromPaste(text: string): StepTable {
  const rows: TableCell[][] = [];
  let row: TableCell[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const t = text.replace(/^\uFEFF/, '');
  while (i < t.length) {
    const c = t[i];
    if (quoted) {
      if (c === '"' && t[i + 1] === '"') ((cell += '"'), (i += 2));
      else if (c === '"') ((quoted = false), i++);
      else ((cell += c), i++);
      continue;
    }
    if (c === '"' && cell === '') ((quoted = true), i++);
    else if (c === '\t') (row.push(cell), (cell = ''), i++);
    else if (c === '\r' || c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += c === '\r' && t[i + 1] === '\n' ? 2 : 1;
    } else ((cell += c), i++);
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return { sheet: '', sheets: [], rows };
}
