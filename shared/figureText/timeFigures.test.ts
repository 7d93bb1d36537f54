import { describe, expect, it } from 'vitest';
import { durationFigure, scenarioDurationFigure, shareFigure, unitToShow } from './timeFigures.js';

describe('the details panel reads and shows times in the board’s format', () => {
  it('keeps the unit typed: "1.5 h" is 90 minutes and shows as 1.5 h; "1,5 Tage" on de-DE', () => {
    const f = durationFigure('Wait before', 'en-US');
    expect(f.parse('1.5 h')).toEqual({
      ok: true,
      value: { minutes: 90, unit: 'hours' },
    });
    expect(f.format({ minutes: 90, unit: 'hours' })).toBe('1.5 h');
    const de = durationFigure('Wait before', 'de-DE');
    expect(de.parse('1,5 Tage')).toEqual({
      ok: true,
      value: { minutes: 2160, unit: 'days' },
    });
    expect(de.format({ minutes: 2160, unit: 'days' })).toBe('1,5 days');
    expect(f.parse('')).toEqual({ ok: true, value: null });
    expect(f.parse('-2 days')).toEqual({
      ok: false,
      error: 'Wait before cannot be negative (“-2 days”).',
    });
  });

  it('shows a scenario’s minutes in the step’s unit when exact, else in the largest unit that is', () => {
    expect(unitToShow(1440, 'days')).toBe('days');
    expect(unitToShow(120, 'days')).toBe('hours');
    expect(unitToShow(14 * 1440, 'days')).toBe('days');
    expect(unitToShow(14 * 1440, 'hours')).toBe('hours');
    expect(unitToShow(7, 'days')).toBe('minutes');
    expect(unitToShow(0, 'days')).toBe('minutes');
    const f = scenarioDurationFigure('Scenario wait before', 'en-US', 'days');
    expect(f.format(120)).toBe('2 h');
    expect(f.parse('2 h')).toEqual({ ok: true, value: 120 });
  });

  it('reads first time right as a percentage and shows it back', () => {
    const f = shareFigure('First time right', 'en-US');
    expect(f.parse('80 %')).toEqual({ ok: true, value: 0.8 });
    expect(f.format(0.8)).toBe('80 %');
    expect(f.format(0.9225)).toBe('92.25 %');
    expect(shareFigure('First time right', 'de-DE').format(0.925)).toBe('92,5 %');
    expect(f.parse('120 %').ok).toBe(false);
  });
});
