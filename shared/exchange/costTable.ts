import type * as Y from 'yjs';
import { boardDefaults, readBoard, readMeta } from '../model/board.js';
import { periodCost } from '../model/cost.js';
import { minorDigits, toDecimal } from '../model/money.js';
import { compareOrder } from '../model/order.js';
import { effectiveCost, rollup, savings } from '../model/rollup.js';
import { readScenarios } from '../model/scenario.js';
import { valueClassLabel, type Step } from '../model/step.js';
import { lastRevealed, readRounds } from '../model/vote.js';

const costModeLabel: Record<Step['costMode'], string> = { unit: 'Unit cost', time: 'Minutes × hourly rate' };

/** RFC 4180: quote a field when it holds a comma, quote, CR or LF; double inner quotes. */
function field(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The cost table: one row per step (in lane, then stage, then board order). Every figure that
 * enters a step's period cost has its column, so a row can be checked by hand:
 *   volume × unit cost + fixed cost = period cost                  (cost mode "Unit cost")
 *   volume × minutes × hourly rate / 60 + fixed cost = period cost (cost mode "Minutes × hourly rate")
 * A figure the step's cost mode does not use is left blank. For each scenario: the figures a
 * scenario can change, as it uses them (its override, else the as-is figure), its period cost
 * and saving; and the dots of the last revealed vote. Value classes in words. Amounts are plain
 * decimals ("600000.00"), so a spreadsheet reads them as numbers in any locale setting that uses
 * "." for decimals; CRLF line ends; an optional UTF-8 BOM for spreadsheets that need it to see UTF-8.
 */
export function costTableCsv(doc: Y.Doc, { bom = false } = {}): string {
  const meta = readMeta(doc);
  const { currency, period } = meta ?? boardDefaults;
  const digits = minorDigits(currency);
  const money = (v: bigint | number | null) => (v === null ? '' : toDecimal(BigInt(v), digits));
  const count = (v: number | null) => (v === null ? '' : String(v));
  const { elements } = readBoard(doc);
  const name = (id: string | null) => (id ? ((elements.get(id) as { name?: string } | undefined)?.name ?? '') : '');
  const orderOf = (id: string | null) => (id ? ((elements.get(id) as { order?: string } | undefined)?.order ?? '') : '~');
  const steps = [...elements.values()]
    .filter((e): e is Step => e.kind === 'step')
    .sort((a, b) => (orderOf(a.laneId) < orderOf(b.laneId) ? -1 : orderOf(a.laneId) > orderOf(b.laneId) ? 1 : orderOf(a.stageId) < orderOf(b.stageId) ? -1 : orderOf(a.stageId) > orderOf(b.stageId) ? 1 : compareOrder(a, b)));
  const scenarios = readScenarios(doc);
  const asIs = rollup(steps);
  const per = scenarios.map((s) => ({ s, r: rollup(steps, s) })).map(({ s, r }) => ({ s, r, saved: savings(asIs, r) }));
  const header = ['Lane', 'Stage', 'Step', 'Owner', 'Value class', `Volume per ${period}`, 'Cost mode', `Unit cost (${currency})`, 'Minutes', `Hourly rate (${currency}/h)`, `Fixed cost (${currency} per ${period})`, `Period cost (${currency})`];
  for (const { s } of per) header.push(`${s.name}: volume`, `${s.name}: unit cost (${currency})`, `${s.name}: minutes`, `${s.name}: period cost (${currency})`, `${s.name}: saving (${currency})`);
  // The last revealed dot vote, as its own column: votes beside money in the spreadsheet.
  const vote = lastRevealed(readRounds(doc));
  if (vote) header.push(`Votes: ${vote.title}`);
  const rows = [header];
  for (const st of steps) {
    const unit = st.costMode === 'unit';
    const row = [name(st.laneId), name(st.stageId), st.title, st.owner, valueClassLabel[st.valueClass], count(st.volume), costModeLabel[st.costMode]];
    row.push(unit ? money(st.unitCents) : '', unit ? '' : count(st.minutes), unit ? '' : money(st.rateCents), money(st.fixedCents), money(periodCost(st)));
    for (const { s, saved } of per) {
      const f = effectiveCost(st, s);
      if (!f) row.push('removed', '', '', money(0n), money(saved.byStep.get(st.id) ?? null));
      else row.push(count(f.volume), unit ? money(f.unitCents) : '', unit ? '' : count(f.minutes), money(periodCost(f)), money(saved.byStep.get(st.id) ?? null));
    }
    if (vote) row.push(vote.elementIds.includes(st.id) ? String(vote.tally[st.id] ?? 0) : '');
    rows.push(row);
  }
  const total = ['Total', '', '', '', '', '', '', '', '', '', '', money(asIs.total)];
  for (const { r, saved } of per) total.push('', '', '', money(r.total), money(saved.total));
  if (vote) total.push(String(Object.values(vote.tally).reduce((a, b) => a + b, 0)));
  rows.push(total);
  return (bom ? '\uFEFF' : '') + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
