import { formatDuration, formatDurationRange, minutesPer, parseDuration, parseDurationRange, type Duration, type DurationUnit } from '../model/duration.js';
import { rangeParts } from '../model/parseFigure.js';
import { numberFormat } from '../model/numberFormat.js';
import { parseFirstTimeRight } from '../model/rework.js';
import type { Figure, Ranged } from './parseFigures.js';

/**
 * The details panel's time figures, read and shown in the board's number format: a duration
 * typed with its unit ("3 days", "1,5 Tage" on de-DE), and first time right as a percentage.
 * The reading is shared/model (duration.ts, rework.ts); this only fits it to a field.
 */

/** A wait or process time that may be a range, in minutes, with the unit it was typed in. */
export interface RangedDuration extends Ranged {
  unit: DurationUnit;
}

/** A step's own wait or process time, typed as one duration or a range ("4-8 min", "2–3 days"). */
export function rangedDurationFigure(label: string, locale: string): Figure<RangedDuration> {
  return {
    format: (d) => formatDurationRange({ likely: d.likely, low: d.low ?? d.likely, high: d.high ?? d.likely }, d.unit, locale),
    parse(text) {
      const r = parseDurationRange(text, { label, locale });
      if (!r.ok) return r;
      if (!r.range) return { ok: true, value: null };
      const one = r.range.low === r.range.high;
      return { ok: true, value: { likely: r.range.likely, low: one ? null : r.range.low, high: one ? null : r.range.high, unit: r.range.unit } };
    },
  };
}

/** A scenario's wait or process time as a range: minutes alone, shown in the unit unitToShow picks. */
export function scenarioRangedDurationFigure(label: string, locale: string, preferred: DurationUnit): Figure<Ranged> {
  const typed = rangedDurationFigure(label, locale);
  return {
    format: (d) => {
      // the unit the low end reads in plainly: "30–90 min", not "0.5–1.5 h" on a step typed in hours
      const unit = unitToShow(d.low ?? d.likely, preferred);
      return formatDurationRange({ likely: d.likely, low: d.low ?? d.likely, high: d.high ?? d.likely }, unit, locale);
    },
    parse(text) {
      const r = typed.parse(text);
      return r.ok ? { ok: true, value: r.value && { likely: r.value.likely, low: r.value.low, high: r.value.high } } : r;
    },
  };
}

/** A step's own wait or process time: stored as minutes with the unit it was typed in. */
export function durationFigure(label: string, locale: string): Figure<Duration> {
  return {
    format: (d) => formatDuration(d.minutes, d.unit, locale),
    parse(text) {
      const r = parseDuration(text, { label, locale });
      return r.ok ? { ok: true, value: r.duration } : r;
    },
  };
}

/**
 * The unit a scenario's duration is shown in. A scenario keeps only the minutes, so it is shown
 * in the step's own unit when that reads exactly (2 decimals at most), else in the largest unit
 * that does: "2 h" stays "2 h" on a step whose wait is in days, and is not shown as "0.08 days".
 */
export function unitToShow(minutes: number, preferred: DurationUnit): DurationUnit {
  const exact = (u: DurationUnit) => {
    const v = (minutes / minutesPer[u]) * 100;
    return Math.abs(v - Math.round(v)) < 1e-6 && minutes >= minutesPer[u] / 10;
  };
  if (exact(preferred)) return preferred;
  return (['weeks', 'days', 'hours'] as const).find((u) => minutes >= minutesPer[u] && exact(u)) ?? 'minutes';
}

/** A scenario's wait or process time: stored as minutes alone, shown in the unit unitToShow picks. */
export function scenarioDurationFigure(label: string, locale: string, preferred: DurationUnit): Figure<number> {
  return {
    format: (m) => formatDuration(m, unitToShow(m, preferred), locale),
    parse(text) {
      const r = parseDuration(text, { label, locale });
      return r.ok ? { ok: true, value: r.duration?.minutes ?? null } : r;
    },
  };
}

/** First time right, a share (0.8) typed and shown as a percentage ("80 %", "92,5 %" on de-DE). */
export function shareFigure(label: string, locale: string): Figure<number> {
  const number = numberFormat(locale, { maximumFractionDigits: 2 });
  return {
    format: (f) => `${number.format(Math.round(f * 1e6) / 1e4)} %`,
    parse(text) {
      // A share is one figure: "80–90 %" is refused by name rather than read as something else.
      if (rangeParts(text)) return { ok: false, error: `${label} takes one figure, not a range (“${text.trim()}”).` };
      const r = parseFirstTimeRight(text, { label, locale });
      return r.ok ? { ok: true, value: r.firstTimeRight } : r;
    },
  };
}
