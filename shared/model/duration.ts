import { formatFigure, parseFigure, rangeParts, scaledRangeProblem } from './parseFigure.js';
import { numberFormat } from './numberFormat.js';

/**
 * Durations as people type them on a card: "3 days", "1.5 h", "20 min", "1,5 Tage" on a de-DE
 * board, "5 h 30 min". Stored in one base unit, minutes, with at most 2 decimals, so sums are
 * exact in hundredths of a minute; the unit people typed is kept beside it, so the card shows
 * "3 days" and not "4,320 min".
 *
 * A duration is calendar time: a day is 24 hours and a week 7 days (a wait for the post runs
 * through nights and weekends). Months and years are refused: a month is not one length.
 * Units are read in English and German on every board (de-DE is an offered locale); the
 * number part is read by parseFigure in the board's number format, so "1,5" is one and a half
 * on de-DE and refused as ambiguous on en-US, exactly as money is.
 */

export const durationUnits = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof durationUnits)[number];

export interface Duration {
  /** the length in minutes, at most 2 decimals */
  minutes: number;
  /** the unit it was typed in, to show it back that way */
  unit: DurationUnit;
}

/** Minutes in one of each unit. */
export const minutesPer: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 24 * 60, weeks: 7 * 24 * 60 };

/** The longest duration taken: 10 years of 365 days. Anything longer is a typo. */
export const MAX_DURATION_MINUTES = 10 * 365 * 24 * 60;

/** Every spelling taken, lower case, without a trailing dot: short forms, plurals, German. */
const spellings: Record<string, DurationUnit> = {};
for (const [unit, words] of [
  ['minutes', ['min', 'mins', 'minute', 'minutes', 'minuten']],
  ['hours', ['h', 'hr', 'hrs', 'hour', 'hours', 'std', 'stunde', 'stunden']],
  ['days', ['d', 'day', 'days', 'tag', 'tage', 'tagen']],
  ['weeks', ['w', 'wk', 'wks', 'week', 'weeks', 'wo', 'woche', 'wochen']],
] as const) {
  for (const w of words) spellings[w] = unit;
}
/** Seconds, taken only where a field asks for them (minutes of work: "90 s" is 1.5 min). */
const secondSpellings = new Set(['s', 'sec', 'secs', 'second', 'seconds', 'sek', 'sekunde', 'sekunden']);
/** Seconds in one of each unit (and in a second), to add and order the pieces of "1 min 30 s". */
const secondsPer: Record<DurationUnit | 'seconds', number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400, weeks: 604_800 };
/** Units people reach for that have no one length. */
const unfixed = new Set(['month', 'months', 'monat', 'monate', 'monaten', 'mo', 'year', 'years', 'yr', 'yrs', 'jahr', 'jahre', 'jahren', 'y']);

export interface DurationRules {
  /** the field as the person reads it ("wait"): every message starts with it */
  label: string;
  /** the board's number format, e.g. "de-DE" */
  locale: string;
  /** the unit of a bare number ("3"), when the field offers one; without it a unit is required */
  defaultUnit?: DurationUnit;
  /** seconds are taken too, as fractions of a minute rounded to its hundredths (0.6 s) */
  seconds?: boolean;
}

export type ParsedDuration = { ok: true; duration: Duration | null } | { ok: false; error: string };

const unitList = 'use minutes, hours, days or weeks';
const minus = /^[-\u2212\u2010\u2011\u2012\u2013\u2014]/;

function quoted(text: string): string {
  const t = text.trim();
  return `“${t.length > 24 ? `${t.slice(0, 23)}…` : t}”`;
}

