import { describe, expect, it } from 'vitest';
import { boardOfKeywords, foldOwnWorkbook, workbookKeywords } from './ownWorkbook.js';

describe('issue 19: our own cost workbook read back as its board made it', () => {
  it('its keywords name the board’s number format and currency; a foreign workbook’s keywords name none', () => {
    expect(boardOfKeywords(workbookKeywords({ locale: 'de-DE', currency: 'EUR' }))).toEqual({ locale: 'de-DE', currency: 'EUR' });
    for (const foreign of [undefined, '', 'budget; 2026', 'brownpaper; locale=xx-XX; currency=EUR', 'brownpaper; locale=de-DE; currency=XYZ', 'brownpaper; locale=de-DE; currency=eur'])
      expect(boardOfKeywords(foreign)).toBeNull();
  });

  const steps = {
    name: 'Steps',
    rows: [
      ['Lane', 'Stage', 'Step', 'Owner', 'Volume per year', 'Unit cost (EUR)'],
      ['Customer', 'Ask', 'Phones in', 'Ann', 100, 2],
      ['Customer', 'Ask', 'Phones in', 'Ann', 50, 2],
      ['Back office', 'Decide', 'Logs it', '', 10, 1],
      ['Total', null, null, null, null, { formula: 'ROUND(SUM(F2:F4),2)', result: 310 }],
    ],
  };
  const scenario = {
    name: 'To-be lean',
    rows: [
      ['Lane', 'Stage', 'Step', 'Owner', 'Volume per year', 'Cost mode', 'Unit cost (EUR)', 'Removed', 'Period cost (EUR)', 'As-is period cost (EUR)', 'Saving (EUR)', 'Wait before (h)'],
      ['Customer', 'Ask', 'Phones in', 'Ann', 100, 'Unit cost', 2, null, 200, 200, 0, 1],
      ['Customer', 'Ask', 'Phones in', 'Ann', 20, 'Unit cost', 2, null, 40, 100, 60, null],
      ['Back office', 'Decide', 'Logs it', '', null, 'Unit cost', null, 'removed', 0, 10, 10, null],
      ['Back office', 'Decide', 'Checks online', '', 5, 'Unit cost', 1, null, 5, null, -5, null],
      ['Total', null, null, null, null, null, null, null, 245, 310, 65, null],
    ],
  };
  const summary = {
    name: 'Summary',
    rows: [['The map', 'As-is', 'To-be: lean'], ['Period cost (EUR per year)', 310, 245], [], ['The business case', 'To-be: lean'], ['Saving (EUR per year)', 65], ['Investment (EUR, one-off)', 1000]],
  };

  it('its scenario sheets fold into the Steps sheet as the cost table’s scenario columns, by lane, stage and title (the n-th with the n-th), the business case under them', () => {
    const folded = foldOwnWorkbook(steps, [scenario, summary])!;
    expect(folded.read).toEqual(['To-be lean', 'Summary']);
    expect(folded.rows[0].slice(6)).toEqual(['To-be: lean: volume', 'To-be: lean: unit cost (EUR)', 'To-be: lean: wait before (h)']);
    expect(folded.rows.slice(1, 5).map((r) => [r[2], ...r.slice(6)])).toEqual([
      ['Phones in', 100, 2, 1],
      ['Phones in', 20, 2, null],
      ['Logs it', 'removed', null, null],
      // A step only the scenario has: a row of its own before the total, its as-is figures blank.
      ['Checks online', 5, 1, null],
    ]);
    expect(folded.rows[5][0]).toBe('Total');
    expect(folded.rows[3].slice(4, 6)).toEqual([10, 1]);
    expect(folded.rows.slice(6).map((r) => r[0] ?? '')).toEqual(['', 'The business case', 'Saving (EUR per year)', 'Investment (EUR, one-off)']);
  });

  it('a workbook without our Summary, or a sheet other than Steps, is read as any sheet', () => {
    expect(foldOwnWorkbook(steps, [scenario])).toBeNull();
    expect(foldOwnWorkbook({ ...steps, name: 'Budget' }, [scenario, summary])).toBeNull();
  });
});
