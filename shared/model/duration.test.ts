import { describe, expect, it } from 'vitest';
import { durationAsText, formatDuration, parseDuration, type DurationRules } from './duration.js';

const en: DurationRules = { label: 'wait', locale: 'en-US' };
const de: DurationRules = { label: 'wait', locale: 'de-DE' };

function read(text: string, rules: DurationRules = en) {
  const r = parseDuration(text, rules);
  if (!r.ok) throw new Error(`${JSON.stringify(text)} refused: ${r.error}`);
  return r.duration;
}
function refusal(text: string, rules: DurationRules = en): string {
  const r = parseDuration(text, rules);
  if (r.ok) throw new Error(`${JSON.stringify(text)} was taken as ${JSON.stringify(r.duration)}`);
  return r.error;
}

describe('durations typed with units, stored in minutes', () => {
  it('each unit, long and short, singular and plural, in minutes with the unit kept', () => {
    expect(read('1.5 h')).toEqual({ minutes: 90, unit: 'hours' }); // 1.5 × 60
    expect(read('20 min')).toEqual({ minutes: 20, unit: 'minutes' });
    expect(read('1 minute')).toEqual({ minutes: 1, unit: 'minutes' });
    expect(read('4 hrs')).toEqual({ minutes: 240, unit: 'hours' }); // 4 × 60
    expect(read('1 hour')).toEqual({ minutes: 60, unit: 'hours' });
    expect(read('3 days')).toEqual({ minutes: 4320, unit: 'days' }); // 3 × 24 × 60: calendar days
    expect(read('3d')).toEqual({ minutes: 4320, unit: 'days' });
    expect(read('2 weeks')).toEqual({ minutes: 20160, unit: 'weeks' }); // 2 × 7 × 1,440
    expect(read('1 wk')).toEqual({ minutes: 10080, unit: 'weeks' });
    expect(read('2w')).toEqual({ minutes: 20160, unit: 'weeks' });
    expect(read('0.25 d')).toEqual({ minutes: 360, unit: 'days' }); // a quarter of 1,440
    expect(read('0.01 min')).toEqual({ minutes: 0.01, unit: 'minutes' });
  });

  it('German units and the de-DE number format: "1,5 Tage" is 2,160 minutes', () => {
    expect(read('1,5 Tage', de)).toEqual({ minutes: 2160, unit: 'days' }); // 1.5 × 1,440
    expect(read('2 Stunden', de)).toEqual({ minutes: 120, unit: 'hours' });
    expect(read('1,5 Std.', de)).toEqual({ minutes: 90, unit: 'hours' });
    expect(read('30 Minuten', de)).toEqual({ minutes: 30, unit: 'minutes' });
    expect(read('3 Wochen', de)).toEqual({ minutes: 30240, unit: 'weeks' }); // 3 × 10,080
    expect(read('1 Tag', de)).toEqual({ minutes: 1440, unit: 'days' });
    // the same text on an en-US board could mean 15 days: refused, never guessed
    expect(refusal('1,5 Tage')).toMatch(/^wait: .*ambiguous.*decimal sign is “\.”/);
  });

  it('"5 h 30 min" adds its parts (330 minutes) and keeps the first unit', () => {
    expect(read('5 h 30 min')).toEqual({ minutes: 330, unit: 'hours' }); // 300 + 30
    expect(read('1 Tag 12 Stunden', de)).toEqual({ minutes: 2160, unit: 'days' }); // 1,440 + 720
  });

  it('"1h30min" and "2d 4h" run on as people write them; a field’s old figure with a new one typed after it is refused, never added up', () => {
    expect(read('1h30min')).toEqual({ minutes: 90, unit: 'hours' }); // 60 + 30
    expect(read('1h 30min')).toEqual({ minutes: 90, unit: 'hours' });
    expect(read('2d 4h')).toEqual({ minutes: 3120, unit: 'days' }); // 2,880 + 240
    expect(read('1 week 2 days')).toEqual({ minutes: 12960, unit: 'weeks' }); // 10,080 + 2,880
    // "0 min" in the field, "2 weeks" typed after it: 20,160 minutes stored as "20,160 min" before
    expect(refusal('0 min2 weeks')).toBe('wait: “0 min2 weeks” runs two durations together; write one, like 2 weeks.');
    // after "2 h", "30 min": in order, yet still two figures run together, not 2 h 30 min
    expect(refusal('2 h30 min')).toBe('wait: “2 h30 min” runs two durations together; write one, like 30 min.');
    expect(refusal('3 Tage2 Stunden', de)).toBe('wait: “3 Tage2 Stunden” runs two durations together; write one, like 2 Stunden.');
    expect(refusal('5h3')).toBe('wait: “5h3” is not a duration: “3” has no unit; write it like 1 h 30 min.');
    expect(refusal('0 min2')).toBe('wait: “0 min2” is not a duration: “2” has no unit; write it like 1 h 30 min.');
    // each unit once, the larger first
    expect(refusal('30 min 1 h')).toBe('wait: “30 min 1 h” has its units out of order; write each once, the larger first, like 1 h 30 min.');
    expect(refusal('0min2weeks')).toMatch(/units out of order/);
    expect(refusal('2 h 3 h')).toMatch(/units out of order/);
    for (const text of ['0 min2 weeks', '5h3', '30 min 1 h']) expect(refusal(text)).not.toContain('\n');
  });

  it('empty is not given; a bare number takes the field’s unit or asks for one', () => {
    expect(read('')).toBeNull();
    expect(read('   ')).toBeNull();
    expect(read('3', { ...en, defaultUnit: 'days' })).toEqual({ minutes: 4320, unit: 'days' });
    expect(refusal('3')).toBe('wait: “3” needs a unit, like 3 days; use minutes, hours, days or weeks.');
  });

  it('one-line errors that name the field: negative, text, unknown unit, months, more than 10 years, too many decimals', () => {
    expect(refusal('-3 days')).toBe('wait cannot be negative (“-3 days”).');
    expect(refusal('soon')).toBe('wait: “soon” is not a duration; write it like 1.5 days.');
    expect(refusal('bald', de)).toBe('wait: “bald” is not a duration; write it like 1,5 days.');
    expect(refusal('3 fortnights')).toBe("wait: unknown unit 'fortnights' — use minutes, hours, days or weeks.");
    expect(refusal('90 s')).toBe("wait: unknown unit 's' — use minutes, hours, days or weeks.");
    expect(refusal('2 months')).toBe("wait: 'months' has no one length — use minutes, hours, days or weeks (a month as 4 weeks or 30 days).");
    expect(refusal('600 weeks')).toBe('wait: “600 weeks” is more than 10 years; check the figure.'); // 4,200 days > 3,650
    expect(read('3650 days')?.minutes).toBe(5_256_000); // exactly 10 years of 365 days: taken
    expect(refusal('3650.01 days')).toMatch(/more than 10 years/);
    expect(refusal('0.3333 h')).toBe('wait: “0.3333” has more than 2 decimals.'); // 3 decimals read as a thousands group: refused as ambiguous, like money
    expect(refusal('0.333 h')).toMatch(/ambiguous/);
    expect(refusal('days')).toMatch(/is not a duration/);
    expect(refusal('5 h 30')).toMatch(/is not a duration/);
    for (const text of ['-3 days', 'soon', '3 fortnights', '600 weeks']) expect(refusal(text)).not.toContain('\n');
  });
});

