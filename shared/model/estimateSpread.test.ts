import { describe, expect, it } from 'vitest';
import { binEdges, decimalsOf, spreadOf, unitForSpread } from './estimateSpread.js';
import { estimatedBy } from './estimate.js';
import { formatAnswer, parseAnswer } from './estimateAnswer.js';

describe('the spread of the room’s answers', () => {
  it('an odd count: the middle answer is the median, whatever order they came in', () => {
    expect(spreadOf([90, 45, 60], 2)).toMatchObject({ n: 3, min: 45, median: 60, max: 90 });
  });

  it('an even count: the mean of the two middle answers, rounded half up to the field’s precision', () => {
    // minutes keep hundredths: 1.25 and 1.5 → 1.375 → 1.38
    expect(spreadOf([1.5, 1.25, 9, 0.5], 2)).toMatchObject({ n: 4, min: 0.5, median: 1.38, max: 9 });
    // whole occurrences: 3 and 4 → 3.5 → 4
    expect(spreadOf([3, 4], 0)).toMatchObject({ median: 4 });
    // minor units: 101 and 102 cents → 102
    expect(spreadOf([100, 101, 102, 200], decimalsOf('unitCents'))!.median).toBe(102);
    // 0.1 + 0.2 in floats is not 0.3: the median is worked in hundredths, exactly
    expect(spreadOf([0.1, 0.2], 2)!.median).toBe(0.15);
  });

  it('one answer is the figure itself, in one bin; nobody answering is no spread', () => {
    expect(spreadOf([45], 2)).toEqual({ n: 1, min: 45, median: 45, max: 45, bins: [1] });
    expect(spreadOf([7, 7, 7], 0)).toEqual({ n: 3, min: 7, median: 7, max: 7, bins: [3] });
    expect(spreadOf([], 0)).toBeNull();
  });

  it('the histogram: equal bins from min to max, 1 + log2 n of them (at most 8), the max in the last', () => {
    const three = spreadOf([45, 60, 90], 2)!;
    expect(three.bins).toEqual([1, 1, 1]);
    expect(binEdges(three, 0)).toEqual({ from: 45, to: 60 });
    expect(binEdges(three, 2)).toEqual({ from: 75, to: 90 });
    const fourteen = spreadOf([10, 10, 11, 12, 12, 12, 13, 15, 20, 20, 25, 30, 40, 50], 0)!;
    expect(fourteen.bins).toHaveLength(5);
    expect(fourteen.bins).toEqual([8, 3, 1, 1, 1]);
    expect(fourteen.bins.reduce((a, b) => a + b)).toBe(14);
    expect(
      spreadOf(
        Array.from({ length: 400 }, (_, i) => i),
        0,
      )!.bins,
    ).toHaveLength(8);
  });

  it('a wait is shown in the largest unit its answers read exactly in', () => {
    expect(unitForSpread({ min: 45, median: 60, max: 90 })).toBe('minutes');
    expect(unitForSpread({ min: 2 * 1440, median: 3 * 1440, max: 5 * 1440 })).toBe('days');
    expect(unitForSpread({ min: 60, median: 90, max: 120 })).toBe('hours');
  });

  it('the source says how many people: one person, or many', () => {
    expect(estimatedBy(1)).toBe('estimated by 1 person');
    expect(estimatedBy(14)).toBe('estimated by 14 people');
  });
});

describe('an answer as people type it', () => {
  const de = { locale: 'de-DE', currency: 'EUR' };
  const us = { locale: 'en-US', currency: 'USD' };

  it('minutes with units in the board’s format; a bare number is minutes', () => {
    expect(parseAnswer('minutes', '45 min', de)).toEqual({ ok: true, value: 45 });
    expect(parseAnswer('minutes', '1,5 h', de)).toEqual({ ok: true, value: 90 });
    expect(parseAnswer('minutes', '45', us)).toEqual({ ok: true, value: 45 });
    expect(parseAnswer('waitMinutes', '3 days', us)).toEqual({ ok: true, value: 3 * 1440 });
  });

  it('counts and money: 30k, a pasted currency sign', () => {
    expect(parseAnswer('volume', '30k', us)).toEqual({ ok: true, value: 30000 });
    expect(parseAnswer('unitCents', '$12.50', us)).toEqual({ ok: true, value: 1250 });
    expect(parseAnswer('rateCents', '60,50 €', de)).toEqual({ ok: true, value: 6050 });
  });

  it('a negative, a text, an unknown unit, a range or nothing: one line naming the field', () => {
    for (const [field, text] of [
      ['minutes', '-5'],
      ['minutes', 'a while'],
      ['waitMinutes', '3 fortnights'],
      ['volume', 'lots'],
      ['minutes', '4-6 min'],
      ['volume', ''],
      ['waitMinutes', '3'],
    ] as const) {
      const r = parseAnswer(field, text, us);
      expect(r.ok, `${field} ${text}`).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatch(/^(Minutes|Wait before|Volume)\b/);
        expect(r.error).not.toContain('\n');
      }
    }
  });

  it('reads back as the room reads it', () => {
    expect(formatAnswer('minutes', 90, de)).toBe('1 h 30 min');
    expect(formatAnswer('unitCents', 1250, us)).toBe('$12.50');
    expect(formatAnswer('volume', 30000, us)).toBe('30,000');
  });
});
