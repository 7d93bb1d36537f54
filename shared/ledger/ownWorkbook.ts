import { isKnownLocale } from '../model/locales.js';
import type { TableCell } from './importTable.js';

/**
 * Our own cost workbook (electron/host/export/costWorkbook.ts) read back as its board made it:
 * the board's number format and currency in the workbook's keywords (a document property Excel
 * keeps), and its scenario sheets folded into the Steps sheet as the scenario columns our cost
 * table (CSV) has, with the business case from its Summary under the steps, so one plan
 * (importPlan.ts, importScenarios.ts) reads both. Pure; the host reads the sheets.
 */

/** The keywords our cost workbook carries: "brownpaper; locale=de-DE; currency=EUR". */
export const workbookKeywords = (board: { locale: string; currency: string }) => `brownpaper; locale=${board.locale}; currency=${board.currency}`;

/** The board a workbook's keywords name, when they are ours and name a known format and an ISO 4217 currency; else null (a foreign workbook). */
export function boardOfKeywords(keywords: string | undefined): { locale: string; currency: string } | null {
  const m = /^brownpaper; locale=([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*); currency=([A-Z]{3})$/.exec(keywords?.trim() ?? '');
  if (!m || !isKnownLocale(m[1]) || !Intl.supportedValuesOf('currency').includes(m[2])) return null;
  return { locale: m[1], currency: m[2] };
}

export interface Sheet {
  name: string;
  rows: TableCell[][];
}

const textOf = (c: TableCell | undefined) => (c === null || c === undefined ? '' : typeof c === 'string' ? c : typeof c === 'number' ? String(c) : '');
/** A header's words: lower case, units in brackets aside. */
const words = (h: TableCell | undefined) =>
  textOf(h)
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** A scenario sheet's figure columns as our cost table names a scenario's columns ("To-be: unit cost"). */
const figureWords = ['volume', 'unit cost', 'minutes', 'hourly rate', 'fixed cost', 'first time right', 'wait before', 'process time'];

/** A scenario sheet of ours: Lane, Stage, Step first as on Steps, a Removed column and the as-is cost beside its own. */
const isScenarioSheet = (rows: readonly TableCell[][], steps: readonly TableCell[]) => {
  const h = rows[0] ?? [];
  return [0, 1, 2].every((i) => textOf(h[i]) !== '' && textOf(h[i]) === textOf(steps[i])) && h.some((c) => textOf(c) === 'Removed') && h.some((c) => textOf(c).startsWith('As-is period cost ('));
};

/**
 * The Steps sheet with each scenario sheet's figures as columns "<scenario>: volume", … (the
 * name from the Summary's first row, as the sheet's own name cannot hold a ":"), a removed step's
 * volume "removed", a step only the scenario has as a row of its own before the total, and the
 * Summary's business case under the steps. Steps are matched by lane, stage and title (the
 * n-th of the same with the n-th). `read`: the sheets folded in; null when the workbook is not
 * ours (the Steps sheet alone is read, as any sheet).
 */
export function foldOwnWorkbook(steps: Sheet, others: readonly Sheet[]): { rows: TableCell[][]; read: string[] } | null {
  const head = steps.rows[0] ?? [];
  const summary = others.find((s) => s.name === 'Summary' && textOf(s.rows[0]?.[0]) === 'The map');
  const scenarioSheets = others.filter((s) => s !== summary && isScenarioSheet(s.rows, head));
  if (steps.name !== 'Steps' || !summary || !scenarioSheets.length) return null;
  const names = (summary.rows[0] ?? []).slice(2).map(textOf);
  const totalAt = steps.rows.findIndex((r, i) => i > 0 && textOf(r[0]) === 'Total');
  const end = totalAt < 0 ? steps.rows.length : totalAt;
  const keyOf = (r: readonly TableCell[]) => [0, 1, 2].map((i) => textOf(r[i]).trim().toLowerCase()).join('\u0000');
  const rowOf = new Map<string, number[]>();
  for (let i = 1; i < end; i++) rowOf.set(keyOf(steps.rows[i]), [...(rowOf.get(keyOf(steps.rows[i])) ?? []), i]);
  const body = steps.rows.slice(0, end).map((r) => [...r, ...Array<TableCell>(Math.max(0, head.length - r.length)).fill(null)]);
  const width = head.length;
  const added: TableCell[][] = [];
  const extra: TableCell[] = [];
  scenarioSheets.forEach((sheet, at) => {
    const name = names[at] || sheet.name;
    const h = sheet.rows[0];
    const figures = h.flatMap((c, j) => {
      const w = words(c);
      const word = figureWords.find((f) => w === f || w.startsWith(`${f} `));
      return word ? [{ j, word }] : [];
    });
    const removedAt = h.findIndex((c) => textOf(c) === 'Removed');
    const hours = new Set(['wait before', 'process time']);
    const unit = (c: TableCell | undefined) => /\(([^)]*)\)/.exec(textOf(c))?.[1];
    figures.forEach(({ j, word }) => extra.push(`${name}: ${word}${unit(h[j]) ? ` (${unit(h[j])})` : hours.has(word) ? ' (h)' : ''}`));
    const taken = new Map<string, number>();
    for (const r of sheet.rows.slice(1)) {
      if (textOf(r[0]) === 'Total' || r.every((c) => textOf(c) === '')) continue;
      const key = keyOf(r);
      const n = taken.get(key) ?? 0;
      taken.set(key, n + 1);
      let row = rowOf.get(key)?.[n] !== undefined ? body[rowOf.get(key)![n]] : undefined;
      if (!row) {
        // A step only this scenario has: a row of its own, its as-is figures blank (as in the cost table).
        row = [r[0], r[1], r[2], r[3] ?? null, ...Array<TableCell>(Math.max(0, width - 4)).fill(null)];
        added.push(row);
      }
      const removed = removedAt >= 0 && textOf(r[removedAt]) === 'removed';
      const at0 = width + extra.length - figures.length;
      figures.forEach(({ j, word }, k) => {
        row[at0 + k] = removed ? (word === 'volume' ? 'removed' : null) : (r[j] ?? null);
      });
    }
  });
  const full = width + extra.length;
  const pad = (r: readonly TableCell[]) => Array.from({ length: Math.max(full, r.length) }, (_, i): TableCell => r[i] ?? null);
  body[0] = [...head, ...extra];
  const rows = [...body.slice(0, end).map(pad), ...added.map(pad), ...steps.rows.slice(end)];
  // The business case under the steps, as our cost table has it: importScenarios.ts prices the scenarios from it.
  const caseAt = summary.rows.findIndex((r) => textOf(r[0]) === 'The business case');
  if (caseAt >= 0) rows.push([], ...summary.rows.slice(caseAt).map((r) => [...r]));
  return { rows, read: [...scenarioSheets.map((s) => s.name), summary.name] };
}
