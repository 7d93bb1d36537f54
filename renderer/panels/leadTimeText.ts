import { numberFormat } from '../../shared/model/numberFormat';
import type { BoardTime } from '../../shared/model/boardTime';
import type { CostView } from '../state/costView';

/**
 * The map's time as the header and the dashboard say it: "31 days → 5 days", "3% → 20%".
 * Read from the cost view (computed once per edit), never recomputed here.
 */

/** Whether anyone has given a time yet: a board without any says nothing about time. */
export function hasTimes(time: BoardTime): boolean {
  for (const t of time.steps.values()) if (t.waitMinutes !== null || t.processMinutes !== null) return true;
  return false;
}

/** Process cycle efficiency as a percentage: one decimal under 10 % (a map at 0.4 % is common), whole above. */
export function pceText(pce: number | null, locale: string): string {
  if (pce === null) return '—';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: pce < 0.1 ? 1 : 0 }).format(pce);
}

interface LeadTimeText {
  /** "31 days", or "31 days → 5 days" with a scenario picked */
  lead: string;
  pce: string;
  /** steps without times in the shown figures: the lead time is then "at least" */
  missing: number;
}

export function leadTimeText(view: CostView): LeadTimeText {
  const { asIsTime: asIs, shownTime: shown, scenario, locale } = view;
  const lead = view.duration(asIs.lead.leadMinutes);
  const pce = pceText(asIs.lead.pce, locale);
  return {
    lead: scenario ? `${lead} → ${view.duration(shown.lead.leadMinutes)}` : lead,
    pce: scenario ? `${pce} → ${pceText(shown.lead.pce, locale)}` : pce,
    missing: shown.lead.missing.length,
  };
}

export const stepsWithoutTimes = (n: number) => `${n} step${n === 1 ? '' : 's'} without times`;
