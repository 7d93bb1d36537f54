import { rangedFields, type RangedField } from '../model/range.js';
import type { LedgerColumn } from './columns.js';
import { headerAliases as aliases, withoutBrackets, wordKey as headerKey } from './spreadsheetWords.js';
import { scenarioNamesIn } from './importScenarios.js';

/**
 * Which ledger column each header of an imported step list fills (shared/ledger/columns.ts):
 * by the column's own label and by the words people put over that column in their own
 * spreadsheets — case, spaces and punctuation aside — and every header of our own cost table
 * (shared/exchange/costTable.ts), so it imports back. What cannot be typed (period cost, lead
 * time: the board works them out) and a scenario the board does not have are skipped, saying
 * why; a header nobody recognises is left for the mapping dialog.
 */

/** How a mapped header's cells are read. */
type CellFormat =
  /** in the board's number format ("1.234,50" on de-DE) */
  | 'board'
  /** a plain decimal with a point, as our cost table writes amounts ("600000.00") */
  | 'plain'
  /** plain hours ("336.08"), our cost table's "Wait (h)" */
  | 'hours'
  /** a plain percentage ("92.5"), our cost table's "First time right (%)" */
  | 'percent';

export interface HeaderTarget {
  /** the ledger column's key */
  key: string;
  /** the figure itself, or one end of its range ("Volume low", "Volume high") */
  part: 'value' | 'low' | 'high';
  format: CellFormat;
}

export type HeaderMapping =
  | { header: string; target: HeaderTarget }
  /** read by nobody: `why` says so in the dialog ("worked out by the board") */
  | { header: string; target: null; why: string }
  /** not recognised: the dialog asks */
  | { header: string; target: null; why: null };

/** Columns nobody types: the board works them out. Our cost table's "Of which rework" and "Lead time (h)" too. */
const computed = ['period cost', 'of which rework', 'rework', 'lead time', 'saving', 'total cost'];

/** Who knows which column from a header: label and aliases, each compared as a headerKey. */
function columnIndex(columns: readonly LedgerColumn[]): Map<string, LedgerColumn> {
  const index = new Map<string, LedgerColumn>();
  const add = (words: string, c: LedgerColumn) => {
    for (const k of [headerKey(words), headerKey(withoutBrackets(words))]) if (k && !index.has(k)) index.set(k, c);
  };
  for (const c of columns) add(c.label, c);
  for (const c of columns) for (const a of aliases[c.key] ?? []) add(a, c);
  return index;
}

const isFigure = (key: string): key is RangedField => (rangedFields as readonly string[]).includes(key);

/**
 * Map each header to a ledger column. `scenarioNames` are the board's scenarios, whose columns
 * ("To-be: volume") are read only when the board has that scenario; `ownCostTable` is true when
 * the headers are our own cost table's, whose figures are plain decimals with a point.
 */
export function mapHeaders(headers: readonly string[], columns: readonly LedgerColumn[], scenarioNames: readonly string[] = []): HeaderMapping[] {
  return headerReader(columns, scenarioNames)(headers);
}

/** mapHeaders with the index of the columns' words built once, for checking many rows (is this row a second header row?). */
export function headerReader(columns: readonly LedgerColumn[], scenarioNames: readonly string[] = []): (headers: readonly string[]) => HeaderMapping[] {
  const index = columnIndex(columns);
  return (headers) => mapHeadersWith(index, headers, columns, scenarioNames);
}

