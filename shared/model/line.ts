import { z } from 'zod';
import { coordinate, shortText } from './fields.js';
import { idSchema } from './ids.js';
import { defineKind } from './kind.js';
import { orderKeySchema } from './order.js';

// A line across the whole board: the service blueprint's line of interaction, of
// visibility, of internal interaction. It sits on the bottom edge of `afterLaneId`, so it
// follows when lanes are resized or reordered; without a lane it stays at `y`.
export const lineStyleSchema = z.enum(['interaction', 'visibility', 'internal', 'custom']);
export type LineStyle = z.infer<typeof lineStyleSchema>;

const lineSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('line'),
  afterLaneId: idSchema.nullable(),
  y: coordinate,
  label: shortText,
  style: lineStyleSchema,
  order: orderKeySchema,
  locked: z.boolean(),
});
export type Line = z.infer<typeof lineSchema>;

export const lineLabels: Record<LineStyle, string> = {
  interaction: 'Line of interaction',
  visibility: 'Line of visibility',
  internal: 'Line of internal interaction',
  custom: 'Line',
};

const lineDefaults: Omit<Line, 'id' | 'kind' | 'order'> = { afterLaneId: null, y: 0, label: '', style: 'custom', locked: false };

export const lineKind = defineKind({
  kind: 'line',
  schema: lineSchema,
  label: 'Line',
  textField: 'label',
  grid: true,
  rotates: false,
  defaults: lineDefaults,
  migrations: [],
});

export const newLine = lineKind.create;