describe('durations written as a clock, as Excel takes them', () => {
  it('"1:30" is 1 h 30 min (h:mm) on every board, shown in hours where exact, else in minutes', () => {
    expect(read('1:30')).toEqual({ minutes: 90, unit: 'hours' });
    expect(read('1:30', de)).toEqual({ minutes: 90, unit: 'hours' });
    expect(read('0:45')).toEqual({ minutes: 45, unit: 'minutes' });
    expect(read('1:20')).toEqual({ minutes: 80, unit: 'minutes' }); // not "1.33 h"
    expect(read('1:30:00')).toEqual({ minutes: 90, unit: 'hours' });
    expect(read('36:00')).toEqual({ minutes: 2160, unit: 'hours' }); // [h]:mm runs past 24
    expect(read('1:05')).toEqual(read('1:5'));
    expect(read('1:30 h')).toEqual({ minutes: 90, unit: 'hours' });
    expect(read('1:30 Std.', de)).toEqual({ minutes: 90, unit: 'hours' });
    expect(read(' 2:00 ')).toEqual({ minutes: 120, unit: 'hours' });
    expect(formatDuration(90, 'hours', 'de-DE')).toBe('1,5 h');
  });

  it('seconds where the field takes them: "1:30 min" is a stopwatch’s 1 min 30 s, "0:01:30" the same', () => {
    const work: DurationRules = { label: 'Minutes', locale: 'en-US', defaultUnit: 'minutes', seconds: true };
    expect(read('1:30', work)).toEqual({ minutes: 90, unit: 'hours' });
    expect(read('1:30 min', work)).toEqual({ minutes: 1.5, unit: 'minutes' });
    expect(read('0:01:30', work)).toEqual({ minutes: 1.5, unit: 'minutes' });
    expect(read('0:00:20', work)).toEqual({ minutes: 0.33, unit: 'minutes' });
    expect(refusal('1:30 min')).toBe('wait takes no seconds (“1:30 min”); write hours and minutes, like 1:30 (1 h 30 min).');
    expect(refusal('0:00:30')).toBe('wait takes no seconds (“0:00:30”); write hours and minutes, like 1:30 (1 h 30 min).');
  });

  it('a clock that is none is refused in one line', () => {
    expect(refusal('1:75')).toBe('wait: “1:75” is not hours and minutes: the minutes run to 59; write it like 1:30 (1 h 30 min).');
    expect(refusal('1:30:75')).toBe('wait: “1:30:75” is not a time: the seconds run to 59; write it like 1:30:15.');
    expect(refusal('1:30 days')).toBe('wait: “1:30 days” is not a duration; write hours and minutes as 1:30 (1 h 30 min).');
    expect(refusal('1:30:00 min')).toBe('wait: “1:30:00 min” is not a duration; write minutes and seconds as 1:30 min, or hours as 1:30:00.');
    expect(refusal('87600:01')).toBe('wait: “87600:01” is more than 10 years; check the figure.');
    expect(refusal('-1:30')).toBe('wait cannot be negative (“-1:30”).');
    expect(refusal('1:30 PM')).toMatch(/is not a duration/);
    expect(refusal('1:')).toMatch(/^wait: “1:”/);
    expect(refusal('1::30')).toMatch(/^wait: “1::30”/);
  });
});

