import Papa from 'papaparse';
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { tooManyRows, type StepTable, type TableCell } from '../../../shared/ledger/importTable.js';
import { boardOfKeywords, foldOwnWorkbook } from '../../../shared/ledger/ownWorkbook.js';
import type { Worksheet } from 'exceljs';

/**
 * A step list's file (CSV or XLSX) as a table of cells (shared/ledger/importTable.ts), or one
 * line saying why not. Hostile files are refused before they cost anything: an XLSX's zip
 * directory is read first (fflate, nothing unpacked), then unpacked as a stream counting its
 * bytes and keeping none (a directory may understate them), and a zip bomb — too large
 * unpacked, too highly compressed, too many entries — never reaches exceljs; over 100,000 rows is refused;
 * formulas are kept as formulas, never evaluated, for the plan to refuse by row and column.
 */

/** The most bytes a step list's file may have (the host's route refuses larger bodies with 413). */
export const MAX_STEP_LIST_BYTES = 10 * 1024 * 1024;
/** An XLSX unpacked may hold at most this much… */
const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** …each of its parts at most this many times its packed size (above 1 MB: XML compresses well)… */
const MAX_RATIO = 100;
/** …and at most this many parts. */
const MAX_ENTRIES = 2_000;

export class StepListError extends Error {}

const refuse = (name: string, why: string): never => {
  throw new StepListError(`${name}: ${why}`);
};

/** Read a CSV or XLSX file's bytes (by what they hold, not the name); `sheet` picks a workbook's sheet by name (default: the first). */
export async function readStepTable(bytes: Uint8Array, name: string, sheet?: string): Promise<StepTable> {
  if (bytes.length > MAX_STEP_LIST_BYTES) refuse(name, `${(bytes.length / 2 ** 20).toFixed(1)} MB; the most is ${MAX_STEP_LIST_BYTES / 2 ** 20} MB`);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readXlsx(bytes, name, sheet);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) refuse(name, 'an old Excel file (.xls); save it as .xlsx or CSV');
  const other = notAStepList(bytes, name);
  if (other) refuse(name, other);
  return readCsv(bytes, name);
}

/** What to do, said once for every file that is not a spreadsheet. */
const SAVE_AS = 'open the list in its spreadsheet and save it as .xlsx or CSV';

/** Formats people pick by mistake, by their first bytes. */
const MAGIC: readonly [readonly number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'], // %PDF
  [[0x89, 0x50, 0x4e, 0x47], 'a picture (PNG)'],
  [[0xff, 0xd8, 0xff], 'a picture (JPEG)'],
  [[0x47, 0x49, 0x46, 0x38], 'a picture (GIF)'],
];

/**
 * Why bytes that are not a zip are no step list, in one line, or null for text to read as CSV. A CSV
 * renamed .xlsx (or a web page "saved as" one) read as CSV gave "no rows under its headers", which sent
 * people looking for rows in a file whose trouble was its kind; an empty file said the same.
 */
function notAStepList(bytes: Uint8Array, name: string): string | null {
  const head = bytes.subarray(0, 8192);
  const magic = MAGIC.find(([sig]) => sig.every((b, i) => head[i] === b));
  if (magic) return `${magic[1]}, not a spreadsheet; ${SAVE_AS}`;
  if (head.includes(0)) return `not a CSV or XLSX file; ${SAVE_AS}`;
  const start = new TextDecoder('latin1').decode(head).replace(/^ï»¿/, '').trimStart();
  if (!start && bytes.length <= head.length) return bytes.length ? 'only blank lines: there is nothing in it to import' : 'empty (0 bytes): there is nothing in it to import';
  if (/^<(!doctype html|html|head|body|table|meta)\b/i.test(start) || /^MIME-Version:/i.test(start))
    return 'a web page (HTML), not a workbook; open it in Excel or LibreOffice and save it as .xlsx or CSV';
  if (/^<\?xml[^]{0,600}urn:schemas-microsoft-com:office:spreadsheet/.test(start)) return 'an Excel 2003 XML file, not a workbook; open it in Excel and save it as .xlsx or CSV';
  const named = /\.(xlsx|xlsm|xltx|xls|ods)$/i.exec(name)?.[0];
  if (named) return `text, not a workbook, though named ${named.toLowerCase()} (a CSV renamed?); rename it .csv, or ${SAVE_AS}`;
  return null;
}

