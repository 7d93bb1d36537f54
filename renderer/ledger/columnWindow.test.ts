import { describe, expect, it } from 'vitest';
import { columnWindow } from './columnWindow';

// The ledger's first columns at their widths: lane, stage, title (the frozen one, at 2), owner,
// value class, the four flags, volume, cost mode, unit cost, minutes, hourly rate.
const widths = [140, 140, 240, 140, 130, 96, 96, 96, 96, 128, 130, 128, 128, 128];
const lefts = widths.reduce<number[]>((acc, w, i) => [...acc, i === 0 ? 0 : acc[i - 1] + widths[i - 1]], []);
const TITLE = 2;

describe('the columns a ledger row draws', () => {
  it('draws the columns in view and one past the right edge at the start', () => {
    // 635 px: lane, stage, title and part of owner show; value class (from 660) is the one past the edge.
    expect(columnWindow(lefts, widths, 0, 635, TITLE)).toEqual({ from: 0, to: 4 });
  });

  it('draws one column past each edge, a column cut by an edge counting as seen, one just touching it not', () => {
    // 100 to 735 px, the title not yet reached (it starts at 280): lane is cut at the left, value class at the right.
    expect(columnWindow(lefts, widths, 100, 635, TITLE)).toEqual({ from: 0, to: 5 });
    // 660 to 886 px, no frozen column: owner ends and the second flag starts exactly at the edges.
    expect(columnWindow(lefts, widths, 660, 226, -1)).toEqual({ from: 3, to: 6 });
  });

  it('counts the columns passing under the frozen title, once scrolled to it, as out of view', () => {
    // 742 to 1377 px, the title stuck over 742–982: owner to the second flag pass under it; the
    // third flag (982–1078) is the first seen, the second drawn past the edge.
    expect(columnWindow(lefts, widths, 742, 635, TITLE)).toEqual({ from: 6, to: 11 });
  });

  it('stops at the table’s ends', () => {
    const total = lefts.at(-1)! + widths.at(-1)!;
    expect(columnWindow(lefts, widths, total - 500, 500, TITLE)).toEqual({ from: 10, to: 13 });
    expect(columnWindow(lefts, widths, 0, 5000, TITLE)).toEqual({ from: 0, to: 13 });
  });

  it('draws every column while the view is not measured, and none of a table without columns', () => {
    expect(columnWindow(lefts, widths, 0, 0, TITLE)).toEqual({ from: 0, to: 13 });
    expect(columnWindow([], [], 0, 600, -1)).toEqual({ from: 0, to: -1 });
  });
});
