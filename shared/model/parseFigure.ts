/**
 * A figure as a person types or pastes it ("1.234,50 €", "12 000", "$6", "7,5"), read in the
 * board's number format (meta.locale), into an exact scaled integer — or a one-line message
 * that names the field and says what is wrong. Every figure field and every test goes through
 * this one function, so what the inspector takes is what the unit tests check.
 *
 * Ambiguity is refused, never guessed: on an en-US board "1,5" and on a de-DE board "12.50" or
 * "100,000" could each mean two very different amounts, so the message says how this board
 * writes numbers instead of storing a figure a hundred or a thousand times off.
 */

import { numberFormat } from './numberFormat.js';

export interface FigureRules {
  /** the field as the person reads it ("Unit cost"): every message starts with it */
  label: string;
  /** the board's number format, e.g. "de-DE" */
  locale: string;
  /** digits after the decimal sign: 0 for counts, 2 for minutes, the currency's for money */
  decimals: number;
  /** the largest figure taken, scaled by 10^decimals */
  max: bigint;
  /** for money: the board's currency, whose signs may be pasted along ("$", "€", "EUR") */
  currency?: string;
  /** inside a "30k": the digits already carry this many extra places (no second suffix) */
  scaledBy?: number;
}

export type ParsedFigure = { ok: true; scaled: bigint | null } | { ok: false; error: string };

/** What a number looks like in a locale: its decimal sign, grouping sign and group sizes. */
interface NumberShape {
  locale: string;
  decimal: string;
  group: string;
  /** digits in the groups left of the last one: 3, or 2 in Indian grouping (12,34,567) */
  secondary: number;
}

const shapes = new Map<string, NumberShape>();

function shapeOf(locale: string): NumberShape {
  let s = shapes.get(locale);
  if (!s) {
    const parts = numberFormat(locale).formatToParts(1234567.5);
    const ints = parts.filter((p) => p.type === 'integer');
    s = {
      locale: numberFormat(locale).resolvedOptions().locale,
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      // NFKC: the narrow and plain no-break spaces of fr-FR and sv-SE become a plain space, as typed
      group: (parts.find((p) => p.type === 'group')?.value ?? ',').normalize('NFKC'),
      secondary: ints.length > 2 ? ints[1].value.length : 3,
    };
    shapes.set(locale, s);
  }
  return s;
}

/** The figure written as this board writes numbers: grouped, with the locale's decimal sign. */
export function formatFigure(scaled: bigint, { locale, decimals, allDecimals = false }: { locale: string; decimals: number; allDecimals?: boolean }): string {
  const neg = scaled < 0n;
  const abs = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const plain = decimals ? `${abs.slice(0, -decimals)}.${abs.slice(-decimals)}` : abs;
  // A decimal string keeps every digit (Intl formats strings exactly, never through a double).
  return numberFormat(locale, { minimumFractionDigits: allDecimals ? decimals : 0, maximumFractionDigits: decimals }).format(`${neg ? '-' : ''}${plain}` as unknown as number);
}

/** How this board writes an example figure, for messages: "1.234,50", "40 000", "7,5". */
function example(rules: FigureRules): string {
  const { locale, decimals } = rules;
  if (rules.currency) return formatFigure(decimals === 0 ? 1234n : 12345n * 10n ** BigInt(decimals - 1), { locale, decimals, allDecimals: true });
  if (decimals === 0) return formatFigure(40_000n, rules);
  return formatFigure(75n * 10n ** BigInt(decimals - 1), rules);
}

/** Each board's currency signs, worked out once: a pasted block of 500 amounts asked Intl 2,000 times. */
const signsOf = new Map<string, string[]>();

/** The signs of the board's currency a person may paste along with an amount, longest first. */
function currencySigns(currency: string, locale: string): string[] {
  const key = `${currency} ${locale}`;
  let known = signsOf.get(key);
  if (!known) signsOf.set(key, (known = signsFor(currency, locale)));
  return known;
}

function signsFor(currency: string, locale: string): string[] {
  const signs = new Set([currency]);
  for (const l of [locale, 'en'])
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      const sign = numberFormat(l, { style: 'currency', currency, currencyDisplay })
        .formatToParts(1)
        .find((p) => p.type === 'currency')?.value;
      if (sign) signs.add(sign.normalize('NFKC'));
    }
  return [...signs].sort((a, b) => b.length - a.length);
}

const minus = /^[-\u2212\u2010\u2011\u2012\u2013\u2014]/;
const minusAtEnd = /[-\u2212\u2010\u2011\u2012\u2013\u2014]$/;

