import { useMemo } from 'react';
import { boardDefaults, type BoardMeta } from '../../shared/model/board';
import { formatCompact, formatMoney, periodShort } from '../../shared/model/money';
import { rollup, savings, type Rollup } from '../../shared/model/rollup';
import type { Scenario } from '../../shared/model/scenario';
import type { Step } from '../../shared/model/step';
import { useUi } from '../ui/uiStore';
import { useBoard } from './boardStore';

/** The money view of the board for what the window shows: as-is, or one scenario against it. */
export interface CostView {
  currency: string;
  locale: string;
  periodLabel: string;
  asIs: Rollup;
  scenario: Scenario | null;
  /** the shown rollup: the scenario's, or the as-is one */
  shown: Rollup;
  saved: ReturnType<typeof savings> | null;
  money(v: bigint): string;
  compact(v: bigint): string;
  steps: Step[];
}

function deriveCostView(elements: Record<string, unknown>, meta: BoardMeta | null, scenarios: Scenario[], scenarioId: string | null): CostView {
  const steps = Object.values(elements).filter((e): e is Step => (e as { kind: string }).kind === 'step');
  const { currency, locale, period } = meta ?? boardDefaults;
  const asIs = rollup(steps);
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? null;
  const shown = scenario ? rollup(steps, scenario) : asIs;
  return {
    currency,
    locale,
    periodLabel: periodShort[period],
    asIs,
    scenario,
    shown,
    saved: scenario ? savings(asIs, shown) : null,
    money: (v) => formatMoney(v, currency, locale),
    compact: (v) => formatCompact(v, currency, locale),
    steps,
  };
}

export function useCostView(): CostView {
  const elements = useBoard((s) => s.elements);
  const meta = useBoard((s) => s.meta);
  const scenarios = useBoard((s) => s.scenarios);
  const scenarioId = useUi((s) => s.scenarioId);
  return useMemo(() => deriveCostView(elements, meta, scenarios, scenarioId), [elements, meta, scenarios, scenarioId]);
}
