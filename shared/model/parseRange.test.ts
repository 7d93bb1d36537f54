import { describe, expect, it } from 'vitest';
import { parseDurationRange, formatDurationRange } from './duration.js';
import { parseFigure, parseFigureRange, type FigureRules } from './parseFigure.js';

const money = (locale: string, currency = locale === 'en-US' ? 'USD' : 'EUR'): FigureRules => ({ label: 'Unit cost', locale, decimals: 2, max: 10n ** 13n, currency });
const count = (locale: string): FigureRules => ({ label: 'Volume', locale, decimals: 0, max: 10n ** 12n });

function range(text: string, rules: FigureRules) {
  const r = parseFigureRange(text, rules);
  if (!r.ok) throw new Error(`${JSON.stringify(text)} refused: ${r.error}`);
  return r.range && [r.range.low, r.range.likely, r.range.high];
}
function refusal(text: string, rules: FigureRules): string {
  const r = parseFigureRange(text, rules);
  if (r.ok) throw new Error(`${JSON.stringify(text)} was taken`);
  return r.error;
}

describe('a figure typed as a range', () => {
  it('two figures with a hyphen, an en dash or "to": the likely figure is their midpoint', () => {
    expect(range('80000-120000', count('en-US'))).toEqual([80_000n, 100_000n, 120_000n]);
    expect(range('4–8', count('en-US'))).toEqual([4n, 6n, 8n]);
    expect(range('4 - 8', count('en-US'))).toEqual([4n, 6n, 8n]);
    expect(range('4 to 8', count('en-US'))).toEqual([4n, 6n, 8n]);
  });
  it('"30k–50k", "30k-50k" and "$4-$8": thousands and the board’s currency sign on each end', () => {
    expect(range('30k–50k', money('en-US'))).toEqual([3_000_000n, 4_000_000n, 5_000_000n]);
    expect(range('30k-50k', money('en-US'))).toEqual([3_000_000n, 4_000_000n, 5_000_000n]);
    expect(range('$4-$8', money('en-US'))).toEqual([400n, 600n, 800n]);
    expect(range('1.5k', count('en-US'))).toEqual([1500n, 1500n, 1500n]);
  });
  it('de-DE "1.000–2.000" is a thousand to two thousand', () => {
    expect(range('1.000–2.000', count('de-DE'))).toEqual([1000n, 1500n, 2000n]);
    expect(range('1,5–2,5 €', money('de-DE'))).toEqual([150n, 200n, 250n]);
  });
  it('the midpoint is rounded to the field’s precision, half up', () => {
    expect(range('1-2', count('en-US'))).toEqual([1n, 2n, 2n]);
    expect(range('0.01-0.02', money('en-US'))).toEqual([1n, 2n, 2n]);
  });
  it('three figures are low / likely / high as given', () => {
    expect(range('30k / 35k / 50k', money('en-US'))).toEqual([3_000_000n, 3_500_000n, 5_000_000n]);
  });
  it('a single figure stays one figure; empty is not given', () => {
    expect(range('6', money('en-US'))).toEqual([600n, 600n, 600n]);
    expect(range('', money('en-US'))).toBeNull();
  });
  it('refuses a low above its high, a likely outside, text and negatives, naming the field', () => {
    expect(refusal('8-4', count('en-US'))).toBe('Volume: the low is above the high (“8-4”).');
    expect(refusal('4 / 9 / 8', count('en-US'))).toBe('Volume: the likely figure is above the high (“4 / 9 / 8”).');
    expect(refusal('lots-more', count('en-US'))).toMatch(/^Volume: “lots” is not a number/);
    expect(refusal('4--8', count('en-US'))).toMatch(/^Volume cannot be negative/);
  });
  it('"-5" is a negative figure, refused as negative, not read as a range', () => {
    expect(refusal('-5', count('en-US'))).toBe('Volume cannot be negative (“-5”).');
    expect(refusal('–5', count('en-US'))).toBe('Volume cannot be negative (“–5”).');
    expect(refusal('-30k', money('en-US'))).toBe('Unit cost cannot be negative (“-30k”).');
  });
  it('"k" reads the same in parseFigure alone', () => {
    const r = parseFigure('30k', count('en-US'));
    expect(r).toEqual({ ok: true, scaled: 30_000n });
  });
});

describe('a duration typed as a range', () => {
  const rules = { label: 'Process time', locale: 'en-US' };
  it('"4-8 min": the unit of the last figure is the unit of both', () => {
    expect(parseDurationRange('4-8 min', rules)).toEqual({ ok: true, range: { low: 4, likely: 6, high: 8, unit: 'minutes' } });
    expect(parseDurationRange('2–3 days', rules)).toEqual({ ok: true, range: { low: 2880, likely: 3600, high: 4320, unit: 'days' } });
    expect(parseDurationRange('1,5–2,5 Tage', { label: 'Wait', locale: 'de-DE' })).toEqual({ ok: true, range: { low: 2160, likely: 2880, high: 3600, unit: 'days' } });
  });
  it('one duration reads as before; a low above the high is refused', () => {
    expect(parseDurationRange('20 min', rules)).toEqual({ ok: true, range: { low: 20, likely: 20, high: 20, unit: 'minutes' } });
    expect(parseDurationRange('8-4 min', rules)).toEqual({ ok: false, error: 'Process time: the low is above the high (“8-4 min”).' });
    expect(parseDurationRange('-4 min', rules)).toEqual({ ok: false, error: 'Process time cannot be negative (“-4 min”).' });
  });
  it('is shown back as typed', () => {
    expect(formatDurationRange({ low: 4, likely: 6, high: 8 }, 'minutes', 'en-US')).toBe('4–8 min');
    expect(formatDurationRange({ low: 2880, likely: 3000, high: 4320 }, 'days', 'en-US')).toBe('2 / 2.08 / 3 days');
  });
});
