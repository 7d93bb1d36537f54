import { describe, expect, it } from 'vitest';
import { rangedCount, rangedMoney } from './parseFigures.js';
import { rangedDurationFigure, scenarioRangedDurationFigure, shareFigure } from './timeFigures.js';

describe('the details panel reads ranges and shows them back as typed', () => {
  it('a range is stored as its likely figure and its ends; one figure has no ends', () => {
    const volume = rangedCount('Volume', 'en-US');
    expect(volume.parse('80000-120000')).toEqual({ ok: true, value: { likely: 100_000, low: 80_000, high: 120_000 } });
    expect(volume.parse('8,000')).toEqual({ ok: true, value: { likely: 8000, low: null, high: null } });
    expect(volume.parse('')).toEqual({ ok: true, value: null });
    expect(volume.format({ likely: 100_000, low: 80_000, high: 120_000 })).toBe('80,000–120,000');
    expect(volume.format({ likely: 90_000, low: 80_000, high: 120_000 })).toBe('80,000 / 90,000 / 120,000');
    const cost = rangedMoney('Unit cost', 'en-US', 'USD');
    expect(cost.parse('$4-$8')).toEqual({ ok: true, value: { likely: 600, low: 400, high: 800 } });
    expect(cost.format({ likely: 600, low: 400, high: 800 })).toBe('4.00–8.00');
  });

  it('a duration range keeps the unit typed; a scenario’s is shown in a unit that reads plainly', () => {
    expect(rangedDurationFigure('Process time', 'en-US').parse('4-8 min')).toEqual({ ok: true, value: { likely: 6, low: 4, high: 8, unit: 'minutes' } });
    expect(rangedDurationFigure('Process time', 'en-US').format({ likely: 6, low: 4, high: 8, unit: 'minutes' })).toBe('4–8 min');
    expect(scenarioRangedDurationFigure('Scenario wait before', 'en-US', 'days').format({ likely: 2160, low: 1440, high: 2880 })).toBe('1–2 days');
  });

  it('first time right takes one figure: a range is refused by name', () => {
    expect(shareFigure('First time right', 'en-US').parse('80-90 %')).toEqual({ ok: false, error: 'First time right takes one figure, not a range (“80-90 %”).' });
    expect(shareFigure('First time right', 'en-US').parse('80 %')).toEqual({ ok: true, value: 0.8 });
  });
});
