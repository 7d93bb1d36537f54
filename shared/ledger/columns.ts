import { rangePatch, rangedOf, evidenceOf } from '../figureText/figureValues.js';
import { rangedCount, rangedMinutes, rangedMoney, rangedRate, type Figure, type Ranged } from '../figureText/parseFigures.js';
import { rangedDurationFigure, scenarioRangedDurationFigure, shareFigure } from '../figureText/timeFigures.js';
import { durationAsText } from '../model/duration.js';
import { stepLeadMinutes } from '../model/leadTime.js';
import { formatMoney, type Period } from '../model/money.js';
import { evidenceField, evidenceKinds, evidenceLabel, rangedFieldLabel, sourceField, type Evidence, type RangedField } from '../model/range.js';
import type { Rollup } from '../model/rollup.js';
import type { Override, OverrideField, Scenario } from '../model/scenario.js';
import { stepFlags, valueClassLabel, valueClassSchema, type Step, type ValueClass } from '../model/step.js';
import { costModeWords, noWords, valueClassWords, valueClassWordsOf, wordKey, yesWords } from './spreadsheetWords.js';

/**
 * The ledger's columns: one registry of what a step shows as a row of a table, read by the
 * ledger view (shown and edited), the step-list import (a header mapped to a column, a cell
 * parsed into an edit) and the spreadsheet exports (headers and values). Each column says how
 * a step's value reads in the board's number format and, when people may type into it, what a
 * typed text becomes: the edit of the same named operation the canvas and the details panel
 * use, or a one-line refusal naming the column. Add a column here, and the table, the import
 * and the exports all know it.
 */

/** What the columns need besides the step: the board's format, names of lanes and stages, the rollups. */
export interface LedgerContext {
  locale: string;
  currency: string;
  period: Period;
  /** a lane's or stage's name by id; '' when none */
  laneName(id: string | null): string;
  stageName(id: string | null): string;
  /** the as-is rollup: each step's period cost with rework */
  asIs: Rollup;
  /** the scenarios in their order, each with its rollup and what it saves per step */
  scenarios: readonly { scenario: Scenario; rollup: Rollup; savedByStep: Map<string, bigint> }[];
}

/** A cell's edit: the named operation (shared/operations) and its arguments, for one step. */
export type CellEdit =
  | { op: 'setElementText'; args: { id: string; text: string } }
  | { op: 'updateElements'; args: { ids: string[]; patch: Record<string, string | number | boolean | null> } }
  | { op: 'setStepCost'; args: { id: string; patch: Record<string, unknown> } }
  | { op: 'setOverride'; args: { scenarioId: string; stepId: string; values: Partial<Record<OverrideField, number | boolean | string | null>> } }
  /** a step moved to the lane or stage of that name (created by name where an import allows it) */
  | { op: 'placeStep'; args: { id: string; lane?: string; stage?: string } };

type ParsedCell = { ok: true; edit: CellEdit } | { ok: false; error: string };

type ColumnGroup = 'place' | 'step' | 'cost' | 'time' | 'evidence' | 'scenario';

export interface LedgerColumn {
  /** stable key: 'title', 'volume', 'volumeEvidence', 'scenario:<id>:volume' */
  key: string;
  /** the header, in the workshop's words */
  label: string;
  group: ColumnGroup;
  /** numbers line up on the right */
  numeric: boolean;
  /** the cell as it reads, in the board's number format ('' when not given) */
  text(step: Step, ctx: LedgerContext): string;
  /** the value for sorting and spreadsheets: a number in the figure's stored unit, text, a flag, or null */
  value(step: Step, ctx: LedgerContext): number | string | boolean | null;
  /** what a typed (or pasted) text does; absent for columns people cannot type into (computed) */
  parse?(text: string, step: Step, ctx: LedgerContext): ParsedCell;
  /** a choice that is never empty (cost mode, value class): an empty pasted cell leaves it as it is */
  keepsWhenEmpty?: true;
}

