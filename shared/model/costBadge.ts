import { costFiguresOf, costIsGuessed, stepCostRange } from './evidence.js';
import { figureOf } from './figures.js';
import { isRange } from './range.js';
import type { Scenario } from './scenario.js';
import type { Step } from './step.js';

// What a card's cost badge says beyond its figure, on the canvas (renderer/state/costView.ts) and
// in the exports (shared/exchange/svg.ts) alike: a cost that is a range reads as one, and a cost
// resting on a guess is marked "~".

/** Each step's cost range and guess mark, only for steps that have a range or a guess (most have neither). */
export function costUncertainty(steps: readonly Step[], scenario?: Scenario): { stepRanges: Map<string, { low: bigint; high: bigint }>; guessed: Set<string> } {
  const stepRanges = new Map<string, { low: bigint; high: bigint }>();
  const guessed = new Set<string>();
  for (const step of steps) {
    if (costIsGuessed(step, scenario)) guessed.add(step.id);
    if (
      !costFiguresOf(step).some((f) => {
        const fig = figureOf(step, f, scenario);
        return fig !== null && isRange(fig.range);
      })
    )
      continue;
    const r = stepCostRange(step, scenario);
    if (r && r.low !== r.high) stepRanges.set(step.id, { low: r.low, high: r.high });
  }
  return { stepRanges, guessed };
}

/** Two amounts as one range, their shared currency sign once: "$480K", "$960K" → "$480K–960K"; "480.000 €", "960.000 €" → "480.000–960.000 €". */
export function joinRange(a: string, b: string): string {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head] && !/\d/.test(a[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail] && !/\d/.test(a[a.length - 1 - tail])) tail++;
  return `${a.slice(0, a.length - tail).trimEnd()}–${b.slice(head).trimStart()}`;
}
