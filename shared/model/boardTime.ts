import type { BoardElement } from './kinds.js';
import { effectiveTime, leadTime, type Flow, type LeadTime, type Ordered, type StepTime } from './leadTime.js';
import type { Override, Scenario } from './scenario.js';
import { onMap } from './scenarioSteps.js';
import type { Step } from './step.js';

/** Where the weeks go on one board, as-is or under a scenario. (The cost of rework is money: the rollup carries it.) */
export interface BoardTime {
  lead: LeadTime;
  /** each step's time figures with the scenario applied, by id (badges, the details panel) */
  steps: Map<string, StepTime>;
}

/**
 * A step's time figures with a scenario's overrides applied. The step is passed as it is (a
 * step has no `removed`: effectiveTime reads it as false): copying a whole step per step made
 * boardTime seven times slower on a 2,000-step board (npm run bench:rollup). Kept per step
 * object (and override object), as the rollup keeps its prices: an edit makes new objects
 * for what it changes only.
 */
const asIsTimes = new WeakMap<Step, StepTime>();
const overrideTimes = new WeakMap<Override, { step: Step; time: StepTime }>();

function stepTime(step: Step, scenario?: Scenario): StepTime {
  const o = scenario?.overrides[step.id];
  if (o) {
    const kept = overrideTimes.get(o);
    if (kept?.step === step) return kept.time;
    const time = effectiveTime(step, o.waitMinutes, o.processMinutes, o.firstTimeRight, o.removed);
    overrideTimes.set(o, { step, time });
    return time;
  }
  let time = asIsTimes.get(step);
  if (!time) asIsTimes.set(step, (time = effectiveTime(step)));
  return time;
}

/**
 * The one entry the board, the dashboard, the exports and the command line use: reads the
 * steps, stages and connectors of a board's elements and applies the rules (leadTime.ts,
 * the rollup has the money). Linear in steps + connectors. The to-be steps of other scenarios
 * are not on the map (scenarioSteps.ts), nor the arrows to or from them.
 */
export function boardTime(elements: Iterable<BoardElement>, scenario?: Scenario): BoardTime {
  const times: StepTime[] = [];
  const steps = new Map<string, StepTime>();
  const stages: Ordered[] = [];
  let flows: Flow[] = [];
  const offMap = new Set<string>();
  for (const e of elements) {
    if (e.kind === 'step' && !onMap(e, scenario)) offMap.add(e.id);
    else if (e.kind === 'step') {
      const t = stepTime(e, scenario);
      times.push(t);
      steps.set(e.id, t);
    } else if (e.kind === 'stage') stages.push({ id: e.id, order: e.order });
    else if (e.kind === 'connector') flows.push({ fromId: e.fromId, toId: e.toId });
  }
  if (offMap.size > 0) flows = flows.filter((f) => !offMap.has(f.fromId) && !offMap.has(f.toId));
  return { lead: leadTime(times, stages, flows), steps };
}
