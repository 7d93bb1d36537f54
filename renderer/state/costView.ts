import { useMemo } from 'react';
import { boardDefaults, type BoardMeta } from '../../shared/model/board';
import { boardTime, type BoardTime } from '../../shared/model/boardTime';
import { durationAsText } from '../../shared/model/duration';
import type { BoardElement } from '../../shared/model/kinds';
import { formatCompact, formatMoney, periodShort } from '../../shared/model/money';
import { rollup, savings, type Rollup } from '../../shared/model/rollup';
import type { Scenario } from '../../shared/model/scenario';
import type { Step } from '../../shared/model/step';
import { costUncertainty, joinRange } from '../../shared/model/costBadge';
import { useUi } from './uiStore';
import { elementList, useBoard } from './boardStore';

/** The money and time view of the board for what the window shows: as-is, or one scenario against it. */
export interface CostView {
  currency: string;
  locale: string;
  periodLabel: string;
  asIs: Rollup;
  scenario: Scenario | null;
  /** the shown rollup: the scenario's, or the as-is one */
  shown: Rollup;
  saved: ReturnType<typeof savings> | null;
  /** where the weeks go, as-is and in the shown scenario (the as-is one when none is picked) */
  asIsTime: BoardTime;
  shownTime: BoardTime;
  money(v: bigint): string;
  /** a total duration as people read it: "31 days", "5 h 30 min" */
  duration(minutes: number): string;
  compact(v: bigint): string;
  steps: Step[];
  /**
   * The shown board's uncertainty per step (evidence.ts): the steps whose cost is a range, with
   * their cost at all lows and all highs, and the steps whose cost rests on a guess.
   */
  stepRanges: Map<string, { low: bigint; high: bigint }>;
  guessed: Set<string>;
  /** a range of money for a badge: "$480K–960K", "480.000–960.000 €" */
  compactRange(low: bigint, high: bigint): string;
}

/** Each step's cost range and guess mark (costBadge.ts) as last worked out, kept on its step record and scenario. */
const uncertain = new WeakMap<Step, { scenario: Scenario | null; range: { low: bigint; high: bigint } | undefined; guessed: boolean }>();

/** costUncertainty over the board, worked out again only for the steps made anew since (an edit's, a paste's). */
function uncertaintyOf(steps: readonly Step[], scenario: Scenario | null): { stepRanges: Map<string, { low: bigint; high: bigint }>; guessed: Set<string> } {
  const stepRanges = new Map<string, { low: bigint; high: bigint }>();
  const guessed = new Set<string>();
  for (const step of steps) {
    let u = uncertain.get(step);
    if (!u || u.scenario !== scenario) {
      const one = costUncertainty([step], scenario ?? undefined);
      u = { scenario, range: one.stepRanges.get(step.id), guessed: one.guessed.has(step.id) };
      uncertain.set(step, u);
    }
    if (u.range) stepRanges.set(step.id, u.range);
    if (u.guessed) guessed.add(step.id);
  }
  return { stepRanges, guessed };
}

function deriveCostView(elements: Record<string, BoardElement>, meta: BoardMeta | null, scenarios: Scenario[], scenarioId: string | null): CostView {
  const { all, steps } = elementList(elements);
  const { currency, locale, period } = meta ?? boardDefaults;
  const asIs = rollup(steps);
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? null;
  const shown = scenario ? rollup(steps, scenario) : asIs;
  const asIsTime = boardTime(all);
  return {
    currency,
    locale,
    periodLabel: periodShort[period],
    asIs,
    scenario,
    shown,
    saved: scenario ? savings(asIs, shown) : null,
    asIsTime,
    shownTime: scenario ? boardTime(all, scenario) : asIsTime,
    money: (v) => formatMoney(v, currency, locale),
    duration: (m) => durationAsText(m, locale),
    compact: (v) => formatCompact(v, currency, locale),
    steps,
    ...uncertaintyOf(steps, scenario),
    compactRange: (low, high) => joinRange(formatCompact(low, currency, locale), formatCompact(high, currency, locale)),
  };
}

/** The last view made, for its inputs: every component that asks after one edit shares one computation. */
let last: { inputs: unknown[]; view: CostView } | null = null;

function costViewOf(...inputs: Parameters<typeof deriveCostView>): CostView {
  if (last && last.inputs.every((v, i) => v === inputs[i])) return last.view;
  last = { inputs, view: deriveCostView(...inputs) };
  return last.view;
}

export function useCostView(): CostView {
  const elements = useBoard((s) => s.elements);
  const meta = useBoard((s) => s.meta);
  const scenarios = useBoard((s) => s.scenarios);
  const scenarioId = useUi((s) => s.scenarioId);
  return useMemo(() => costViewOf(elements, meta, scenarios, scenarioId), [elements, meta, scenarios, scenarioId]);
}
