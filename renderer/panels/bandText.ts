import type { Period } from '../../shared/model/money';
import { minorDigits } from '../../shared/model/money';
import type { Band } from '../../shared/model/simulate';

/**
 * A simulated figure as people say it: "$1.2M–$1.7M a year (likely $1.48M)", "saves $420K–$910K
 * a year (likely $600K)". The range is P10–P90, the likely figure the P50; the ends are given to
 * two significant digits, the likely figure to three: a range says how sure we are, not cents.
 */
const perPeriod: Record<Period, string> = { month: 'a month', year: 'a year' };

/** The hover text of a band: what its figures are. */
export const bandTitle = (iterations: number) =>
  `Simulated from the board's ranges: 8 in 10 of ${iterations.toLocaleString('en-US')} draws fall in this range; the likely figure is the middle one (P10–P90, P50; Beta-PERT)`;

/** Whether a band says more than one figure: a board whose ranges do not reach this total shows it exact. */
export const isSpread = (b: Band) => b.p10 !== b.p90;

function money(minor: number, currency: string, locale: string, digits: 2 | 3): string {
  const major = minor / 10 ** minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: digits }).format(major);
}

/** A band in words: the range and the likely figure apart, so the big screen can set the likely figure under the range. */
export interface BandWords {
  /** "$1.2M–$1.7M a year" */
  range: string;
  /** "(likely $1.48M)"; '' when the range's ends read the same ("about $600K a year") */
  likely: string;
}

/** "$1.2M–$1.7M a year (likely $1.48M)" */
export function totalBandWords(b: Band, currency: string, locale: string, period: Period): BandWords {
  const low = money(b.p10, currency, locale, 2);
  const high = money(b.p90, currency, locale, 2);
  const likely = money(b.p50, currency, locale, 3);
  return low === high ? { range: `about ${likely} ${perPeriod[period]}`, likely: '' } : { range: `${low}–${high} ${perPeriod[period]}`, likely: `(likely ${likely})` };
}

/** "saves $420K–$910K a year (likely $600K)"; "costs … more" when nearly every draw costs more; "saves −$50K to $120K" when some do. */
export function savingBandWords(b: Band, currency: string, locale: string, period: Period): BandWords {
  if (b.p90 < 0) {
    const w = totalBandWords({ p10: -b.p90, p50: -b.p50, p90: -b.p10 }, currency, locale, period);
    return { range: `costs ${w.range.replace(perPeriod[period], `more ${perPeriod[period]}`)}`, likely: w.likely };
  }
  if (b.p10 < 0) return { range: `saves ${money(b.p10, currency, locale, 2)} to ${money(b.p90, currency, locale, 2)} ${perPeriod[period]}`, likely: `(likely ${money(b.p50, currency, locale, 3)})` };
  const w = totalBandWords(b, currency, locale, period);
  return { range: `saves ${w.range}`, likely: w.likely };
}