describe('durations shown', () => {
  it('in the unit people typed, up to 2 decimals, in the board’s number format', () => {
    expect(formatDuration(90, 'hours', 'en-US')).toBe('1.5 h');
    expect(formatDuration(4320, 'days', 'en-US')).toBe('3 days');
    expect(formatDuration(1440, 'days', 'en-US')).toBe('1 day');
    expect(formatDuration(2160, 'days', 'de-DE')).toBe('1,5 days');
    expect(formatDuration(100, 'hours', 'en-US')).toBe('1.67 h'); // 100 ÷ 60 = 1.666…
    expect(formatDuration(20160, 'weeks', 'en-US')).toBe('2 weeks');
    expect(formatDuration(20, 'minutes', 'en-US')).toBe('20 min');
  });

  it('totals as text: minutes under an hour, hours and minutes under a day, days from a day', () => {
    expect(durationAsText(45, 'en-US')).toBe('45 min');
    expect(durationAsText(7.5, 'en-US')).toBe('7.5 min');
    expect(durationAsText(330, 'en-US')).toBe('5 h 30 min');
    expect(durationAsText(300, 'en-US')).toBe('5 h');
    expect(durationAsText(1439.9, 'en-US')).toBe('1 day'); // 23 h 59.9 min rounds to 24 h
    expect(durationAsText(2160, 'en-US')).toBe('1.5 days');
    expect(durationAsText(2160, 'de-DE')).toBe('1,5 days');
    expect(durationAsText(31 * 1440, 'en-US')).toBe('31 days');
    expect(durationAsText(14342.4, 'en-US')).toBe('10 days'); // 9.96 days
    expect(durationAsText(12.6 * 1440, 'en-US')).toBe('13 days'); // whole days from 10
  });
});
