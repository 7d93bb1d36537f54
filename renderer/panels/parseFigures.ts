import { minorDigits, parseAmount, toDecimal } from '../../shared/model/money';

// What a person types into the inspector, turned into stored figures or a message.
type Parsed = { ok: true; value: number | null } | { ok: false; error: string };

export function parseCount(text: string): Parsed {
  const t = text.trim().replace(/[,\s]/g, '');
  if (t === '') return { ok: true, value: null };
  if (!/^\d+$/.test(t)) return { ok: false, error: /^-/.test(t) ? 'Must not be negative.' : 'Enter a whole number, e.g. 40000.' };
  const v = Number(t);
  return v <= 1e12 ? { ok: true, value: v } : { ok: false, error: 'That is more than a trillion.' };
}

export function parseMoney(currency: string) {
  const digits = minorDigits(currency);
  return (text: string): Parsed => {
    if (text.trim() === '') return { ok: true, value: null };
    if (/^\s*-/.test(text)) return { ok: false, error: 'Must not be negative.' };
    const v = parseAmount(text, digits);
    return v === null ? { ok: false, error: `Enter an amount in ${currency}, e.g. ${digits ? '6.00' : '600'}.` } : { ok: true, value: v };
  };
}

export function formatMoneyInput(currency: string) {
  const digits = minorDigits(currency);
  return (v: number) => toDecimal(BigInt(v), digits);
}

export function parseMinutes(text: string): Parsed {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (/^-/.test(t)) return { ok: false, error: 'Must not be negative.' };
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(t)) return { ok: false, error: 'Enter minutes, e.g. 7.5 (at most 2 decimals).' };
  return { ok: true, value: Number(t) };
}
