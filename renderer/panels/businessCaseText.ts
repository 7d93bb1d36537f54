import { parseFigure } from '../../shared/model/parseFigure';
import type { Figure } from '../../shared/figureText/parseFigures';
import { minorDigits } from '../../shared/model/money';
import type { PaybackBand } from '../../shared/model/caseBands';
import type { Band } from '../../shared/model/simulate';

/** A payback as people say it: "3.1 months", "1 month", "at once" (nothing to pay back), "never pays back". */
export function paybackText(months: number | null, locale: string): string {
  if (months === null) return 'never pays back';
  if (months === 0) return 'at once';
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(months);
  return `${n} ${months === 1 ? 'month' : 'months'}`;
}

/** A yearly rate as people read it: "8 %", "7.5 %" (the board's decimal sign). */
export function rateText(rate: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Math.round(rate * 10_000) / 100)} %`;
}

/** ROI over 3 years as a percentage: "1,052 %"; a dash without an investment. */
export function roiText(roi: number | null, locale: string): string {
  return roi === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(roi);
}

/**
 * The discount rate as typed: "8", "8 %", "7,5 %" on a de-DE board, stored as a share (0.08).
 * 0 to 100 %, at most 2 decimals of a percent; empty is refused (a board always has a rate).
 */
export function rateFigure(label: string, locale: string): Figure {
  return {
    format: (v) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(Math.round(v * 10_000) / 100),
    parse(text) {
      const t = text.normalize('NFKC').trim().replace(/\s*%$/, '');
      if (t === '') return { ok: false, error: `${label}: give a yearly rate from 0 to 100 %.` };
      const r = parseFigure(t, { label, locale, decimals: 2, max: 10n ** 6n });
      if (!r.ok) return r;
      const scaled = r.scaled ?? 0n;
      if (scaled > 10_000n) return { ok: false, error: `${label}: ${text.trim()} is more than 100 %; a yearly rate is 0 to 100 %.` };
      return { ok: true, value: Number(scaled) / 10_000 };
    },
  };
}

/** Months until the full saving, up to 10 years, 1 decimal ("6", "1.5"); empty: at once. */
export function monthsFigure(label: string, locale: string): Figure {
  return {
    format: (v) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false }).format(v),
    parse(text) {
      const t = text
        .normalize('NFKC')
        .trim()
        .replace(/\s*(months?|mo)$/i, '');
      const r = parseFigure(t, { label, locale, decimals: 1, max: 1200n });
      return r.ok ? { ok: true, value: r.scaled === null ? null : Number(r.scaled) / 10 } : r;
    },
  };
}

/** A payback's spread where figures are ranges: "2.6–4.1 months", "3.1 months – never" (P10–P90). */
export function paybackBandText(b: PaybackBand, locale: string): string {
  const n = (m: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(m);
  if (b.p10 === null) return 'never pays back';
  if (b.p90 === null) return `${n(b.p10)} months – never`;
  return b.p10 === b.p90 ? paybackText(b.p10, locale) : `${n(b.p10)}–${n(b.p90)} months`;
}

/** A money band as a spread: "$1.55M–$1.61M" (P10–P90, three significant digits so a narrow spread still shows two ends), from minor units. */
export function moneyBandText(b: Band, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const f = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 });
  const lo = f.format(b.p10 / 10 ** digits);
  const hi = f.format(b.p90 / 10 ** digits);
  return lo === hi ? lo : `${lo}–${hi}`;
}
