import { describe, expect, it } from 'vitest';
import { numberFormat } from './numberFormat.js';

describe('numberFormat', () => {
  it('keeps one format per locale and options, whichever object carries them', () => {
    const a = numberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const b = numberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(b).toBe(a);
    expect(a.format(1234.5)).toBe('1.234,50\u00a0€');
  });

  it('tells apart what differs in the locale, an option name or an option value', () => {
    const euro = numberFormat('de-DE', { style: 'currency', currency: 'EUR' });
    expect(numberFormat('de-DE', { style: 'currency', currency: 'USD' })).not.toBe(euro);
    expect(numberFormat('en-GB', { style: 'currency', currency: 'EUR' })).not.toBe(euro);
    expect(numberFormat('de-DE', { maximumFractionDigits: 2 })).not.toBe(numberFormat('de-DE', { minimumFractionDigits: 2 }));
    expect(numberFormat('de-DE', { maximumFractionDigits: 1 }).format(1.25)).toBe('1,3');
    expect(numberFormat('de-DE', { maximumFractionDigits: 2 }).format(1.25)).toBe('1,25');
    expect(numberFormat('de-DE')).toBe(numberFormat('de-DE', {}));
  });

  it('formats as en-US for a locale the runtime does not know', () => {
    expect(numberFormat('not a locale!', { maximumFractionDigits: 2 }).format(1234.5)).toBe('1,234.5');
  });
});
