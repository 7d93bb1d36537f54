import { boardLook } from '../../shared/exchange/look';
import type { Color } from '../../shared/model/fields';
import type { LineStyle } from '../../shared/model/line';
import type { ValueClass } from '../../shared/model/step';

// Colours chosen to read on a projector over kraft paper: saturated enough to tell apart
// from the back of a room, dark ink on every card.
// The palette is defined once in shared/exchange/look.ts, so exported images match the canvas.
export const cardFill: Record<Color, string> = boardLook.cardFill;
export const valueClassColour: Record<ValueClass, string> = boardLook.valueClass;

export { valueClassLabel } from '../../shared/model/step';

export const flagStyle = {
  painPoint: { label: 'Pain', name: 'Pain point', fill: '#d64545' },
  failPoint: { label: 'Fail', name: 'Fail point', fill: '#8b1e3f' },
  waitPoint: { label: 'Wait', name: 'Wait point', fill: '#c77800' },
  momentOfTruth: { label: 'MoT', name: 'Moment of truth', fill: '#1f6feb' },
} as const;

export const lineStroke: Record<LineStyle, { stroke: string; dash: number[] }> = {
  interaction: { stroke: '#1d4e89', dash: [] },
  visibility: { stroke: '#1d4e89', dash: [18, 10] },
  internal: { stroke: '#1d4e89', dash: [4, 8] },
  custom: { stroke: '#5b4636', dash: [12, 8] },
};

export const ink = '#2b2118';
export const inkSoft = '#6b5a48';
export const selectionStroke = '#1f6feb';
export const laneHeaderWidth = 180;
export const stageHeaderHeight = 56;
/** Below this zoom, cards are drawn in one pass by one shape: boxes and one line of title. */
export const LOD_SCALE = 0.5;
/** Below this zoom the one-pass drawing leaves out even the titles. */
export const LOD_TEXT_SCALE = 0.3;
export const fontFamily = '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
export const noteFontFamily = '"Segoe Print", "Bradley Hand", "Comic Neue", "Noto Sans", sans-serif';
