import { useMemo } from 'react';
import { boardDefaults, type BoardMeta } from '../../shared/model/board';
import type { Scenario } from '../../shared/model/scenario';
import { scenarioCases, type ScenarioCase } from '../../shared/model/scenarioCase';
import { useBoard } from './boardStore';
import { useCostView, type CostView } from './costView';

/** The exact business case of every scenario, from the cost view's steps and as-is rollup. */
function deriveCases(view: CostView, scenarios: Scenario[], meta: BoardMeta | null): ScenarioCase[] {
  const { period, discountRate } = meta ?? boardDefaults;
  return scenarioCases(view.steps, scenarios, { period, discountRate }, view.asIs);
}

/** The last cases made, for their inputs: the dashboard's view and the big screen share one computation per edit. */
let last: { inputs: unknown[]; cases: ScenarioCase[] } | null = null;

function casesOf(...inputs: Parameters<typeof deriveCases>): ScenarioCase[] {
  if (last && last.inputs.every((v, i) => v === inputs[i])) return last.cases;
  last = { inputs, cases: deriveCases(...inputs) };
  return last.cases;
}

/** Each scenario's business case (payback, net value, present value, ROI), recomputed once per edit. */
export function useBusinessCases(): ScenarioCase[] {
  const view = useCostView();
  const scenarios = useBoard((s) => s.scenarios);
  const meta = useBoard((s) => s.meta);
  return useMemo(() => casesOf(view, scenarios, meta), [view, scenarios, meta]);
}