/**
 * A column's refusal without the column's name in front, for a line that names the column
 * already ("Row 4 (Check invoice), Unit cost (EUR): “lots” is not a number", not "…: Unit cost: …").
 * `names` are other names the line may use for it (an imported file's header).
 */
export function withoutColumnName(message: string, column: LedgerColumn, ...names: string[]): string {
  const at = message.indexOf(': ');
  if (at < 0) return message;
  const prefix = message.slice(0, at).toLowerCase();
  const known = [column.label, column.label.replace(/\s*\(.*\)$/, ''), ...names, rangedFieldLabel[column.key as RangedField] ?? ''].map((n) => n.toLowerCase());
  return known.includes(prefix) ? message.slice(at + 2) : message;
}

const fail = (error: string): ParsedCell => ({ ok: false, error });
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** Yes/no as people type it in a spreadsheet cell: blank is no. */
function parseYesNo(text: string, label: string): { ok: true; value: boolean } | { ok: false; error: string } {
  const t = text.trim().toLowerCase();
  if (noWords.includes(t)) return { ok: true, value: false };
  if (yesWords.includes(t)) return { ok: true, value: true };
  return { ok: false, error: `${label}: “${text.trim().slice(0, 40)}” is not yes or no.` };
}

/** Every word of a value class, as wordKey compares it: its key, its label and the words of valueClassWords. */
const valueClassOfWord = new Map<string, ValueClass>(valueClassSchema.options.flatMap((v) => [v, valueClassLabel[v], ...valueClassWords[v]].map((w) => [wordKey(w), v] as const)));
valueClassOfWord.set('', 'unclassified');

/** A value class typed by its label, key or a sheet's word for it, any case ("Waste", "value-adding", "Verschwendung", "nicht wertschöpfend"). */
function parseValueClass(text: string): ValueClass | null {
  return valueClassOfWord.get(wordKey(text)) ?? null;
}

const flagLabel: Record<(typeof stepFlags)[number], string> = {
  painPoint: 'Pain point',
  failPoint: 'Fail point',
  waitPoint: 'Wait point',
  momentOfTruth: 'Moment of truth',
};

/** A step's figure as one column: typed as one figure or a range, as in the details panel. */
function figureColumn(f: Exclude<RangedField, 'waitMinutes' | 'processMinutes'>, label: string, figure: (ctx: LedgerContext) => Figure<Ranged>, usedBy?: Step['costMode']): LedgerColumn {
  return {
    key: f,
    label,
    group: 'cost',
    numeric: true,
    text: (s, ctx) => {
      if (usedBy && s.costMode !== usedBy) return '';
      const r = rangedOf(s, f);
      return r ? figure(ctx).format(r) : '';
    },
    value: (s) => (usedBy && s.costMode !== usedBy ? null : num(s[f])),
    parse(text, s, ctx) {
      const r = figure(ctx).parse(text);
      if (!r.ok) return fail(r.error);
      // A unit cost typed on a step priced by time (or minutes on one priced by unit) switches it, as the details panel's mode would.
      const mode = usedBy && r.value && s.costMode !== usedBy ? { costMode: usedBy } : {};
      return { ok: true, edit: { op: 'setStepCost', args: { id: s.id, patch: { ...rangePatch(f, r.value), ...mode } } } };
    },
  };
}

function durationColumn(f: 'waitMinutes' | 'processMinutes', unitField: 'waitUnit' | 'processUnit'): LedgerColumn {
  const label = rangedFieldLabel[f];
  return {
    key: f,
    label,
    group: 'time',
    numeric: true,
    text: (s, ctx) => {
      const r = rangedOf(s, f);
      return r ? rangedDurationFigure(label, ctx.locale).format({ ...r, unit: s[unitField] }) : '';
    },
    value: (s) => num(s[f]),
    parse(text, s, ctx) {
      const r = rangedDurationFigure(label, ctx.locale).parse(text);
      if (!r.ok) return fail(r.error);
      return { ok: true, edit: { op: 'setStepCost', args: { id: s.id, patch: { ...rangePatch(f, r.value), ...(r.value ? { [unitField]: r.value.unit } : {}) } } } };
    },
  };
}

