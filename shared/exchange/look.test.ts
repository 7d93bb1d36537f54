import { expect, it } from 'vitest';
import { boardLook, waitBadgeLook, waitColours } from './look.js';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

it('measures contrast as WCAG does', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#d64545', '#ffffff')).toBeCloseTo(4.37, 1);
});

it('every flag chip reads at 4.5:1 or more: white text on its fill (canvas, exports), its fill as text on white (selection toolbar)', () => {
  for (const [flag, { fill }] of Object.entries(boardLook.flags)) expect(contrast(fill, '#ffffff'), flag).toBeGreaterThanOrEqual(4.5);
});

it('the wait badge grows and warms on a log scale from a quarter of an hour to four weeks, and stops there', () => {
  const quarter = waitBadgeLook(15);
  const hour = waitBadgeLook(60);
  const day = waitBadgeLook(24 * 60);
  const week = waitBadgeLook(7 * 24 * 60);
  const month = waitBadgeLook(28 * 24 * 60);
  expect(quarter.level).toBe(0);
  expect(waitBadgeLook(0)).toEqual(quarter);
  expect(month.level).toBe(1);
  expect(waitBadgeLook(365 * 24 * 60)).toEqual(month);
  // log scale: 15 min → 1 h is the same step as 1 h → 4 h
  expect(hour.level).toBeCloseTo(waitBadgeLook(240).level - hour.level, 10);
  expect([quarter, hour, day, week, month].map((b) => b.fontSize)).toEqual([12, 14, 19, 22, 24]);
  expect(quarter.fill).toBe(waitColours[0]);
  expect(month.fill).toBe(waitColours[3]);
  expect(day.height).toBeGreaterThan(hour.height);
});

it('white text reads on every wait badge colour at 4.5:1 or more, the colours between the stops included', () => {
  for (let m = 15; m <= 40320; m *= 1.5) expect(contrast(waitBadgeLook(m).fill, '#ffffff'), `${m} min`).toBeGreaterThanOrEqual(4.5);
});