/** Read a typed duration. Empty text is "not given" (null), like an empty cost field. */
export function parseDuration(text: string, rules: DurationRules): ParsedDuration {
  const { label, locale } = rules;
  const fail = (error: string): ParsedDuration => ({ ok: false, error });
  const t = text.normalize('NFKC').trim();
  if (t === '') return { ok: true, duration: null };
  // A field whose bare figure has a unit (minutes of work) is shown an example in that unit.
  const example = rules.defaultUnit ? `${formatFigure(750n, { locale, decimals: 2 })} ${unitLabel[rules.defaultUnit][1]}` : `${formatFigure(150n, { locale, decimals: 2 })} days`;
  const notADuration = () => fail(`${label}: ${quoted(t)} is not a duration; write it like ${example}.`);
  if (minus.test(t)) return fail(`${label} cannot be negative (${quoted(t)}).`);
  const onClock = clock.exec(t);
  if (onClock) return clockDuration(t, onClock, rules);

  // Split into number + unit pieces: "5 h 30 min" is two, "1,5 Tage" one, "3" none.
  const units = rules.seconds ? `use seconds, ${unitList.slice(4)}` : unitList;
  const pieces: { number: string; unit: DurationUnit | 'seconds' }[] = [];
  const words = /\p{L}+\.?/gu;
  let from = 0;
  /** the last piece's figure stood apart from its unit ("0 min", not "0min") */
  let spaced = false;
  for (let m = words.exec(t); m; m = words.exec(t)) {
    const typed = t.slice(from, m.index);
    const number = typed.trim();
    from = m.index + m[0].length;
    const word = m[0].replace(/\.$/, '').toLowerCase();
    const unit = spellings[word] ?? (rules.seconds && secondSpellings.has(word) ? 'seconds' : undefined);
    if (!unit) {
      if (unfixed.has(word)) return fail(`${label}: '${m[0]}' has no one length — ${units} (a month as 4 weeks or 30 days).`);
      if (!/\d/.test(number)) return notADuration();
      return fail(`${label}: unknown unit '${m[0]}' — ${units}.`);
    }
    if (!/\d/.test(number)) return notADuration();
    const last = pieces[pieces.length - 1];
    if (last) {
      // "0 min2 weeks": a field's "0 min" with "2 weeks" typed after it. Written in one go, a
      // duration's parts are all spaced ("1 h 30 min") or all run on ("1h30min"), never a
      // spaced figure whose unit runs into the next figure; and its units go down, each once.
      if (spaced && !/^\s/.test(typed)) return fail(`${label}: ${quoted(t)} runs two durations together; write one, like ${number} ${m[0]}.`);
      if (secondsPer[unit] >= secondsPer[last.unit]) return fail(`${label}: ${quoted(t)} has its units out of order; write each once, the larger first, like 1 h 30 min.`);
    }
    spaced = /\s$/.test(typed);
    pieces.push({ number, unit });
  }
  const rest = t.slice(from).trim();
  if (rest !== '') {
    if (pieces.length > 0 && /\d/.test(rest)) return fail(`${label}: ${quoted(t)} is not a duration: “${rest}” has no unit; write it like 1 h 30 min.`);
    if (pieces.length > 0 || !/\d/.test(rest)) return notADuration();
    if (!rules.defaultUnit) return fail(`${label}: ${quoted(t)} needs a unit, like ${t} days; ${units}.`);
    pieces.push({ number: rest, unit: rules.defaultUnit });
  }

  // Hundredths of a minute: the number read with 2 decimals times whole seconds per unit, over
  // 60 — exact for minutes and up; seconds round to the nearest hundredth of a minute.
  let centiseconds = 0n;
  for (const p of pieces) {
    const r = parseFigure(p.number, { label, locale, decimals: 2, max: 10n ** 15n });
    if (!r.ok) return r;
    centiseconds += (r.scaled ?? 0n) * BigInt(secondsPer[p.unit]);
  }
  const hundredths = (centiseconds + 30n) / 60n;
  if (hundredths === 0n && centiseconds > 0n) return fail(`${label}: ${quoted(t)} is less than a hundredth of a minute (${numberIn(locale, 0.6, 1)} s); write 0 or leave it empty.`);
  if (hundredths > BigInt(MAX_DURATION_MINUTES) * 100n) {
    return fail(`${label}: ${quoted(t)} is more than 10 years; check the figure.`);
  }
  return { ok: true, duration: { minutes: Number(hundredths) / 100, unit: pieces[0].unit === 'seconds' ? 'minutes' : pieces[0].unit } };
}

