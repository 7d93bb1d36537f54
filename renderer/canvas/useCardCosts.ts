import { useMemo } from 'react';
import { useCostView } from '../state/costView';
import { durationAsText, formatDuration, formatDurationRange, minutesPer, type DurationUnit } from '../../shared/model/duration';
import { figureOf } from '../../shared/model/figures';
import { isRange } from '../../shared/model/range';
import type { Scenario } from '../../shared/model/scenario';
import type { Step } from '../../shared/model/step';
import { useUi } from '../state/uiStore';
import type { CardCost } from './ElementNode';

/**
 * A step's time in the unit people typed ("4 weeks"); a scenario's figure that unit cannot
 * say plainly (2 days in a step typed in weeks: "0.29 weeks") is read as a total instead.
 */
function asTyped(minutes: number, unit: DurationUnit, locale: string): string {
  const v = minutes / minutesPer[unit];
  return v >= 1 && Number.isInteger(Math.round(v * 1e6) / 1e5) ? formatDuration(minutes, unit, locale) : durationAsText(minutes, locale);
}

/** A process time that is a range, as typed ("2–4 h"); null when it is one figure. */
function processRange(s: Step, scenario: Scenario | null, locale: string): string | null {
  const f = figureOf(s, 'processMinutes', scenario ?? undefined);
  return f && isRange(f.range) ? formatDurationRange(f.range, s.processUnit, locale) : null;
}

export interface HeaderTotals {
  cards: Map<string, CardCost>;
  lanes: Map<string, string>;
  stages: Map<string, string>;
  /** per stage, its lead time as text (none when no step in it has a time) */
  stageLeads: Map<string, string>;
}

/**
 * A card's figures as last worked out, kept on its step record: a step the board store has not
 * made anew (every step but the ones just edited) under the same scenario, format and heat keeps
 * its CardCost, so an edit formats only its own cards' badges and times, and the cards that did
 * not change keep the same object for the memoised nodes.
 */
const kept = new WeakMap<Step, { scenario: Scenario | null; format: string; share: number | null; heatBy: CardCost['heatBy']; card: CardCost }>();

/**
 * Per step: its cost badge, its wait and process time as typed, the heat share and the
 * removed flag, for the cards; plus the lane and stage totals and each stage's lead time.
 * Everything shows the scenario picked in the header (costView), so a card reads the same
 * figures as the ladder and the dashboard.
 */
export function useCardCosts(): HeaderTotals {
  const view = useCostView();
  const heat = useUi((s) => s.heat);
  return useMemo(() => {
    const cards = new Map<string, CardCost>();
    const { shown, saved, scenario, shownTime, locale } = view;
    const format = `${view.currency} ${locale} ${view.periodLabel}`;
    const total = shown.total;
    const removedIds = new Set(shown.removed);
    let longestWait = 0;
    if (heat === 'wait') for (const t of shownTime.steps.values()) if (!t.removed && (t.waitMinutes ?? 0) > longestWait) longestWait = t.waitMinutes!;
    for (const s of view.steps) {
      const removed = removedIds.has(s.id);
      const cost = shown.stepCosts.get(s.id);
      const time = shownTime.steps.get(s.id);
      // Missing times show nothing, never "0"; a removed step takes no time.
      const waitMinutes = !removed && time?.waitMinutes != null ? time.waitMinutes : null;
      let share: number | null = null;
      if (heat === 'cost' && cost !== undefined && total > 0n) share = Number((cost * 1000n) / total) / 1000;
      // Waiting heat: against the longest wait on the board, so the worst queue is the deepest.
      if (heat === 'wait' && waitMinutes !== null && longestWait > 0) share = Math.round((waitMinutes / longestWait) * 1000) / 1000;
      const was = kept.get(s);
      if (was && was.scenario === scenario && was.format === format && was.share === share && was.heatBy === heat) {
        cards.set(s.id, was.card);
        continue;
      }
      // A cost that is a range reads as one ("$480K–960K/yr"); one resting on a guess is marked "~".
      const range = view.stepRanges.get(s.id);
      let badge = cost === undefined ? null : `${range && !removed ? view.compactRange(range.low, range.high) : view.compact(cost)}${view.periodLabel}`;
      const save = saved?.byStep.get(s.id) ?? 0n;
      if (scenario && save > 0n) badge = `−${view.compact(save)}${view.periodLabel}`;
      // A step only the to-be has adds its whole cost to it.
      if (s.scenarioId !== null && cost !== undefined) badge = `+${view.compact(cost)}${view.periodLabel}`;
      if (badge && view.guessed.has(s.id) && !removed) badge = `~${badge}`;
      const processMinutes = !removed && time?.processMinutes != null ? time.processMinutes : null;
      const card: CardCost = {
        badge,
        heat: share,
        heatBy: heat,
        removed,
        waitMinutes,
        // A zero wait is a known time (the lead time counts it, nothing is missing) but no queue: no badge.
        wait: !waitMinutes ? null : asTyped(waitMinutes, s.waitUnit, locale),
        process: processMinutes === null ? null : (processRange(s, scenario, locale) ?? asTyped(processMinutes, s.processUnit, locale)),
      };
      kept.set(s, { scenario, format, share, heatBy: heat, card });
      cards.set(s.id, card);
    }
    const label = (m: Map<string, bigint>) => new Map([...m].map(([k, v]) => [k, `${view.compact(v)}${view.periodLabel}`]));
    const stageLeads = new Map<string, string>();
    for (const [id, st] of shownTime.lead.byStage) {
      // The critical path's time in the stage; where the path runs elsewhere, the stage's own longest step (leadTime.ts).
      const minutes = st.leadMinutes > 0 ? st.leadMinutes : st.longestStepMinutes;
      if (minutes > 0) stageLeads.set(id, view.duration(minutes));
    }
    return { cards, lanes: label(shown.byLane), stages: label(shown.byStage), stageLeads };
  }, [view, heat]);
}