/** Quote what was typed in a message, cut short if long. */
function quoted(text: string): string {
  const t = text.trim();
  return `“${t.length > 24 ? `${t.slice(0, 23)}…` : t}”`;
}

export function parseFigure(text: string, rules: FigureRules): ParsedFigure {
  const { label, decimals, currency } = rules;
  const shape = shapeOf(rules.locale);
  const fail = (error: string): ParsedFigure => ({ ok: false, error });
  const notANumber = () => fail(`${label}: ${quoted(text)} is not a number; write it like ${example(rules)}.`);
  const otherSeparators = () => fail(`${label}: ${quoted(text)} is ambiguous; on this board (${shape.locale}) the decimal sign is “${shape.decimal}”, so write it like ${example(rules)}.`);

  // NFKC folds full-width digits and every kind of no-break space into what a keyboard types.
  let t = text.normalize('NFKC').trim();
  if (t === '') return { ok: true, scaled: null };

  // Peel signs off both ends: a minus (before or after a currency sign), accounting brackets,
  // a plus, and the board's own currency.
  const signs = currency ? currencySigns(currency, rules.locale) : [];
  let negative = false;
  let before: string;
  do {
    before = t;
    // "45,-" (German, Swiss "45.–"): a whole amount, its dash in the place of the cents, not a minus.
    if (currency && t.length > 2 && t[t.length - 2] === shape.decimal && /\d/.test(t[t.length - 3]) && minusAtEnd.test(t)) t = t.slice(0, -2);
    else if (minus.test(t)) ((negative = true), (t = t.slice(1)));
    else if (minusAtEnd.test(t)) ((negative = true), (t = t.slice(0, -1)));
    else if (t.startsWith('(') && t.endsWith(')')) ((negative = true), (t = t.slice(1, -1)));
    else if (t.startsWith('+')) t = t.slice(1);
    else {
      const lower = t.toLowerCase();
      const head = signs.find((s) => lower.startsWith(s.toLowerCase()));
      const tail = signs.find((s) => lower.endsWith(s.toLowerCase()));
      if (head) t = t.slice(head.length);
      else if (tail) t = t.slice(0, -tail.length);
    }
    t = t.trim();
  } while (t && t !== before);
  // A dash alone ("-", "–", "—", with the currency or not) is zero: Excel's accounting format
  // shows a zero so, and copies it so (" -   € "), and a German table writes "–" for "nothing".
  if (t === '' && negative && !text.includes('(')) return { ok: true, scaled: 0n };

  // "30k", "1,5 Mio": thousands and millions as people say them in a workshop. The figure before
  // the suffix is read with 3 (6) more decimals, so "1.5k" is exactly 1,500.
  const suffix = /^(.*\d)\s*(k|K|M|Mio\.?|Tsd\.?)$/u.exec(t);
  if (suffix && !rules.scaledBy) {
    const places = /^(k|K|Tsd\.?)$/.test(suffix[2]) ? 3 : 6;
    const r = parseFigure(suffix[1], { ...rules, decimals: decimals + places, max: rules.max * 10n ** BigInt(places), scaledBy: places });
    if (!r.ok || r.scaled === null) return r.ok ? notANumber() : r;
    return negative && r.scaled > 0n ? fail(`${label} cannot be negative (${quoted(text)}).`) : r;
  }

  if (!/^[0-9.,'’ ]+$/.test(t)) {
    if (currency) {
      const foreign = /\p{Sc}/u.exec(t)?.[0] ?? /^[A-Za-z]{3}\b|\b[A-Za-z]{3}$/.exec(t)?.[0];
      // The board's own sign beside something else ("60 €/h" in a unit cost) is no other currency.
      const own = foreign && signs.some((s) => s.toLowerCase() === foreign.toLowerCase());
      if (foreign && !own && (/\p{Sc}/u.test(foreign) || Intl.supportedValuesOf('currency').includes(foreign.toUpperCase()))) {
        return fail(`${label}: this board counts in ${currency}, not ${quoted(foreign)}.`);
      }
    }
    return notANumber();
  }

  // Split at the decimal sign; everything else that separates digits must be thousands grouping.
  const parts = t.split(shape.decimal);
  if (parts.length > 2) return otherSeparators();
  const [whole, fraction = ''] = parts;
  if (!/^\d*$/.test(fraction)) return otherSeparators();
  if (whole === '' && fraction === '') return notANumber();

  const separators = [...new Set(whole.match(/[^0-9]/g) ?? [])];
  const digits = whole.replace(/[^0-9]/g, '');
  if (separators.length > 0) {
    const groups = whole.split(/[^0-9]/);
    // 1,234,567 everywhere; 12,34,567 too where numbers are grouped that way (en-IN).
    const sized = groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : i === groups.length - 1 ? g.length === 3 : g.length === 3 || g.length === shape.secondary));
    // "1.5" on a de-DE board, "1,5" on an en-US one: a decimal in the other convention.
    const looksDecimal = separators.some((s) => s === '.' || s === ',');
    if (separators.length > 1 || !sized) return looksDecimal ? otherSeparators() : notANumber();
  }

  if (fraction.length > decimals) {
    // "100,000" on a de-DE board, "6.000" on an en-US one: a thousands group written the other way.
    if (fraction.length === 3 && separators.length === 0) return otherSeparators();
    if (decimals === 0) return fail(`${label} is a count: a whole number, like ${example(rules)}.`);
    return fail(`${label}: ${quoted(text)} has more than ${decimals} decimal${decimals === 1 ? '' : 's'}.`);
  }

  if (digits.length > 30) return fail(`${label}: ${quoted(text)} is far more than this board takes; check the figure.`);
  const scaled = BigInt(digits || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (negative && scaled > 0n) return fail(`${label} cannot be negative (${quoted(text)}).`);
  if (scaled > rules.max) {
    return fail(`${label}: ${formatFigure(scaled, rules)} is more than this board takes (at most ${formatFigure(rules.max, rules)}); check the figure.`);
  }
  return { ok: true, scaled };
}

