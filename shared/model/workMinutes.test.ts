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
    expect(read('90 s')).toBe("Minutes: unknown unit 's' — use minutes, hours, days or weeks.");
    expect(read('-6 min')).toBe('Minutes cannot be negative (“-6 min”).');
    expect(read('100 weeks')).toBe('Minutes: 1,008,000 min is more than this board takes (at most 1,000,000 min); check the figure.');
    expect(read('1.000.000,01', de)).toBe('Minutes: 1.000.000,01 min is more than this board takes (at most 1.000.000 min); check the figure.');
    for (const t of ['6 min4', 'soon', '90 s', '100 weeks']) expect(read(t)).not.toMatch(/\n/);
  });

  it('the panel’s, the ledger’s and the import’s field stores what it reads', () => {
    const field = rangedMinutes('Minutes', 'de-DE');
    expect(field.parse('4–8 Min.')).toEqual({ ok: true, value: { likely: 6, low: 4, high: 8 } });
    expect(field.parse('0,5 h')).toEqual({ ok: true, value: { likely: 30, low: null, high: null } });
    expect(field.format({ likely: 6, low: 4, high: 8 })).toBe('4–8');
  });
});
