import type { Color } from '../../shared/model/fields';

// Colours chosen to read on a projector over kraft paper: saturated enough to tell apart
// from the back of a room, dark ink on every card.
export const cardFill: Record<Color, string> = {
  yellow: '#fff27a',
  orange: '#ffc26b',
  pink: '#ffb3c7',
  purple: '#d7b8ff',
  blue: '#a9d8ff',
  green: '#b8ec9a',
  white: '#fffdf7',
  grey: '#dcd8d0',
};

export const ink = '#2b2118';
export const inkSoft = '#6b5a48';
export const selectionStroke = '#1f6feb';
export const laneHeaderWidth = 180;
export const stageHeaderHeight = 56;
export const fontFamily = '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
export const noteFontFamily = '"Segoe Print", "Bradley Hand", "Comic Neue", "Noto Sans", sans-serif';