/** Text as UTF-8 (a BOM dropped), else as Windows-1252 (Excel's CSV on western Windows); binary was refused before (notAStepList). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function readCsv(bytes: Uint8Array, name: string): StepTable {
  const text = decode(bytes);
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
  const rows: TableCell[][] = parsed.data;
  // a CSV's last line end makes one empty row
  while (rows.length && rows[rows.length - 1].every((c) => c === '')) rows.pop();
  const over = tooManyRows(dataRows(rows));
  if (over) refuse(name, over);
  return { sheet: '', sheets: [], rows };
}

/**
 * The delimiter of a CSV: of comma, semicolon (Excel where the decimal sign is a comma) and tab,
 * the one the header line has most of, outside quotes; a comma when it has none.
 */
function delimiterOf(text: string): string {
  const line = (text.replace(/^\uFEFF/, '').match(/^[^\r\n]*\S[^\r\n]*/m)?.[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (d: string) => line.split(d).length - 1;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** Rows under the header row that hold something. */
const dataRows = (rows: readonly (readonly TableCell[])[]) => Math.max(0, rows.filter((r) => r.some((c) => c !== '' && c !== null)).length - 1);

/** The zip's directory, read without unpacking anything: refuses a bomb before exceljs sees it. */
function checkZip(bytes: Uint8Array, name: string): void {
  let entries = 0;
  let unpacked = 0;
  let problem: string | null = null;
  let openDocument = false;
  let sheetsPart = false;
  let office: string | null = null;
  try {
    unzipSync(bytes, {
      filter(file) {
        entries++;
        if (file.name === 'content.xml') openDocument = true;
        if (file.name.startsWith('xl/')) sheetsPart = true;
        if (file.name === 'word/document.xml') office = 'a Word document (.docx)';
        if (file.name === 'ppt/presentation.xml') office = 'a PowerPoint file (.pptx)';
        unpacked += file.originalSize;
        if (!problem && file.originalSize > 1024 * 1024 && file.originalSize > file.size * MAX_RATIO)
          problem = `${file.name} unpacks to ${Math.round(file.originalSize / file.size)} times its size (a zip bomb?); the most is ${MAX_RATIO}`;
        return false;
      },
    });
  } catch (e) {
    refuse(name, `not a readable XLSX file (${(e as Error).message})`);
  }
  if (entries > MAX_ENTRIES) refuse(name, `${entries} parts in the workbook; the most is ${MAX_ENTRIES}`);
  if (unpacked > MAX_UNPACKED_BYTES) refuse(name, `unpacks to ${Math.round(unpacked / 2 ** 20)} MB (a zip bomb?); the most is ${MAX_UNPACKED_BYTES / 2 ** 20} MB`);
  if (problem) refuse(name, problem);
  // LibreOffice's own format is a zip too (its sheets in content.xml): read as a workbook it was
  // "the workbook has no sheets", which sent people looking for a sheet that was there.
  if (openDocument) refuse(name, 'a LibreOffice spreadsheet (.ods); save it as .xlsx or CSV (File ▸ Save As…)');
  if (!sheetsPart) refuse(name, `${office ?? 'a zip archive'}, not a workbook; ${SAVE_AS}`);
}

/** Compressed bytes fed to the inflater at a time: what one feed may unpack to stays a few MB. */
const FEED = 4096;

/**
 * The zip unpacked as a stream, its bytes counted as they come and none kept: a directory that
 * claims small sizes for what inflates to far more is refused as soon as the count passes the
 * limits, before exceljs (which believes the directory) unpacks it whole.
 */
function checkUnpacked(bytes: Uint8Array, name: string): void {
  let unpacked = 0;
  let problem: string | null = null;
  const unzip = new Unzip((file) => {
    let size = 0;
    file.ondata = (err, chunk) => {
      if (problem) return;
      if (err) {
        problem = `not a readable XLSX file (${err.message})`;
        return;
      }
      size += chunk.length;
      unpacked += chunk.length;
      if (unpacked > MAX_UNPACKED_BYTES)
        problem = `unpacks to more than ${MAX_UNPACKED_BYTES / 2 ** 20} MB though its directory says ${Math.ceil((file.originalSize ?? 0) / 1024)} KB for ${file.name} (a zip bomb?)`;
      else if (file.size && size > 1024 * 1024 && size > file.size * MAX_RATIO)
        problem = `${file.name} unpacks to more than ${MAX_RATIO} times its size though its directory says ${Math.ceil((file.originalSize ?? 0) / 1024)} KB (a zip bomb?)`;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !problem; at += FEED) unzip.push(bytes.subarray(at, at + FEED), at + FEED >= bytes.length);
  } catch (e) {
    problem ??= `not a readable XLSX file (${(e as Error).message})`;
  }
  if (problem) refuse(name, problem);
}

async function readXlsx(bytes: Uint8Array, name: string, sheet?: string): Promise<StepTable> {
  checkZip(bytes, name);
  checkUnpacked(bytes, name);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    refuse(name, `not a readable XLSX file (${(e as Error).message})`);
  }
  const sheets = book.worksheets.map((w) => w.name);
  if (!sheets.length) refuse(name, 'the workbook has no sheets');
  const ws = sheet === undefined ? book.worksheets[0] : book.worksheets.find((w) => w.name === sheet);
  if (!ws) return refuse(name, `no sheet “${sheet}”; it has ${sheets.map((s) => `“${s}”`).join(', ')}`);
  const over = tooManyRows(ws.actualRowCount - 1);
  if (over) refuse(name, over);
  const rows = sheetRows(ws);
  // Our own workbook: read as the board that made it (its number format and currency), its scenario sheets with its steps.
  const board = boardOfKeywords(book.keywords);
  const own =
    board &&
    foldOwnWorkbook(
      { name: ws.name, rows },
      book.worksheets.filter((w) => w !== ws).map((w) => ({ name: w.name, rows: sheetRows(w) })),
    );
  return { sheet: ws.name, sheets, rows: own ? own.rows : rows, ...(board ? { board } : {}), ...(own ? { alsoRead: own.read } : {}) };
}

/** A sheet's rows of cells, every row as wide as the sheet. */
function sheetRows(ws: Worksheet): TableCell[][] {
  const rows: TableCell[][] = [];
  const width = ws.actualColumnCount;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: TableCell[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) {
      const cell = row.getCell(c);
      cells.push(cellOf(cell.value, cell.numFmt));
    }
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/**
 * A workbook cell as the plan reads it: a number stays a number (a percentage as its percent), text is text, a formula stays a
 * formula with the result Excel saved beside it (read, never computed: the plan takes it only in a figure column).
 */
function cellOf(v: unknown, numFmt: string | undefined): TableCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return numFmt?.includes('%') ? Math.round(v * 100 * 1e9) / 1e9 : v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { formula?: string; sharedFormula?: string; richText?: { text: string }[]; text?: unknown; error?: string };
    const formula = typeof o.formula === 'string' ? o.formula : typeof o.sharedFormula === 'string' ? o.sharedFormula : null;
    if (formula !== null) {
      const saved = savedResult((o as { result?: unknown }).result, numFmt);
      return saved === null ? { formula } : { formula, result: saved };
    }
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

/** The result a formula cell was saved with: a number (a percentage as its percent) or text; none for an error or when never saved. */
function savedResult(r: unknown, numFmt: string | undefined): number | string | null {
  if (typeof r === 'number' && Number.isFinite(r)) return numFmt?.includes('%') ? Math.round(r * 100 * 1e9) / 1e9 : r;
  if (typeof r === 'string') return r;
  return null;
}
