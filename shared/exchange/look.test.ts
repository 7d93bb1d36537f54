import { expect, it } from 'vitest';
import { boardLook } from './look.js';

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