/**
 * A duration written as a clock, as Excel takes it typed in a cell and shows a time formatted
 * [h]:mm: "1:30" is 1 h 30 min, "0:45" 45 min, "1:30:00" h:mm:ss, "36:00" 36 hours (an hour
 * past 24 is no next day). The same on every board: Excel writes it so in every locale we offer.
 * A unit after it says which clock it is: "1:30 h" (Std.) is h:mm, "1:30 min" is m:ss — how a
 * stopwatch's reading is written, taken where the field takes seconds (minutes of work).
 */
const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}))?(?:\s*(\p{L}+\.?))?$/u;

function clockDuration(t: string, [, first, second, third, word]: RegExpExecArray, rules: DurationRules): ParsedDuration {
  const { label } = rules;
  const fail = (error: string): ParsedDuration => ({ ok: false, error });
  const unit = word ? spellings[word.replace(/\.$/, '').toLowerCase()] : 'hours';
  if (unit !== 'hours' && unit !== 'minutes') return fail(`${label}: ${quoted(t)} is not a duration; write hours and minutes as 1:30 (1 h 30 min).`);
  const minuteClock = unit === 'minutes';
  if (minuteClock && third !== undefined) return fail(`${label}: ${quoted(t)} is not a duration; write minutes and seconds as 1:30 min, or hours as 1:30:00.`);
  const [h, m, sec] = minuteClock ? [0, Number(first), Number(second)] : [Number(first), Number(second), Number(third ?? 0)];
  if (!minuteClock && m > 59) return fail(`${label}: ${quoted(t)} is not hours and minutes: the minutes run to 59; write it like 1:30 (1 h 30 min).`);
  if (sec > 59) return fail(`${label}: ${quoted(t)} is not a time: the seconds run to 59; write it like ${minuteClock ? '1:30 min' : '1:30:15'}.`);
  if (sec > 0 && !rules.seconds) return fail(`${label} takes no seconds (${quoted(t)}); write hours and minutes, like 1:30 (1 h 30 min).`);
  // Hundredths of a minute; seconds round to the nearest, as "90 s" does.
  const hundredths = h * 6000 + m * 100 + Math.round((sec * 100) / 60);
  if (hundredths > MAX_DURATION_MINUTES * 100) return fail(`${label}: ${quoted(t)} is more than 10 years; check the figure.`);
  const minutes = hundredths / 100;
  // Shown back in hours where that reads exactly ("1.5 h"), else in minutes ("80 min", not "1.33 h").
  const inHours = !minuteClock && minutes >= 60 && Number.isInteger((hundredths * 100) / 6000);
  return { ok: true, duration: { minutes, unit: inHours ? 'hours' : 'minutes' } };
}

function numberIn(locale: string, value: number, decimals: number): string {
  return numberFormat(locale, { maximumFractionDigits: decimals }).format(value);
}

