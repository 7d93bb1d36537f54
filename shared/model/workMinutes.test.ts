import { describe, expect, it } from 'vitest';
import { rangedMinutes } from '../figureText/parseFigures.js';
import { parseWorkMinutes } from './workMinutes.js';

const en = { label: 'Minutes', locale: 'en-US', max: 10n ** 8n };
const de = { ...en, locale: 'de-DE' };
/** Minutes read, as low / likely / high in minutes, or the refusal. */
const read = (text: string, rules = en) => {
  const r = parseWorkMinutes(text, rules);
  if (!r.ok) return r.error;
  return r.range && [r.range.low, r.range.likely, r.range.high].map((v) => Number(v) / 100);
};

describe('minutes of work, as a workshop writes them', () => {
  it('a bare figure is minutes; a unit may come along, in English or German', () => {
    expect(read('6')).toEqual([6, 6, 6]);
    expect(read('6 min')).toEqual([6, 6, 6]);
    expect(read('6min')).toEqual([6, 6, 6]);
    expect(read('6 Min.', de)).toEqual([6, 6, 6]);
    expect(read('6 Minuten', de)).toEqual([6, 6, 6]);
    expect(read('1 h')).toEqual([60, 60, 60]);
    expect(read('1 Std.', de)).toEqual([60, 60, 60]);
    expect(read('1 h 30 min')).toEqual([90, 90, 90]);
    expect(read('')).toBeNull();
  });

  it('decimals in the board’s number format: "0,5 h" and "7,5" on de-DE', () => {
    expect(read('0,5 h', de)).toEqual([30, 30, 30]);
    expect(read('7,5', de)).toEqual([7.5, 7.5, 7.5]);
    expect(read('0.5 h')).toEqual([30, 30, 30]);
    expect(read('0,5 h')).toMatch(/^Minutes: “0,5” is ambiguous; on this board \(en-US\) the decimal sign is “\.”/);
  });

  it('a range as every range field takes it: the unit of the last figure, hyphen or en dash', () => {
    expect(read('4-8 min')).toEqual([4, 6, 8]);
    expect(read('4–8')).toEqual([4, 6, 8]);
    expect(read('4–8 Min.', de)).toEqual([4, 6, 8]);
    expect(read('1–2 h')).toEqual([60, 90, 120]);
    expect(read('4 / 5 / 10 min')).toEqual([4, 5, 10]);
    expect(read('8-4 min')).toBe('Minutes: the low is above the high (“8-4 min”).');
  });

  it('run-together, unknown and too large input is refused in one line that names the field', () => {
    expect(read('6 min4')).toBe('Minutes: “6 min4” is not a duration: “4” has no unit; write it like 1 h 30 min.');
    expect(read('6 min8 min')).toBe('Minutes: “6 min8 min” runs two durations together; write one, like 8 min.');
    expect(read('soon')).toBe('Minutes: “soon” is not a duration; write it like 7.5 min.');
    expect(read('bald', de)).toBe('Minutes: “bald” is not a duration; write it like 7,5 min.');
    expect(read('90 x')).toBe("Minutes: unknown unit 'x' — use seconds, minutes, hours, days or weeks.");
    expect(read('-6 min')).toBe('Minutes cannot be negative (“-6 min”).');
    expect(read('100 weeks')).toBe('Minutes: 1,008,000 min is more than this board takes (at most 1,000,000 min); check the figure.');
    expect(read('1.000.000,01', de)).toBe('Minutes: 1.000.000,01 min is more than this board takes (at most 1.000.000 min); check the figure.');
    for (const t of ['6 min4', 'soon', '90 x', '100 weeks', '30 s 1 min', '0,1 s']) expect(read(t)).not.toMatch(/\n/);
  });

  it('seconds are fractions of a minute, in English and German, rounded to its hundredths', () => {
    expect(read('90 s')).toEqual([1.5, 1.5, 1.5]);
    expect(read('30 sec')).toEqual([0.5, 0.5, 0.5]);
    expect(read('45 seconds')).toEqual([0.75, 0.75, 0.75]);
    expect(read('45 Sek.', de)).toEqual([0.75, 0.75, 0.75]);
    expect(read('90 Sek.', de)).toEqual([1.5, 1.5, 1.5]);
    expect(read('90 Sekunden', de)).toEqual([1.5, 1.5, 1.5]);
    expect(read('1,5 s', de)).toEqual([0.03, 0.03, 0.03]);
    expect(read('1,5 min', de)).toEqual([1.5, 1.5, 1.5]);
    expect(read('1 min 30 s')).toEqual([1.5, 1.5, 1.5]);
    expect(read('20 s')).toEqual([0.33, 0.33, 0.33]);
    expect(read('40 s')).toEqual([0.67, 0.67, 0.67]);
    expect(read('30-90 s')).toEqual([0.5, 1, 1.5]);
    expect(read('30–90 Sek.', de)).toEqual([0.5, 1, 1.5]);
  });

  it('seconds that make no sense are refused in one line', () => {
    expect(read('30 s 1 min')).toBe('Minutes: “30 s 1 min” has its units out of order; write each once, the larger first, like 1 h 30 min.');
    expect(read('0.1 s')).toBe('Minutes: “0.1 s” is less than a hundredth of a minute (0.6 s); write 0 or leave it empty.');
    expect(read('0,1 s', de)).toBe('Minutes: “0,1 s” is less than a hundredth of a minute (0,6 s); write 0 or leave it empty.');
    expect(read('s')).toBe('Minutes: “s” is not a duration; write it like 7.5 min.');
    expect(read('lots of s')).toBe('Minutes: “lots of s” is not a duration; write it like 7.5 min.');
    expect(read('-30 s')).toBe('Minutes cannot be negative (“-30 s”).');
    expect(read('90 ss')).toBe("Minutes: unknown unit 'ss' — use seconds, minutes, hours, days or weeks.");
  });

  it('h:mm as Excel takes it: "1:30" is 90 minutes, "0:45" 45, "1:30:00" 90; a range of two; a stopwatch’s "1:30 min" 1.5', () => {
    expect(read('1:30')).toEqual([90, 90, 90]);
    expect(read('1:30', de)).toEqual([90, 90, 90]);
    expect(read('0:45')).toEqual([45, 45, 45]);
    expect(read('1:30:00')).toEqual([90, 90, 90]);
    expect(read('0:01:30')).toEqual([1.5, 1.5, 1.5]);
    expect(read('1:30 min')).toEqual([1.5, 1.5, 1.5]);
    expect(read('1:00–1:30')).toEqual([60, 75, 90]);
    expect(read('1:00 - 1:30', de)).toEqual([60, 75, 90]);
    expect(read('0:30 bis 1:00', de)).toEqual([30, 45, 60]);
    expect(read('0:45 / 1:00 / 2:00')).toEqual([45, 60, 120]);
    expect(read('2:00–1:00')).toBe('Minutes: the low is above the high (“2:00–1:00”).');
    expect(read('1:75')).toBe('Minutes: “1:75” is not hours and minutes: the minutes run to 59; write it like 1:30 (1 h 30 min).');
  });

  it('the panel’s, the ledger’s and the import’s field stores what it reads', () => {
    const field = rangedMinutes('Minutes', 'de-DE');
    expect(field.parse('4–8 Min.')).toEqual({ ok: true, value: { likely: 6, low: 4, high: 8 } });
    expect(field.parse('0,5 h')).toEqual({ ok: true, value: { likely: 30, low: null, high: null } });
    expect(field.parse('90 Sek.')).toEqual({ ok: true, value: { likely: 1.5, low: null, high: null } });
    expect(field.format({ likely: 6, low: 4, high: 8 })).toBe('4–8');
  });
});