function mapHeadersWith(index: Map<string, LedgerColumn>, headers: readonly string[], columns: readonly LedgerColumn[], scenarioNames: readonly string[]): HeaderMapping[] {
  const own = isOwnCostTable(headers);
  const numberFormat: CellFormat = own ? 'plain' : 'board';
  const taken = new Set<string>();
  const mapped = headers.map((raw): HeaderMapping => {
    const header = raw.trim();
    if (header === '') return { header, target: null, why: 'no header' };
    const key = headerKey(header);
    const bare = headerKey(withoutBrackets(header));
    if (computed.some((c) => bare === headerKey(c) || bare.startsWith(headerKey(c)))) return { header, target: null, why: 'worked out by the board' };
    // "Wait (h)": plain hours; "First time right (%)": a plain percentage.
    const inHours = /\(h\)\s*$/i.test(header);
    // "Volume: evidence", "Unit cost: source", and a scenario's "To-be: volume"
    // A scenario's name may hold a colon itself ("To-be: brochure in 2 days: volume"): the board's names first.
    const named = scenarioNames.find((n) => header.toLowerCase().startsWith(`${n.trim().toLowerCase()}:`));
    const colon = named ? [header, named, header.slice(named.trim().length + 1).trim()] : /^(.+?):\s*(.+)$/.exec(header);
    if (colon) {
      const [, before, after] = colon;
      const what = headerKey(after);
      if (what === 'evidence' || what === 'source') {
        const figure = index.get(headerKey(withoutBrackets(before)));
        const column = figure && isFigure(figure.key) ? columns.find((c) => c.key === `${figure.key}${what === 'evidence' ? 'Evidence' : 'Source'}`) : undefined;
        return column ? { header, target: { key: column.key, part: 'value', format: 'board' } } : { header, target: null, why: null };
      }
      const scenario = scenarioNames.find((n) => headerKey(n) === headerKey(before));
      if (scenario === undefined)
        return { header, target: null, why: /^votes$/i.test(before.trim()) ? 'votes are not imported' : `no scenario “${scenarioNamesIn([header])[0] ?? before.trim()}” on this board` };
      // Our cost table writes a scenario's "wait (h)" where the ledger says "wait before", as for the step's own "Wait (h)".
      const asked = headerKey(`${scenario}${withoutBrackets(after)}`);
      const column = columns.find((c) => c.key.startsWith('scenario:') && c.parse && [c.label, c.label.replace(/ wait before$/i, ' wait')].some((l) => headerKey(withoutBrackets(l)) === asked));
      return column ? { header, target: { key: column.key, part: 'value', format: inHours ? 'hours' : numberFormat } } : { header, target: null, why: 'worked out by the board' };
    }
    // "Volume low", "Unit cost high (USD)": one end of a figure's range
    const end = /^(.+?)\s+(low|high)\s*(\([^)]*\))?\s*$/i.exec(header);
    if (end) {
      const figure = index.get(headerKey(end[1]));
      if (figure && isFigure(figure.key)) return { header, target: { key: figure.key, part: end[2].toLowerCase() as 'low' | 'high', format: end[3] === '(h)' ? 'hours' : numberFormat } };
    }
    const column = index.get(key) ?? index.get(bare);
    if (!column?.parse) return { header, target: null, why: column ? 'worked out by the board' : null };
    // Times are written with their units in the board's format, even in our cost table; amounts and counts plain there.
    const format: CellFormat = inHours ? 'hours' : /\(%\)\s*$/.test(header) ? 'percent' : column.numeric && column.group === 'cost' ? numberFormat : 'board';
    return { header, target: { key: column.key, part: 'value', format } };
  });
  // Two headers for one figure (our cost table's "Wait" as typed and "Wait (h)"): the one with units wins.
  const order = mapped.map((m, i) => ({ m, i })).sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i);
  for (const { m, i } of order) {
    if (!m.target) continue;
    const id = `${m.target.key}/${m.target.part}`;
    if (taken.has(id)) mapped[i] = { header: m.header, target: null, why: `read from “${mapped.find((o) => o.target && `${o.target.key}/${o.target.part}` === id)!.header}”` };
    else taken.add(id);
  }
  return mapped;
}

const rank = (m: HeaderMapping) => (m.target?.format === 'hours' ? 1 : 0);

/** Our own cost table's header row: a period cost column, its rework, and the cost mode. */
export function isOwnCostTable(headers: readonly string[]): boolean {
  const keys = headers.map((h) => headerKey(withoutBrackets(h)));
  return keys.includes('costmode') && keys.includes('periodcost') && keys.includes('ofwhichrework');
}
