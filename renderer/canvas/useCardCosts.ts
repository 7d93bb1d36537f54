import { useMemo } from 'react';
import { useCostView } from '../state/costView';
import { useUi } from '../state/uiStore';
import type { CardCost } from './ElementNode';

/** Per step: its badge text, heat share and removed flag, for the cards; plus lane and stage totals. */
export function useCardCosts(): { cards: Map<string, CardCost>; lanes: Map<string, string>; stages: Map<string, string> } {
  const view = useCostView();
  const heat = useUi((s) => s.heat);
  return useMemo(() => {
    const cards = new Map<string, CardCost>();
    const { shown, saved, scenario } = view;
    const total = shown.total;
    const removedIds = new Set(shown.removed);
    for (const s of view.steps) {
      const removed = removedIds.has(s.id);
      const cost = shown.stepCosts.get(s.id);
      let badge = cost === undefined ? null : `${view.compact(cost)}${view.periodLabel}`;
      const save = saved?.byStep.get(s.id) ?? 0n;
      if (scenario && save > 0n) badge = `−${view.compact(save)}${view.periodLabel}`;
      const share = heat && cost !== undefined && total > 0n ? Number((cost * 1000n) / total) / 1000 : null;
      cards.set(s.id, { badge, heat: share, removed });
    }
    const label = (m: Map<string, bigint>) => new Map([...m].map(([k, v]) => [k, `${view.compact(v)}${view.periodLabel}`]));
    return { cards, lanes: label(shown.byLane), stages: label(shown.byStage) };
  }, [view, heat]);
}
