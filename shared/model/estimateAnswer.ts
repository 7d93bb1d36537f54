import { durationAsText, parseDuration } from './duration.js';
import { rangedFieldLabel } from './range.js';
import { formatMoney, minorDigits, minorUnits } from './money.js';
import { formatFigure, parseFigure, rangeParts } from './parseFigure.js';
import type { RangedField } from './range.js';
import { durationMinutesSchema, minutesSchema, volumeSchema } from './step.js';

/**
 * An answer to an estimate as a person types it — "45 min", "1,5 h" on a de-DE board, "30k",
 * "$12.50" — read into the field's stored unit with the same readers the details panel uses
 * (parseFigure.ts, duration.ts), then checked against the step's own schema for the field. The
 * renderer reads it to answer at once; the host reads it again, in the board's format, before
 * it keeps it. Every refusal is one line that names the field.
 */

export interface BoardFormat {
  locale: string;
  currency: string;
}

export type ParsedAnswer = { ok: true; value: number } | { ok: false; error: string };

const money = new Set<RangedField>(['unitCents', 'rateCents', 'fixedCents']);
const durations = new Set<RangedField>(['waitMinutes', 'processMinutes']);
const schemaOf = {
  volume: volumeSchema,
  unitCents: minorUnits,
  rateCents: minorUnits,
  fixedCents: minorUnits,
  minutes: minutesSchema,
  waitMinutes: durationMinutesSchema,
  processMinutes: durationMinutesSchema,
};

export function parseAnswer(field: RangedField, text: string, { locale, currency }: BoardFormat): ParsedAnswer {
  const label = rangedFieldLabel[field];
  const t = text.trim();
  if (t === '') return { ok: false, error: `${label}: type your estimate first.` };
  // One person, one figure: the room's answers make the range.
  if (rangeParts(t)) return { ok: false, error: `${label}: one figure, not a range (“${t.length > 24 ? `${t.slice(0, 23)}…` : t}”); the room’s answers make the range.` };
  let value: number;
  if (field === 'minutes' || durations.has(field)) {
    // Minutes of work take a bare number as minutes ("45"); a wait or a process time needs its unit, as in the details.
    const r = parseDuration(t, { label, locale, defaultUnit: field === 'minutes' ? 'minutes' : undefined });
    if (!r.ok) return r;
    value = r.duration!.minutes;
  } else {
    const isMoney = money.has(field);
    const r = parseFigure(t, { label, locale, decimals: isMoney ? minorDigits(currency) : 0, max: isMoney ? 10n ** 13n : 10n ** 12n, currency: isMoney ? currency : undefined });
    if (!r.ok) return r;
    value = Number(r.scaled);
  }
  const checked = schemaOf[field].safeParse(value);
  if (!checked.success) return { ok: false, error: `${label}: ${checked.error.issues[0]?.message ?? 'not a figure this field takes'} (“${t}”).` };
  return { ok: true, value };
}

/** A value of the field as the room reads it: "$1,234.50", "12,000", "1 h 30 min". */
export function formatAnswer(field: RangedField, value: number, { locale, currency }: BoardFormat): string {
  if (money.has(field)) return formatMoney(BigInt(Math.round(value)), currency, locale);
  if (field === 'volume') return formatFigure(BigInt(Math.round(value)), { locale, decimals: 0 });
  return durationAsText(value, locale);
}
