import type { BoardElement } from './kinds.js';
import type { Scenario } from './scenario.js';
import type { Step } from './step.js';

// Which steps make up a map: the as-is map is the steps of no scenario; a to-be scenario's map
// is those plus the steps that exist only in it (its self-service page, its automatic e-mail).
// The one rule for the money, the time, the board, the exports and the command line.

/** The map asked about: the as-is (nothing given) or one scenario, by its record or its id. */
export type MapOf = Scenario | string | null | undefined;

const idOf = (map: MapOf): string | null => (map === null || map === undefined ? null : typeof map === 'string' ? map : map.id);

/** Whether a step is on the map: an as-is step always, a to-be step only in its own scenario. */
export function onMap(step: Pick<Step, 'scenarioId'>, map?: MapOf): boolean {
  const own = step.scenarioId ?? null;
  return own === null || own === idOf(map);
}

/** The steps of one map, in the order given. */
export function stepsOf(elements: Iterable<BoardElement>, map?: MapOf): Step[] {
  const out: Step[] = [];
  for (const e of elements) if (e.kind === 'step' && onMap(e, map)) out.push(e);
  return out;
}

/**
 * The elements of one map: every element but the to-be steps of other scenarios and the
 * connectors to or from them (an arrow into a step that is not there goes nowhere).
 */
export function elementsOf(elements: Iterable<BoardElement>, map?: MapOf): BoardElement[] {
  const all = [...elements];
  const hidden = new Set<string>();
  for (const e of all) if (e.kind === 'step' && !onMap(e, map)) hidden.add(e.id);
  if (hidden.size === 0) return all;
  return all.filter((e) => !hidden.has(e.id) && !(e.kind === 'connector' && (hidden.has(e.fromId) || hidden.has(e.toId))));
}
