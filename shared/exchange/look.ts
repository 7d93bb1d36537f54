// The board's look in plain values: the canvas (renderer/canvas/theme.ts) and every exporter
// (SVG, and the PNG made from it) read the same colours.
export const boardLook = {
  kraft: '#c49a62',
  paper: '#fffaf0',
  ink: '#2b2118',
  /** the dot-vote count on a card (canvas and exports) */
  voteBadge: '#b3261e',
  font: 'Segoe UI, Roboto, Helvetica Neue, Arial, Noto Sans, sans-serif',
  laneHeader: 180,
  stageHeader: 56,
  cardFill: { yellow: '#fff27a', orange: '#ffc26b', pink: '#ffb3c7', purple: '#d7b8ff', blue: '#a9d8ff', green: '#b8ec9a', white: '#fffdf7', grey: '#dcd8d0' },
  valueClass: { unclassified: '#b9ab98', 'value-adding': '#2e9e4f', necessary: '#e0a526', waste: '#d64545' },
  /** flag chips: white text on the fill, at least 4.5:1 (look.test.ts) */
  flags: {
    painPoint: { label: 'Pain', fill: '#c83c3c' },
    failPoint: { label: 'Fail', fill: '#8b1e3f' },
    waitPoint: { label: 'Wait', fill: '#a35f00' },
    momentOfTruth: { label: 'MoT', fill: '#1f6feb' },
  },
  /**
   * The timeline ladder under the map (the canvas and the exports): from the grid's bottom edge
   * to its top (`gap`), its waits' and process times' lines below that top, its height with a
   * loop's warning line, the totals box at its right end, and the room for steps outside every stage.
   */
  ladder: { gap: 70, waitY: 44, processY: 100, height: 200, totalsGap: 36, totalsW: 330, outsideW: 260 },
  lines: {
    interaction: { stroke: '#1d4e89', dash: '' },
    visibility: { stroke: '#1d4e89', dash: '18 10' },
    internal: { stroke: '#1d4e89', dash: '4 8' },
    custom: { stroke: '#5b4636', dash: '12 8' },
  },
} as const;

/** The wait badge's range: from a quarter of an hour (smallest, calm) to four weeks and more (largest, alarming). */
const WAIT_FLOOR = 15;
const WAIT_CEILING = 4 * 7 * 24 * 60;
/** calm slate → amber → alarm red → deep maroon; white text reads on each at 4.5:1 or more (look.test.ts) */
export const waitColours = ['#3f5f73', '#a35f00', '#b3261e', '#7a1230'] as const;

export interface WaitBadgeLook {
  /** 0 (a quarter of an hour or less) … 1 (four weeks or more), on a log scale */
  level: number;
  /** the badge text's size in board units: 12 … 24 (at 24 a badge still stands clear of the stage header above the first lane) */
  fontSize: number;
  /** the badge's height in board units */
  height: number;
  fill: string;
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
function mix(a: string, b: string, t: number): string {
  const [x, y] = [hex(a), hex(b)];
  return `#${x
    .map((v, i) =>
      Math.round(v + (y[i] - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * How a wait badge looks for a wait of `minutes`: it grows and warms on a log scale, so a
 * 4-week queue is a big red badge across the room and a 10-minute one a small grey-blue tag.
 * Log, because waits span minutes to months: on a straight scale every wait under a week would
 * be the same speck. The canvas and the exports draw the same badge.
 */
export function waitBadgeLook(minutes: number): WaitBadgeLook {
  const m = Math.max(minutes, WAIT_FLOOR);
  const level = Math.min(1, Math.log(m / WAIT_FLOOR) / Math.log(WAIT_CEILING / WAIT_FLOOR));
  const fontSize = Math.round(12 + 12 * level);
  const at = level * (waitColours.length - 1);
  const i = Math.min(waitColours.length - 2, Math.floor(at));
  return { level, fontSize, height: Math.round(fontSize * 1.5), fill: mix(waitColours[i], waitColours[i + 1], at - i) };
}
