import { z } from 'zod';
import { numberFormat } from './numberFormat.js';

// Money is integer minor units (cents for USD/EUR, yen for JPY) held as bigint in sums, so
// totals are exact: 100,000 × $6.00 is 600000.00 and 1,000 × $0.10 is 100.00, never
// 99.99999. Stored per field as a safe integer (number) in the document.

/** One stored amount: whole minor units, 0 … 10^13 (a hundred billion dollars per item is plenty). */
export const minorUnits = z.number().int().min(0).max(1e13);

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code like USD');
export const periodSchema = z.enum(['month', 'year']);
export type Period = z.infer<typeof periodSchema>;

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY). */
export function minorDigits(currency: string): number {
  let d = digitsOf.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsOf.set(currency, d);
  }
  return d;
}
const digitsOf = new Map<string, number>();

/** Exact decimal string of an amount in minor units: 60000000n → "600000.00". */
export function toDecimal(minor: bigint, digits = 2): string {
  const neg = minor < 0n;
  const abs = neg ? -minor : minor;
  if (digits === 0) return `${neg ? '-' : ''}${abs}`;
  const s = abs.toString().padStart(digits + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Rounded half away from zero: a / b for bigints. */
export function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  return 2n * (r < 0n ? -r : r) >= b ? q + (a < 0n ? -1n : 1n) : q;
}

/** "$1,476,000.00" in the session's locale. */
export function formatMoney(minor: bigint, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(toDecimal(minor, digits) as unknown as number);
}

/** "$600K" — for badges, where a glance is what counts. */
export function formatCompact(minor: bigint, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return numberFormat(locale, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(toDecimal(minor, digits) as unknown as number);
}

export const periodShort: Record<Period, string> = { month: '/mo', year: '/yr' };
