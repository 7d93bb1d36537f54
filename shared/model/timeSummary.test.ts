import { describe, expect, it } from 'vitest';
import { effectiveTime, leadTime, type Ordered, type StepTime } from './leadTime.js';
import { reworkRollup } from './rework.js';
import { leadTimeHoursSaved, longestWaits, timeSummary } from './timeSummary.js';

const D = 24 * 60;
const stages: Ordered[] = [
  { id: 'ask', order: 'a0' },
  { id: 'call', order: 'a1' },
  { id: 'send', order: 'a2' },
];
const t = (id: string, stageId: string, wait: number | null, process: number | null, valueClass: StepTime['valueClass'] = 'unclassified'): StepTime => ({
  id,
  stageId,
  laneId: 'front',
  valueClass,
  waitMinutes: wait,
  processMinutes: process,
  firstTimeRight: null,
});

describe('the time summary the command line prints', () => {
  // The primer's story, in small: the brochure reaches the customer four weeks after the form.
  const form = t('form', 'ask', 0, 10, 'value-adding');
  const call = t('call', 'call', 3 * D, 15, 'waste');
  const brochure = t('brochure', 'send', 25 * D, D, 'value-adding');
  const flows = [
    { fromId: 'form', toId: 'call' },
    { fromId: 'call', toId: 'brochure' },
  ];

  it('as-is: 29 days and 25 minutes, PCE 3.47 %, rework apart as an exact decimal', () => {
    const asIs = leadTime([form, call, brochure], stages, flows);
    // 10 min + (3 d + 15 min) + (25 d + 1 d) = 41,785 min = 696.4166… h
    const rework = reworkRollup([{ id: 'call', laneId: 'front', cost: { volume: 100_000, costMode: 'unit', unitCents: 600, minutes: null, rateCents: null, fixedCents: null }, firstTimeRight: 0.6 }]);
    expect(timeSummary(asIs, rework, { currency: 'USD', locale: 'en-US' })).toEqual({
      leadTimeHours: 696.42,
      leadTime: '29 days', // 29.017 days, whole days from 10
      pce: 0.0347, // (10 + 1,440) ÷ 41,785 = 0.03470…
      reworkCost: '400000.00', // 100,000 × $6 × 0.4 ÷ 0.6
      missing: [],
      cycles: [],
    });
    expect(timeSummary(asIs, rework, { currency: 'JPY', locale: 'ja-JP' }).reworkCost).toBe('40000000'); // yen have no minor digits
  });

  it('to-be "brochure in 2 days": the call is gone, the brochure waits a day; 648.25 hours saved', () => {
    const asIs = leadTime([form, call, brochure], stages, flows);
    const toBe = leadTime([effectiveTime(form), effectiveTime(call, undefined, undefined, undefined, true), effectiveTime(brochure, D)], stages, flows);
    // 10 min + 0 + (1 d + 1 d) = 2,890 min
    expect(toBe.leadMinutes).toBe(2890);
    expect(timeSummary(toBe, reworkRollup([]), { currency: 'USD', locale: 'en-US' }).leadTime).toBe('2 days');
    expect(leadTimeHoursSaved(asIs, toBe)).toBe(648.25); // (41,785 − 2,890) ÷ 60: at least 26 days (624 h)
  });

  it('longest waits first, removed steps and steps without a wait left out', () => {
    const steps = [form, call, brochure, { ...t('gone', 'send', 40 * D, 5), removed: true }, t('unknown', 'send', null, 5)];
    expect(longestWaits(steps, 5)).toEqual([
      { id: 'brochure', waitMinutes: 25 * D },
      { id: 'call', waitMinutes: 3 * D },
    ]);
    expect(longestWaits(steps, 1)).toEqual([{ id: 'brochure', waitMinutes: 25 * D }]);
  });
});