/** Where a figure comes from: guess, estimate or measured; and its source. */
function evidenceColumns(f: RangedField): LedgerColumn[] {
  const label = rangedFieldLabel[f];
  return [
    {
      key: evidenceField(f),
      label: `${label}: evidence`,
      group: 'evidence',
      numeric: false,
      text: (s) => {
        const e = evidenceOf(s, f).evidence;
        return e ? evidenceLabel[e] : '';
      },
      value: (s) => evidenceOf(s, f).evidence,
      parse(text, s) {
        const t = text.trim().toLowerCase();
        const e = t === '' ? null : (evidenceKinds.find((k) => k === t || evidenceLabel[k].toLowerCase() === t) ?? undefined);
        if (e === undefined) return fail(`${label}: evidence: “${text.trim().slice(0, 40)}” is not one of ${evidenceKinds.map((k) => evidenceLabel[k]).join(', ')}.`);
        return { ok: true, edit: { op: 'setStepCost', args: { id: s.id, patch: { [evidenceField(f)]: e as Evidence | null } } } };
      },
    },
    {
      key: sourceField(f),
      label: `${label}: source`,
      group: 'evidence',
      numeric: false,
      text: (s) => evidenceOf(s, f).source,
      value: (s) => evidenceOf(s, f).source,
      parse: (text, s) => ({ ok: true, edit: { op: 'setStepCost', args: { id: s.id, patch: { [sourceField(f)]: text.trim() } } } }),
    },
  ];
}

/** The columns of one scenario: its overrides of a step's figures, whether it removes the step, its cost and saving. */
function scenarioColumns(at: number, ctx: LedgerContext): LedgerColumn[] {
  const { scenario } = ctx.scenarios[at];
  const key = (k: string) => `scenario:${scenario.id}:${k}`;
  const o = (s: Step): Override => scenario.overrides[s.id] ?? {};
  const set = (s: Step, values: Partial<Record<OverrideField, number | boolean | string | null>>): ParsedCell => ({
    ok: true,
    edit: { op: 'setOverride', args: { scenarioId: scenario.id, stepId: s.id, values } },
  });
  const figure = (f: RangedField, make: (label: string, ctx: LedgerContext, s: Step) => Figure<Ranged>): LedgerColumn => {
    const label = `${scenario.name}: ${rangedFieldLabel[f].toLowerCase()}`;
    return {
      key: key(f),
      label,
      group: 'scenario',
      numeric: true,
      text: (s, c) => {
        const r = rangedOf(o(s), f);
        return r ? make(label, c, s).format(r) : '';
      },
      value: (s) => num(o(s)[f as keyof Override]),
      parse(text, s, c) {
        const r = make(label, c, s).parse(text);
        return r.ok ? set(s, rangePatch(f, r.value)) : fail(r.error);
      },
    };
  };
  const scenarioAt = () => ctx.scenarios[at];
  return [
    figure('volume', (l, c) => rangedCount(l, c.locale)),
    figure('unitCents', (l, c) => rangedMoney(l, c.locale, c.currency)),
    figure('minutes', (l, c) => rangedMinutes(l, c.locale)),
    figure('rateCents', (l, c) => rangedRate(l, c.locale, c.currency)),
    figure('fixedCents', (l, c) => rangedMoney(l, c.locale, c.currency)),
    figure('waitMinutes', (l, c, s) => scenarioRangedDurationFigure(l, c.locale, s.waitUnit)),
    figure('processMinutes', (l, c, s) => scenarioRangedDurationFigure(l, c.locale, s.processUnit)),
    {
      key: key('firstTimeRight'),
      label: `${scenario.name}: first time right`,
      group: 'scenario',
      numeric: true,
      text: (s, c) => {
        const f = o(s).firstTimeRight;
        return f === undefined ? '' : shareFigure('', c.locale).format(f);
      },
      value: (s) => o(s).firstTimeRight ?? null,
      parse(text, s, c) {
        const r = shareFigure(`${scenario.name}: first time right`, c.locale).parse(text);
        return r.ok ? set(s, { firstTimeRight: r.value }) : fail(r.error);
      },
    },
    {
      key: key('removed'),
      label: `${scenario.name}: removed`,
      group: 'scenario',
      numeric: false,
      text: (s) => (o(s).removed ? 'Yes' : ''),
      value: (s) => !!o(s).removed,
      parse(text, s) {
        const r = parseYesNo(text, `${scenario.name}: removed`);
        return r.ok ? set(s, { removed: r.value || null }) : fail(r.error);
      },
    },
    {
      key: key('periodCost'),
      label: `${scenario.name}: period cost`,
      group: 'scenario',
      numeric: true,
      text: (s, c) => money(scenarioAt().rollup.stepCosts.get(s.id), c),
      value: (s) => minor(scenarioAt().rollup.stepCosts.get(s.id)),
    },
    {
      key: key('saving'),
      label: `${scenario.name}: saving`,
      group: 'scenario',
      numeric: true,
      text: (s, c) => money(scenarioAt().savedByStep.get(s.id), c),
      value: (s) => minor(scenarioAt().savedByStep.get(s.id)),
    },
  ];
}

