import { minorDigits } from '../model/money.js';
import { formatFigure, parseFigureRange, type ParsedRange } from '../model/parseFigure.js';
import { parseWorkMinutes } from '../model/workMinutes.js';

/**
 * The inspector's three kinds of figure — a count, an amount of money, minutes — in the board's
 * number format: how a stored value is shown in its field, and what a typed text stores.
 * The reading itself is shared/model/parseFigure.ts; this only scales to what the doc holds.
 */
export interface Figure<T = number> {
  format(v: T): string;
  parse(text: string): { ok: true; value: T | null } | { ok: false; error: string };
}

/** A figure that may be a range: the likely value is the field itself, its ends null when it is one figure. */
export interface Ranged {
  likely: number;
  low: number | null;
  high: number | null;
}

/** How one kind of figure is read, stored and shown. */
interface Kind {
  label: string;
  locale: string;
  decimals: number;
  max: bigint;
  toStored(scaled: bigint): number;
  toScaled(v: number): bigint;
  currency?: string;
  allDecimals?: boolean;
  /** how its text is read, when not as a plain figure (minutes of work take a unit: workMinutes.ts) */
  read?: (text: string) => ParsedRange;
}

/**
 * A kind of figure typed as one figure or a range ("4–8", "30k–50k", "30k / 40k / 50k"), shown back as
 * low–high when the likely figure is their midpoint (as typed), else as low / likely / high.
 */
function ranged(k: Kind): Figure<Ranged> {
  const { label, locale, decimals, max, currency, allDecimals = false } = k;
  const show = (v: number) => formatFigure(k.toScaled(v), { locale, decimals, allDecimals });
  return {
    format({ likely, low, high }) {
      if (low === null || high === null || low === high) return show(likely);
      const [l, m, h] = [k.toScaled(low), k.toScaled(likely), k.toScaled(high)];
      return (l + h + 1n) / 2n === m ? `${show(low)}–${show(high)}` : `${show(low)} / ${show(likely)} / ${show(high)}`;
    },
    parse(text) {
      const r = k.read ? k.read(text) : parseFigureRange(text, { label, locale, decimals, max, currency });
      if (!r.ok) return r;
      if (!r.range) return { ok: true, value: null };
      const one = r.range.low === r.range.high;
      return { ok: true, value: { likely: k.toStored(r.range.likely), low: one ? null : k.toStored(r.range.low), high: one ? null : k.toStored(r.range.high) } };
    },
  };
}

const count = (label: string, locale: string): Kind => ({ label, locale, decimals: 0, max: 10n ** 12n, toStored: Number, toScaled: BigInt });
const money = (label: string, locale: string, currency: string): Kind => ({
  label,
  locale,
  decimals: minorDigits(currency),
  max: 10n ** 13n,
  toStored: Number,
  toScaled: BigInt,
  currency,
  allDecimals: true,
});
const minutes = (label: string, locale: string): Kind => ({
  label,
  locale,
  decimals: 2,
  max: 10n ** 8n,
  toStored: (scaled) => Number(scaled) / 100,
  toScaled: (v) => BigInt(Math.round(v * 100)),
  read: (text) => parseWorkMinutes(text, { label, locale, max: 10n ** 8n }),
});

/** "/h", "/Std.", "pro Stunde", "per hour" after an hourly rate ("60 €/h"): the column's own unit. */
const perHour = /\s*(?:\/\s*(?:h|hr|hour|std\.?|stunde)|(?:per|an|pro|je)\s+(?:hour|stunde|std\.?))$/iu;

/**
 * Occurrences per period (whole numbers up to a trillion, the step schema's limit), an amount in
 * the board's currency (minor units, up to 10^13), minutes of work (up to 2 decimals, stored as
 * 7.5; typed with a unit or without, "6 min", "0,5 h"): each typed as one figure or a range.
 */
export const rangedCount = (label: string, locale: string): Figure<Ranged> => ranged(count(label, locale));
export const rangedMoney = (label: string, locale: string, currency: string): Figure<Ranged> => ranged(money(label, locale, currency));
export const rangedMinutes = (label: string, locale: string): Figure<Ranged> => ranged(minutes(label, locale));
/** An hourly rate: money, read with or without its unit after it ("60 €/h", "60 € pro Stunde"). */
export function rangedRate(label: string, locale: string, currency: string): Figure<Ranged> {
  const k = money(label, locale, currency);
  return ranged({ ...k, read: (text) => parseFigureRange(text.replace(perHour, ''), { label, locale, decimals: k.decimals, max: k.max, currency }) });
}
