import type * as Y from 'yjs';
import { boardDefaults, readBoard, readMeta } from '../model/board.js';
import { decimalSign } from '../model/locales.js';
import { boardTime, type BoardTime } from '../model/boardTime.js';
import { durationAsText, formatDuration } from '../model/duration.js';
import { stepLeadMinutes } from '../model/leadTime.js';
import { minorDigits, toDecimal } from '../model/money.js';
import { effectiveCost, effectiveFirstTimeRight, rollup, savings } from '../model/rollup.js';
import { evidenceField, evidenceLabel, highField, lowField, sourceField, type Evidence, type RangedField } from '../model/range.js';
import { readScenarios } from '../model/scenario.js';
import { scenarioCases } from '../model/scenarioCase.js';
import { onMap } from '../model/scenarioSteps.js';
import { valueClassLabel } from '../model/step.js';
import { costModeLabel } from '../ledger/columns.js';
import { businessCaseRows } from './businessCaseTable.js';
import { stepsInLedgerOrder } from '../ledger/rows.js';
import { lastRevealed, readRounds } from '../model/vote.js';
import { neutraliseField } from './neutralise.js';

/**
 * RFC 4180: quote a field when it holds the separator (a comma, or the semicolon of a de-DE
 * board's file), a quote, CR or LF; double inner quotes. A text that a spreadsheet would run as
 * a formula (a title "=HYPERLINK(…)") is neutralised first (neutralise.ts); figures stay numbers.
 */
