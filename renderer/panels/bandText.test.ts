import { describe, expect, it } from 'vitest';
import { savingBandWords, totalBandWords } from './bandText';

const said = (w: { range: string; likely: string }) => `${w.range} ${w.likely}`.trim();

describe('a band as people say it', () => {
  it('the issue’s words: a total and a saving, ends to two digits, the likely figure to three', () => {
    expect(said(totalBandWords({ p10: 120_000_000, p50: 147_600_000, p90: 170_000_000 }, 'USD', 'en-US', 'year'))).toBe('$1.2M–$1.7M a year (likely $1.48M)');
    expect(said(savingBandWords({ p10: 42_000_000, p50: 60_000_000, p90: 91_000_000 }, 'USD', 'en-US', 'year'))).toBe('saves $420K–$910K a year (likely $600K)');
  });

  it('a saving that may be a loss, one that is a loss, a band too narrow to show two ends, a month', () => {
    expect(said(savingBandWords({ p10: -5_000_000, p50: 2_000_000, p90: 12_000_000 }, 'USD', 'en-US', 'year'))).toBe('saves -$50K to $120K a year (likely $20K)');
    expect(said(savingBandWords({ p10: -9_000_000, p50: -6_000_000, p90: -3_000_000 }, 'USD', 'en-US', 'month'))).toBe('costs $30K–$90K more a month (likely $60K)');
    expect(said(totalBandWords({ p10: 60_010_000, p50: 60_020_000, p90: 60_030_000 }, 'USD', 'en-US', 'year'))).toBe('about $600K a year');
  });
});
