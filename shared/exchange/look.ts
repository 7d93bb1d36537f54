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
  lines: {
    interaction: { stroke: '#1d4e89', dash: '' },
    visibility: { stroke: '#1d4e89', dash: '18 10' },
    internal: { stroke: '#1d4e89', dash: '4 8' },
    custom: { stroke: '#5b4636', dash: '12 8' },
  },
} as const;