const unitLabel: Record<DurationUnit, [one: string, many: string]> = {
  minutes: ['min', 'min'],
  hours: ['h', 'h'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
};

function withUnit(value: string, unit: DurationUnit, exactlyOne: boolean): string {
  return `${value} ${unitLabel[unit][exactlyOne ? 0 : 1]}`;
}

/** A duration in the given unit, up to 2 decimals, in the board's number format: "1.5 h", "3 days", "1,5 days". */
export function formatDuration(minutes: number, unit: DurationUnit, locale: string): string {
  const value = Math.round((minutes / minutesPer[unit]) * 100) / 100;
  return withUnit(numberIn(locale, value, 2), unit, value === 1);
}

/**
 * A total as text, in a unit picked for reading it across the room:
 *   under an hour: minutes ("45 min", "7.5 min");
 *   under a day: hours and whole minutes ("5 h 30 min", "5 h");
 *   from a day: days of 24 h, one decimal under 10 days ("2.5 days"), whole from 10 ("31 days").
 * Weeks are left to what people type: "31 days → 5 days" compares at a glance, "4.4 weeks" does not.
 */
export function durationAsText(minutes: number, locale: string): string {
  if (minutes < 60) return withUnit(numberIn(locale, minutes, 2), 'minutes', false);
  if (minutes < 24 * 60) {
    const whole = Math.round(minutes);
    const h = Math.floor(whole / 60);
    const m = whole % 60;
    if (h === 24) return withUnit(numberIn(locale, 1, 0), 'days', true);
    return m === 0 ? `${numberIn(locale, h, 0)} h` : `${numberIn(locale, h, 0)} h ${numberIn(locale, m, 0)} min`;
  }
  const days = minutes / minutesPer.days;
  const value = days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
  return withUnit(numberIn(locale, value, 1), 'days', value === 1);
}

/** A duration that may be a range, in minutes (2 decimals), with the unit it was typed in. */
interface DurationRange {
  low: number;
  likely: number;
  high: number;
  unit: DurationUnit;
}

export type ParsedDurationRange = { ok: true; range: DurationRange | null } | { ok: false; error: string };

/**
 * Read a duration that may be a range: "4-8 min", "2–3 days", "1 h – 90 min", "2 / 3 / 5 days".
 * A figure without its unit takes the unit of the last one ("4-8 min" is 4 min to 8 min). Two
 * figures: the likely one is their midpoint, rounded to hundredths of a minute. A single
 * duration reads exactly as parseDuration.
 */
export function parseDurationRange(text: string, rules: DurationRules): ParsedDurationRange {
  const parts = rangeParts(text);
  if (!parts) {
    const r = parseDuration(text, rules);
    return r.ok ? { ok: true, range: r.duration && { low: r.duration.minutes, likely: r.duration.minutes, high: r.duration.minutes, unit: r.duration.unit } } : r;
  }
  const unitOfLast = /\p{L}+\.?$/u.exec(parts[parts.length - 1])?.[0];
  const read: Duration[] = [];
  for (const p of parts) {
    const withUnit = unitOfLast && !/\p{L}/u.test(p) ? `${p} ${unitOfLast}` : p;
    const r = parseDuration(withUnit, rules);
    if (!r.ok) return r;
    if (!r.duration) return { ok: false, error: `${rules.label}: ${quoted(text)} is not a range; write it as low–high, like 4–8 min.` };
    read.push(r.duration);
  }
  const h = read.map((d) => BigInt(Math.round(d.minutes * 100)));
  const [low, likely, high] = h.length === 3 ? h : [h[0], (h[0] + h[1] + 1n) / 2n, h[1]];
  const problem = scaledRangeProblem(low, likely, high);
  if (problem) return { ok: false, error: `${rules.label}: ${problem} (${quoted(text)}).` };
  const minutes = (v: bigint) => Number(v) / 100;
  return { ok: true, range: { low: minutes(low), likely: minutes(likely), high: minutes(high), unit: read[read.length - 1].unit } };
}

/** A duration range in one unit: "4–8 min", "2–3 days"; three figures when the likely is not the middle. */
export function formatDurationRange(r: { low: number; likely: number; high: number }, unit: DurationUnit, locale: string): string {
  if (r.low === r.high) return formatDuration(r.likely, unit, locale);
  const n = (m: number) => numberIn(locale, Math.round((m / minutesPer[unit]) * 100) / 100, 2);
  const middle = Math.round((r.low + r.high) * 50) / 100;
  const shown = Math.abs(middle - r.likely) < 0.005 ? `${n(r.low)}–${n(r.high)}` : `${n(r.low)} / ${n(r.likely)} / ${n(r.high)}`;
  return withUnit(shown, unit, false);
}
