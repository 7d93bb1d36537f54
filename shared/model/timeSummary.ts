import { durationAsText } from './duration.js';
import type { LeadTime, StepTime } from './leadTime.js';
import { minorDigits, toDecimal } from './money.js';
import type { ReworkRollup } from './rework.js';

/**
 * The time figures as the command line prints them (`brownpaper cost <id> --json`, `time`) and
 * the dashboard reads them: plain JSON, exact where money is (a decimal string), hours for
 * machines and text for people.
 */
export interface TimeSummary {
  /** the map's lead time in hours, up to 2 decimals */
  leadTimeHours: number;
  /** the same, for reading: "31 days", "5 h 30 min" */
  leadTime: string;
  /** process cycle efficiency, 0…1 rounded to 4 decimals; null when the lead time is 0 */
  pce: number | null;
  /** the cost of rework per period, exact decimal string in the board's currency ("400000.00") */
  reworkCost: string;
  /** steps without times (the lead time is then "at least") */
  missing: string[];
  /** loops back for rework, left out of the lead time */
  cycles: string[][];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function timeSummary(time: LeadTime, rework: ReworkRollup, { currency, locale }: { currency: string; locale: string }): TimeSummary {
  return {
    leadTimeHours: round(time.leadMinutes / 60, 2),
    leadTime: durationAsText(time.leadMinutes, locale),
    pce: time.pce === null ? null : round(time.pce, 4),
    reworkCost: toDecimal(rework.total, minorDigits(currency)),
    missing: time.missing,
    cycles: time.cycles,
  };
}

/** Hours a scenario saves on the lead time (positive = faster), up to 2 decimals. */
export function leadTimeHoursSaved(asIs: LeadTime, toBe: LeadTime): number {
  return round((asIs.leadMinutes - toBe.leadMinutes) / 60, 2);
}

/** The longest waits, longest first (ties in board order), for the dashboard; steps without a wait are left out. */
export function longestWaits(steps: readonly StepTime[], count: number): { id: string; waitMinutes: number }[] {
  return steps
    .filter((s): s is StepTime & { waitMinutes: number } => !s.removed && s.waitMinutes !== null && s.waitMinutes > 0)
    .map((s, i) => ({ id: s.id, waitMinutes: s.waitMinutes, i }))
    .sort((a, b) => b.waitMinutes - a.waitMinutes || a.i - b.i)
    .slice(0, count)
    .map(({ id, waitMinutes }) => ({ id, waitMinutes }));
}