function field(raw: string, separator: string): string {
  const v = neutraliseField(raw);
  return /["\r\n]/.test(v) || v.includes(separator) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Minutes as hours for a spreadsheet: a plain decimal, at most 2 decimals ("336.08"); blank when not given. */
const hoursText = (minutes: number | null) => (minutes === null ? '' : String(Math.round((minutes / 60) * 100) / 100));
/** A share as a percentage for a spreadsheet: "92.5"; blank when not given. */
const percentText = (share: number | null) => (share === null ? '' : String(Math.round(share * 10_000) / 100));

/**
 * The cost table: one row per step (in lane, then stage, then board order). Every figure that
 * enters a step's period cost has its column, so a row can be checked by hand:
 *   volume × unit cost ÷ first time right + fixed cost = period cost                  (cost mode "Unit cost")
 *   volume × minutes × hourly rate / 60 ÷ first time right + fixed cost = period cost (cost mode "Minutes × hourly rate")
 * (÷ first time right only where it is given); the rework cost column says how much of the
 * period cost is rework. A figure the step's cost mode does not use is left blank. Then the
 * step's times: wait, process time and lead time as people typed them ("14 days", in the
 * board's number format) and each as plain hours for arithmetic. For each scenario: the figures
 * a scenario can change, as it uses them (its override, else the as-is figure), its period cost
 * and saving, its times; and the dots of the last revealed vote. Value classes in words.
 * Amounts and hours are plain decimals ("600000.00", "336.08"): no thousands separators, no
 * currency, so a spreadsheet reads them as numbers. Where the board's number format writes
 * decimals with a comma (de-DE, fr-FR…) the file is written as Excel in those locales reads a CSV:
 * fields separated by ";" and the same plain decimals with a comma ("600000,00", "336,08") —
 * with "," between fields German Excel showed one column, and it reads "12.5" as the 12th of
 * May. Our import reads both back (importPlan.ts). CRLF line ends; an optional UTF-8
 * BOM for spreadsheets that need it to see UTF-8. Last in each step's row, for each figure some
 * step gives a range or evidence for: its low and high (blank when it is one figure; the
 * figure's own column is the likely one), guess / estimate / measured, and its source. Under the steps, a small table of the map: its
 * lead time, process cycle efficiency and cost of rework,  as-is and per scenario; then the
 * business case of each scenario (businessCaseTable.ts).
 */
export function costTableCsv(doc: Y.Doc, { bom = false } = {}): string {
  const meta = readMeta(doc);
  const { currency, period, locale, discountRate } = meta ?? boardDefaults;
  const digits = minorDigits(currency);
  const comma = decimalSign(locale) === ',';
  const separator = comma ? ';' : ',';
  const plain = (decimal: string) => (comma ? decimal.replace('.', ',') : decimal);
  const money = (v: bigint | number | null | undefined) => (v === null || v === undefined ? '' : plain(toDecimal(BigInt(v), digits)));
  const count = (v: number | null) => (v === null ? '' : plain(String(v)));
  const hours = (minutes: number | null) => plain(hoursText(minutes));
  const percent = (share: number | null) => plain(percentText(share));
  const { elements } = readBoard(doc);
  const name = (id: string | null) => (id ? ((elements.get(id) as { name?: string } | undefined)?.name ?? '') : '');
  const steps = stepsInLedgerOrder(elements);
  const scenarios = readScenarios(doc);
  const asIs = rollup(steps);
  const asIsTime = boardTime(elements.values());
  const per = scenarios.map((s) => ({ s, r: rollup(steps, s), t: boardTime(elements.values(), s) })).map((p) => ({ ...p, saved: savings(asIs, p.r) }));
  const header = [
    'Lane',
    'Stage',
    'Step',
    'Owner',
    'Value class',
    `Volume per ${period}`,
    'Cost mode',
    `Unit cost (${currency})`,
    'Minutes',
    `Hourly rate (${currency}/h)`,
    `Fixed cost (${currency} per ${period})`,
    `Period cost (${currency})`,
  ];
  header.push('First time right (%)', `Of which rework (${currency})`, 'Wait', 'Wait (h)', 'Process time', 'Process time (h)', 'Lead time', 'Lead time (h)');
  for (const { s } of per) {
    header.push(`${s.name}: volume`, `${s.name}: unit cost (${currency})`, `${s.name}: minutes`, `${s.name}: period cost (${currency})`, `${s.name}: saving (${currency})`);
    header.push(`${s.name}: first time right (%)`, `${s.name}: wait (h)`, `${s.name}: process time (h)`, `${s.name}: lead time (h)`);
  }
  // The last revealed dot vote, as its own column: votes beside money in the spreadsheet.
  const vote = lastRevealed(readRounds(doc));
  if (vote) header.push(`Votes: ${vote.title}`);
  // Each figure's range and evidence, last, so the columns above keep their places; only for the
  // figures some step gives a range or evidence for (a board of single figures reads as before).
  const rangeColumns: [RangedField, string, (v: number | null) => string][] = (
    [
      ['volume', 'Volume', count],
      ['unitCents', `Unit cost (${currency})`, money],
      ['minutes', 'Minutes', count],
      ['rateCents', `Hourly rate (${currency}/h)`, money],
      ['fixedCents', `Fixed cost (${currency})`, money],
      ['waitMinutes', 'Wait (h)', hours],
      ['processMinutes', 'Process time (h)', hours],
    ] as [RangedField, string, (v: number | null) => string][]
  ).filter(([f]) =>
    steps.some((st) => {
      const r = st as unknown as Record<string, unknown>;
      return r[lowField(f)] !== null || r[highField(f)] !== null || r[evidenceField(f)] !== null || r[sourceField(f)] !== '';
    }),
  );
  for (const [, label] of rangeColumns) {
    const [what, unitOf = ''] = label.split(/ (?=\()/);
    header.push(`${what} low ${unitOf}`.trim(), `${what} high ${unitOf}`.trim(), `${what}: evidence`, `${what}: source`);
  }
  const rows = [header];
  for (const st of steps) {
    const unit = st.costMode === 'unit';
    const row = [name(st.laneId), name(st.stageId), st.title, st.owner, valueClassLabel[st.valueClass]];
    const own = [count(st.volume), costModeLabel[st.costMode]];
    own.push(unit ? money(st.unitCents) : '', unit ? '' : count(st.minutes), unit ? '' : money(st.rateCents), money(st.fixedCents), money(asIs.stepCosts.get(st.id)));
    const lead = stepLeadMinutes(st);
    own.push(percent(st.firstTimeRight), money(asIs.rework.byStep.get(st.id)));
    own.push(st.waitMinutes === null ? '' : formatDuration(st.waitMinutes, st.waitUnit, locale), hours(st.waitMinutes));
    own.push(st.processMinutes === null ? '' : formatDuration(st.processMinutes, st.processUnit, locale), hours(st.processMinutes));
    own.push(lead === null ? '' : durationAsText(lead, locale), hours(lead));
    // A step that exists only in a to-be (scenarioSteps.ts) is not on the as-is map: its figures are in its scenario's columns only.
    row.push(...(onMap(st) ? own : own.map(() => '')));
    for (const { s, r, t, saved } of per) {
      const f = effectiveCost(st, s);
      if (!onMap(st, s)) row.push('', '', '', '', '', '', '', '', '');
      else if (!f) row.push('removed', '', '', money(0n), money(saved.byStep.get(st.id)), '', '', '', '');
      else {
        const time = t.steps.get(st.id)!;
        row.push(count(f.volume), unit ? money(f.unitCents) : '', unit ? '' : count(f.minutes), money(r.stepCosts.get(st.id)), money(saved.byStep.get(st.id)));
        row.push(percent(effectiveFirstTimeRight(st, s)), hours(time.waitMinutes), hours(time.processMinutes), hours(stepLeadMinutes(time)));
      }
    }
    if (vote) row.push(vote.elementIds.includes(st.id) ? String(vote.tally[st.id] ?? 0) : '');
    for (const [f, , shown] of rangeColumns) {
      const r = st as unknown as Record<string, number | string | null>;
      const evidence = r[evidenceField(f)] as Evidence | null;
      row.push(shown(r[lowField(f)] as number | null), shown(r[highField(f)] as number | null), evidence ? evidenceLabel[evidence] : '', (r[sourceField(f)] as string) ?? '');
    }
    rows.push(row);
  }
  // A map where no step has a time yet has no lead time to show: blank, not "0 min".
  const mapLead = (t: BoardTime) => (t.lead.leadMinutes === 0 && t.lead.missing.length > 0 ? null : t.lead.leadMinutes);
  const leadText = (t: BoardTime) => {
    const m = mapLead(t);
    return m === null ? '' : durationAsText(m, locale);
  };
  // The total row: money adds up; a map's lead time follows the flow (leadTime.ts), so it is not a sum of the column.
  const total = ['Total', '', '', '', '', '', '', '', '', '', '', money(asIs.total), '', money(asIs.rework.total), '', '', '', '', leadText(asIsTime), hours(mapLead(asIsTime))];
  for (const { r, t, saved } of per) total.push('', '', '', money(r.total), money(saved.total), '', '', '', hours(mapLead(t)));
  if (vote) total.push(String(Object.values(vote.tally).reduce((a, b) => a + b, 0)));
  rows.push(total);
  // The map as a whole, as-is and per scenario: what the header and the dashboard show.
  const pce = (p: number | null) => (p === null ? '' : plain(String(Math.round(p * 10_000) / 100)));
  rows.push(
    [],
    ['The map', 'As-is', ...per.map(({ s }) => s.name)],
    ['Lead time', leadText(asIsTime), ...per.map(({ t }) => leadText(t))],
    ['Lead time (h)', hours(mapLead(asIsTime)), ...per.map(({ t }) => hours(mapLead(t)))],
    ['Process cycle efficiency (%)', pce(asIsTime.lead.pce), ...per.map(({ t }) => pce(t.lead.pce))],
    [`Cost of rework (${currency} per ${period})`, money(asIs.rework.total), ...per.map(({ r }) => money(r.rework.total))],
    ['Steps without times (lead time is at least)', String(asIsTime.lead.missing.length), ...per.map(({ t }) => String(t.lead.missing.length))],
    ['Steps without first time right (rework unknown)', String(asIs.rework.missing.length), ...per.map(({ r }) => String(r.rework.missing.length))],
  );
  // Under it, what each scenario's change costs and is worth (businessCaseTable.ts).
  if (scenarios.length) rows.push([], ...businessCaseRows(scenarioCases(steps, scenarios, { period, discountRate }, asIs), { currency, period, discountRate }, plain));
  return (bom ? '\uFEFF' : '') + rows.map((r) => r.map((f) => field(f, separator)).join(separator)).join('\r\n') + '\r\n';
}
