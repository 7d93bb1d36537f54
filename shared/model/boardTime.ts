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
  if (!Array.isArray(elements)) return timeAfresh(elements, scenario);
  const key = scenario ?? asIs;
  const last = lastTimes.get(key);
  const time = last && sameTimes(last.elements, elements) ? last.time : timeAfresh(elements, scenario);
  // A copy of the list: a caller may fill the same array again.
  lastTimes.set(key, { elements: elements.slice(), time });
  return time;
}

/**
 * The last board time worked out, per map (the as-is board, or a scenario's object, made anew
 * when the scenario changes): a list whose records differ from its list only in what no time
 * rule reads (a paste of 500 volumes and unit costs) has the same time, and lead times, the
 * critical path and loops over 10,000 steps were worked out again after every such edit.
 */
const lastTimes = new WeakMap<object, { elements: readonly BoardElement[]; time: BoardTime }>();
const asIs = {};

/** What boardTime reads of a step (effectiveTime's fields, and whether it is on the map). */
const timeFields = ['id', 'kind', 'stageId', 'laneId', 'valueClass', 'waitMinutes', 'processMinutes', 'firstTimeRight', 'scenarioId'] as const;

function sameTimes(before: readonly BoardElement[], after: readonly BoardElement[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const [b, a] = [before[i], after[i]];
    if (b === a) continue;
    // Only a step's record made anew with the same time fields leaves the times as they were (a
    // scenario's overrides are the same: its object is the key, made anew when they change).
    if (b.kind !== 'step' || a.kind !== 'step') return false;
    for (const f of timeFields) if (b[f] !== a[f]) return false;
  }
  return true;
}

/** The board's time from every element, worked out afresh. */
function timeAfresh(elements: Iterable<BoardElement>, scenario?: Scenario): BoardTime {
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
