import { expect, it } from 'vitest';
import { posterLayout } from './poster.js';

it('poster layout: tiles with overlap, landscape for wide boards, one page when asked', () => {
  // 1 m × 0.4 m on A4 landscape (277 × 190 mm printable, 10 mm overlap): 4 × 3 sheets
  const a4 = posterLayout(1000, 400, 'a4');
  expect(a4.pageMm).toEqual([297, 210]);
  expect([a4.cols, a4.rows]).toEqual([4, 3]);
  expect(a4.pages).toHaveLength(12);
  const a3 = posterLayout(1000, 400, 'a3');
  expect([a3.cols, a3.rows]).toEqual([3, 2]);
  expect(posterLayout(1000, 400, 'single').pageMm).toEqual([1020, 420]);
  expect(() => posterLayout(6000, 400, 'single')).toThrow(/PDF pages stop at 5080 mm/);
});
