import { describe, expect, it } from 'vitest';
import { clockTime, dateAndTime, dayAndTime, dayName, fileDay } from './dateText';

// 3 December 2026, 09:15 in the device's time zone: the words follow the board, the clock the device.
const t = new Date(2026, 11, 3, 9, 15).getTime();

describe('dates in the board locale', () => {
  it("writes a de-DE board's dates in German, an en-US board's in English, whatever the browser says", () => {
    expect(dateAndTime(t, 'de-DE')).toBe('03.12.2026, 09:15');
    expect(dateAndTime(t, 'en-US')).toBe('Dec 3, 2026, 9:15 AM');
    expect(dayName(t, 'de-DE')).toBe('Do., 3. Dez.');
    expect(dayName(t, 'en-US')).toBe('Thu, Dec 3');
    expect(clockTime(t, 'de-DE')).toBe('09:15');
    expect(dayAndTime(t, 'de-DE')).toBe('Do., 3. Dez., 09:15');
  });
  it('writes an unknown locale as en-US rather than failing', () => {
    expect(dayName(t, 'xx-YY')).toBe(dayName(t, 'en-US'));
  });
  it('names files by ISO day', () => {
    expect(fileDay(new Date(Date.UTC(2026, 11, 3, 23, 0)))).toBe('2026-12-03');
  });
});
