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

// Flag colours come from the shared look, so the canvas, the selection toolbar and the exports agree.
const flags = boardLook.flags;
export const flagStyle = {
  painPoint: { label: flags.painPoint.label, name: 'Pain point', fill: flags.painPoint.fill },
  failPoint: { label: flags.failPoint.label, name: 'Fail point', fill: flags.failPoint.fill },
  waitPoint: { label: flags.waitPoint.label, name: 'Wait point', fill: flags.waitPoint.fill },
  momentOfTruth: { label: flags.momentOfTruth.label, name: 'Moment of truth', fill: flags.momentOfTruth.fill },
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

/** Heat view: a step's share of the total cost (red) or its wait against the longest (blue-violet), pale to deep; the same near and far. */
export function heatFill(by: 'cost' | 'wait' | null, share: number): string {
  return `${by === 'wait' ? 'rgba(72,52,196,' : 'rgba(214,69,69,'}${(0.08 + 0.6 * share).toFixed(3)})`;
}
/** Below this zoom the one-pass drawing leaves out even the titles. */
export const LOD_TEXT_SCALE = 0.3;
export const fontFamily = '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
export const noteFontFamily = '"Segoe Print", "Bradley Hand", "Comic Neue", "Noto Sans", sans-serif';

/**
 * Type sizes on the cards, in board units. The big screen uses larger ones so that, at the zoom
 * it opens with, a title is at least BIG_SCREEN_TITLE_PX on the projector (canvas/bigScreenView.ts).
 */
export interface CardType {
  title: number;
  chip: number;
  owner: number;
  /** height of the chips and the cost badge, and of the footer row that holds them */
  chipHeight: number;
  footer: number;
  /** the card's height that is not the title's: top padding and the gap above the footer */
  titleInset: number;
  note: number;
  /** the "to-be: <scenario>" tag under a step only a to-be has (ToBeTag.tsx): read from the back of the room on the big screen */
  toBeTag: number;
}
export const cardTypes: Record<'desk' | 'bigScreen', CardType> = {
  desk: { title: 18, chip: 14, owner: 13, chipHeight: 22, footer: 30, titleInset: 26, note: 18, toBeTag: 14 },
  bigScreen: { title: 26, chip: 17, owner: 15, chipHeight: 26, footer: 34, titleInset: 20, note: 24, toBeTag: 21 },
};
/** Readable from the back of a room: the least size a card title gets on the big screen, in screen px. */
export const BIG_SCREEN_TITLE_PX = 28;
/**
 * Still read from the back of a room: the big screen shows the whole map with its timeline ladder
 * down to this title size, rather than cut the ladder off below the screen (a 4-lane map with
 * its ladder on a 1,920 × 1,080 projector comes to about 23 px).
 */
export const BIG_SCREEN_WHOLE_MAP_TITLE_PX = 22;