/**
 * A typed range: "4-8", "4–8", "30k–50k", "$4-$8", "1.000–2.000" on de-DE, "4 to 8"; or three
 * figures low / likely / high ("30k / 40k / 50k"). Returns the texts of its figures, or null
 * when the text is one figure. A dash only splits after a digit or a letter (the "k" of "30k",
 * a unit), so "-5" stays one (negative) figure and is refused as negative, never read as a range.
 */
export function rangeParts(text: string): string[] | null {
  const t = text.normalize('NFKC').trim();
  if (t.includes('/')) {
    const parts = t.split('/').map((p) => p.trim());
    return parts.length === 3 ? parts : null;
  }
  const m = /(?<=[\d\p{L}.])\s*(?:[-\u2212\u2010-\u2014]|\s(?:to|bis)\s)\s*(?=\S)/iu.exec(t);
  if (!m || m.index === 0) return null;
  return [t.slice(0, m.index).trim(), t.slice(m.index + m[0].length).trim()];
}

/** A figure typed as a range, as scaled integers; a single figure has low = likely = high. */
interface ScaledRange {
  low: bigint;
  likely: bigint;
  high: bigint;
}

export type ParsedRange = { ok: true; range: ScaledRange | null } | { ok: false; error: string };

/** The middle of two scaled figures, rounded half up to the field's precision. */
const midpoint = (low: bigint, high: bigint): bigint => (low + high + 1n) / 2n;

/** The words for a range that is not one (range.ts's rangeProblem), for scaled figures. */
export function scaledRangeProblem(low: bigint, likely: bigint, high: bigint): string | null {
  if (low > high) return 'the low is above the high';
  if (likely < low) return 'the likely figure is below the low';
  if (likely > high) return 'the likely figure is above the high';
  return null;
}

/**
 * Read a figure that may be a range (rangeParts). Two figures: the likely one is their midpoint,
 * rounded to the field's precision. Three: low, likely, high as given. Every figure is read by
 * parseFigure, so each is refused exactly as a single one would be; a low above its high (or a
 * likely figure outside them) is refused with the field's name.
 */
export function parseFigureRange(text: string, rules: FigureRules): ParsedRange {
  const parts = rangeParts(text);
  if (!parts) {
    const r = parseFigure(text, rules);
    return r.ok ? { ok: true, range: r.scaled === null ? null : { low: r.scaled, likely: r.scaled, high: r.scaled } } : r;
  }
  const read: bigint[] = [];
  for (const p of parts) {
    const r = parseFigure(p, rules);
    if (!r.ok) return r;
    if (r.scaled === null) return { ok: false, error: `${rules.label}: ${quoted(text)} is not a range; write it as low–high (4–8) or low / likely / high.` };
    read.push(r.scaled);
  }
  const [low, likely, high] = read.length === 3 ? read : [read[0], midpoint(read[0], read[1]), read[1]];
  const problem = scaledRangeProblem(low, likely, high);
  if (problem) return { ok: false, error: `${rules.label}: ${problem} (${quoted(text)}).` };
  return { ok: true, range: { low, likely, high } };
}
