import { newId } from '../model/ids.js';
import type { ScenarioPrice } from '../model/scenario.js';
import { ValidationError } from '../model/validation.js';
import type { TableCell } from './importTable.js';

/**
 * The scenarios a step list names in its headers ("To-be: brochure in 2 days: volume"), planned
 * on a board that lacks them as if it had them, so their columns are read as overrides rather
 * than dropped, and made with the steps (importSteps); and their price (investment, running cost, ramp-up, owner, note) from our own cost
 * table's business case under the steps (businessCaseTable.ts), so our export imports back with
 * the same business case.
 */

const cellText = (c: TableCell | undefined): string => (c === null || c === undefined ? '' : typeof c === 'string' ? c : typeof c === 'number' ? String(c) : `=${c.formula}`);

/** A header's words as compared: lower case, letters and digits only. */
const headerKey = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * What follows a scenario's name in a header: a scenario column of the ledger (columns.ts
 * scenarioColumns) or of our cost table (costTable.ts), units in brackets aside. A header "Note: x"
 * names no scenario.
 */
const scenarioColumnWords = new Set(
  ['volume', 'unit cost', 'minutes', 'hourly rate', 'fixed cost', 'wait', 'wait before', 'process time', 'first time right', 'removed', 'period cost', 'saving', 'lead time'].map(headerKey),
);

/** The scenarios a table's headers name, each once, in the order they first appear ("To-be: brochure in 2 days"). */
export function scenarioNamesIn(headers: readonly string[]): string[] {
  const names: string[] = [];
  for (const h of headers) {
    const at = h.lastIndexOf(':');
    if (at <= 0) continue;
    const name = h.slice(0, at).trim();
    if (!name || /^votes$/i.test(name) || !scenarioColumnWords.has(headerKey(h.slice(at + 1)))) continue;
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names;
}

/** Our own cost table's tables under its steps (costTable.ts, businessCaseTable.ts), known exactly by their header row and the row under it. */
export function ownTableName(cells: readonly TableCell[], next: readonly TableCell[] = []): string | null {
  const [a, b] = cells.map((c) => cellText(c).trim());
  const under = cellText(next[0]).trim();
  if (a === 'The map' && b === 'As-is' && under === 'Lead time') return 'The map';
  if (a === 'The business case' && !!b && under.startsWith('Saving (')) return 'The business case';
  return null;
}

/** An amount as our cost table writes it ("150000.00", or "150000,00" for a board with a decimal comma) in minor units. */
function plainAmount(text: string, digits: number): number | null {
  const m = /^(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!m || (m[2] ?? '').length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || 0);
}

/**
 * Each scenario's price from our cost table's business case (by the scenario's name over its
 * column), the figures a person types: investment, running cost, ramp-up, owner and note.
 * A figure that does not read is refused by row and column.
 */
function businessCasePrices(rows: readonly (readonly TableCell[])[], digits: number): Map<string, Partial<ScenarioPrice>> {
  const prices = new Map<string, Partial<ScenarioPrice>>();
  const at = rows.findIndex((r, i) => ownTableName(r, rows[i + 1]) === 'The business case');
  if (at < 0) return prices;
  const names = rows[at].slice(1).map((c) => cellText(c).trim());
  for (let r = at + 1; r < rows.length; r++) {
    const label = cellText(rows[r][0]).trim();
    if (!label) break;
    const field: keyof ScenarioPrice | null = label.startsWith('Investment (')
      ? 'investmentCents'
      : label.startsWith('Running cost (')
        ? 'runningCents'
        : label === 'Ramp-up (months)'
          ? 'rampMonths'
          : label === 'Owner'
            ? 'owner'
            : label === 'Note'
              ? 'note'
              : null;
    if (!field) continue;
    names.forEach((name, i) => {
      const text = cellText(rows[r][i + 1]).trim();
      if (!name || !text) return;
      const price = prices.get(name.toLowerCase()) ?? {};
      if (field === 'owner' || field === 'note') price[field] = text;
      else {
        const value = field === 'rampMonths' ? (/^\d+([.,]\d)?$/.test(text) ? Number(text.replace(',', '.')) : null) : plainAmount(text, digits);
        if (value === null) throw new ValidationError(`row ${r + 1}, ${name}: ${label} “${text}” is not ${field === 'rampMonths' ? 'a number of months like 6 or 1.5' : 'an amount like 150000.00'}`);
        price[field] = value;
      }
      prices.set(name.toLowerCase(), price);
    });
  }
  return prices;
}

/** A scenario an import makes: its id made by the caller (so a preview and the import agree), its name, and its price from our business case. */
export interface NewScenario {
  id: string;
  name: string;
  price: Partial<ScenarioPrice>;
}

/**
 * The scenarios `headers` name that the board's `scenarios` lack (any case), priced from the
 * business case under the steps when the table has ours (amounts with `digits` decimals). `ids`
 * keeps each name's id from one call to the next (the dialog plans again as people change it; the
 * CLI again once the currency is known). A business-case figure that does not read throws one
 * line naming its row. The importSteps operation makes them in its transaction.
 */
export function tableScenarios(
  headers: readonly string[],
  rows: readonly (readonly TableCell[])[],
  scenarios: readonly { name: string }[],
  digits: number,
  ids: Map<string, string> = new Map(),
): NewScenario[] {
  const have = new Set(scenarios.map((s) => s.name.trim().toLowerCase()));
  const missing = scenarioNamesIn(headers).filter((n) => !have.has(n.toLowerCase()));
  if (!missing.length) return [];
  const prices = businessCasePrices(rows, digits);
  return missing.map((name) => {
    const key = name.toLowerCase();
    if (!ids.has(key)) ids.set(key, newId());
    return { id: ids.get(key)!, name, price: prices.get(key) ?? {} };
  });
}
