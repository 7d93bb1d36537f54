import { z } from 'zod';
import { idSchema } from './ids.js';
import { orderKeySchema } from './order.js';

// Field schemas shared by the record kinds. zod's number() already refuses NaN and ±Infinity.
export const coordinate = z.number().min(-1e7).max(1e7);
export const extent = z.number().min(1).max(1e5);
export const shortText = z.string().max(200);
export const longText = z.string().max(20_000);

export const palette = ['yellow', 'orange', 'pink', 'purple', 'blue', 'green', 'white', 'grey'] as const;
export const colorSchema = z.enum(palette);
export type Color = z.infer<typeof colorSchema>;

/** Everything that sits on the canvas has a box, a z-order key and a lock flag. */
export const canvasFields = {
  id: idSchema,
  x: coordinate,
  y: coordinate,
  w: extent,
  h: extent,
  rotation: z.number().min(-360).max(360),
  order: orderKeySchema,
  locked: z.boolean(),
};

/** Cards (steps, notes) remember the grid cell they were dropped in. */
export const cellFields = {
  laneId: idSchema.nullable(),
  stageId: idSchema.nullable(),
};