const money = (v: bigint | undefined, ctx: LedgerContext) => (v === undefined ? '' : formatMoney(v, ctx.currency, ctx.locale));
/** Minor units as a Number for sorting and spreadsheets (exact up to 2^53 minor units: 90 trillion). */
const minor = (v: bigint | undefined) => (v === undefined ? null : Number(v));

/** Every column of the ledger, in the order the table shows them; scenario columns last, one block per scenario. */
export function ledgerColumns(ctx: LedgerContext): LedgerColumn[] {
  const text = (key: 'title' | 'owner', label: string): LedgerColumn => ({
    key,
    label,
    group: 'step',
    numeric: false,
    text: (s) => s[key],
    value: (s) => s[key],
    // A step without a title is refused at the cell, as the import refuses a titleless row of anyone's list (our own export's untitled card it takes as one).
    parse: (t, s) =>
      key === 'title'
        ? t.trim() === ''
          ? fail(`${label}: a step needs a title`)
          : { ok: true, edit: { op: 'setElementText', args: { id: s.id, text: t } } }
        : { ok: true, edit: { op: 'updateElements', args: { ids: [s.id], patch: { owner: t.trim() } } } },
  });
  const place = (key: 'lane' | 'stage', label: string): LedgerColumn => ({
    key,
    label,
    group: 'place',
    numeric: false,
    text: (s, c) => (key === 'lane' ? c.laneName(s.laneId) : c.stageName(s.stageId)),
    value: (s, c) => (key === 'lane' ? c.laneName(s.laneId) : c.stageName(s.stageId)),
    parse: (t, s) => ({ ok: true, edit: { op: 'placeStep', args: { id: s.id, [key]: t.trim() } } }),
  });
  const columns: LedgerColumn[] = [
    place('lane', 'Lane'),
    place('stage', 'Stage'),
    text('title', 'Step'),
    text('owner', 'Owner'),
    {
      key: 'valueClass',
      label: 'Value class',
      group: 'step',
      numeric: false,
      keepsWhenEmpty: true,
      text: (s) => (s.valueClass === 'unclassified' ? '' : valueClassLabel[s.valueClass]),
      value: (s) => s.valueClass,
      parse(t, s, ctx) {
        const v = parseValueClass(t);
        if (!v) {
          const own = valueClassWordsOf[ctx.locale.split('-')[0]];
          return fail(`Value class: “${t.trim().slice(0, 40)}” is not one of ${valueClassSchema.options.map((k) => valueClassLabel[k]).join(', ')}${own ? ` (or ${own})` : ''}.`);
        }
        return { ok: true, edit: { op: 'updateElements', args: { ids: [s.id], patch: { valueClass: v } } } };
      },
    },
    ...stepFlags.map((f): LedgerColumn => ({
      key: f,
      label: flagLabel[f],
      group: 'step',
      numeric: false,
      text: (s) => (s[f] ? 'Yes' : ''),
      value: (s) => s[f],
      parse(t, s) {
        const r = parseYesNo(t, flagLabel[f]);
        return r.ok ? { ok: true, edit: { op: 'updateElements', args: { ids: [s.id], patch: { [f]: r.value } } } } : fail(r.error);
      },
    })),
    figureColumn('volume', `Volume per ${ctx.period}`, (c) => rangedCount('Volume', c.locale)),
    {
      key: 'costMode',
      label: 'Cost mode',
      group: 'cost',
      numeric: false,
      keepsWhenEmpty: true,
      text: (s) => costModeLabel[s.costMode],
      value: (s) => s.costMode,
      parse(t, s) {
        const v = t.trim().toLowerCase();
        const mode = (Object.keys(costModeLabel) as Step['costMode'][]).find((m) => costModeKeys[m].has(wordKey(v))) ?? (/minutes|rate|time/.test(v) ? 'time' : undefined);
        if (!mode) return fail(`Cost mode: “${t.trim().slice(0, 40)}” is not ${Object.values(costModeLabel).join(' or ')}.`);
        return { ok: true, edit: { op: 'setStepCost', args: { id: s.id, patch: { costMode: mode } } } };
      },
    },
    figureColumn('unitCents', `Unit cost (${ctx.currency})`, (c) => rangedMoney('Unit cost', c.locale, c.currency), 'unit'),
    figureColumn('minutes', 'Minutes', (c) => rangedMinutes('Minutes', c.locale), 'time'),
    figureColumn('rateCents', `Hourly rate (${ctx.currency}/h)`, (c) => rangedRate('Hourly rate', c.locale, c.currency), 'time'),
    figureColumn('fixedCents', `Fixed cost (${ctx.currency} per ${ctx.period})`, (c) => rangedMoney('Fixed cost', c.locale, c.currency)),
    {
      key: 'periodCost',
      label: `Period cost (${ctx.currency})`,
      group: 'cost',
      numeric: true,
      text: (s, c) => money(c.asIs.stepCosts.get(s.id), c),
      value: (s, c) => minor(c.asIs.stepCosts.get(s.id)),
    },
    durationColumn('waitMinutes', 'waitUnit'),
    durationColumn('processMinutes', 'processUnit'),
    {
      key: 'firstTimeRight',
      label: 'First time right',
      group: 'time',
      numeric: true,
      text: (s, c) => (s.firstTimeRight === null ? '' : shareFigure('', c.locale).format(s.firstTimeRight)),
      value: (s) => s.firstTimeRight,
      parse(t, s, c) {
        const r = shareFigure('First time right', c.locale).parse(t);
        return r.ok ? { ok: true, edit: { op: 'updateElements', args: { ids: [s.id], patch: { firstTimeRight: r.value } } } } : fail(r.error);
      },
    },
    {
      key: 'leadTime',
      label: 'Lead time',
      group: 'time',
      numeric: true,
      text: (s, c) => {
        const m = stepLeadMinutes(s);
        return m === null ? '' : durationAsText(m, c.locale);
      },
      value: (s) => stepLeadMinutes(s),
    },
    ...(['volume', 'unitCents', 'minutes', 'rateCents', 'fixedCents', 'waitMinutes', 'processMinutes'] as const).flatMap(evidenceColumns),
    ...ctx.scenarios.flatMap((_, at) => scenarioColumns(at, ctx)),
  ];
  return columns;
}

export const costModeLabel: Record<Step['costMode'], string> = { unit: 'Unit cost', time: 'Minutes × hourly rate' };
/** Each cost mode's words in a cell (spreadsheetWords.ts), as compared. */
const costModeKeys: Record<Step['costMode'], Set<string>> = {
  unit: new Set([costModeLabel.unit, ...costModeWords.unit].map(wordKey)),
  time: new Set([costModeLabel.time, ...costModeWords.time].map(wordKey)),
};
