import { minorDigits } from '../../shared/model/money';
import { formatFigure, parseFigure } from '../../shared/model/parseFigure';

/**
 * The inspector's three kinds of figure — a count, an amount of money, minutes — in the board's
 * number format: how a stored value is shown in its field, and what a typed text stores.
 * The reading itself is shared/model/parseFigure.ts; this only scales to what the doc holds.
 */
export interface Figure<T = number> {
  format(v: T): string;
  parse(text: string): { ok: true; value: T | null } | { ok: false; error: string };
}

function figure(label: string, locale: string, decimals: number, max: bigint, toStored: (scaled: bigint) => number, toScaled: (v: number) => bigint, currency?: string, allDecimals = false): Figure {
  return {
    format: (v) => formatFigure(toScaled(v), { locale, decimals, allDecimals }),
    parse(text) {
      const r = parseFigure(text, { label, locale, decimals, max, currency });
      return r.ok ? { ok: true, value: r.scaled === null ? null : toStored(r.scaled) } : r;
    },
  };
}

/** Occurrences per period: whole numbers up to a trillion (the step schema's limit). */
export function countFigure(label: string, locale: string): Figure {
  return figure(label, locale, 0, 10n ** 12n, Number, BigInt);
}

/** An amount in the board's currency, stored in minor units (cents), up to the schema's 10^13. */
export function moneyFigure(label: string, locale: string, currency: string): Figure {
  return figure(label, locale, minorDigits(currency), 10n ** 13n, Number, BigInt, currency, true);
}

/** Minutes of work, up to 2 decimals (stored as 7.5), up to the schema's million minutes. */
export function minutesFigure(label: string, locale: string): Figure {
  return figure(
    label,
    locale,
    2,
    10n ** 8n,
    (scaled) => Number(scaled) / 100,
    (v) => BigInt(Math.round(v * 100)),
  );
}
