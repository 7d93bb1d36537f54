import { z } from 'zod';
import { canvasFields, shortText } from './fields.js';
import { defineKind } from './kind.js';

// A named region of the board, to export or present; drawn behind the cards.
export const frameSchema = z.strictObject({
  ...canvasFields,
  kind: z.literal('frame'),
  name: shortText,
});
export type Frame = z.infer<typeof frameSchema>;

const frameDefaults: Omit<Frame, 'id' | 'kind' | 'x' | 'y' | 'order'> = { w: 800, h: 500, rotation: 0, locked: false, name: 'Frame' };

export const frameKind = defineKind({
  kind: 'frame',
  schema: frameSchema,
  label: 'Frame',
  textField: 'name',
  grid: false,
  rotates: false,
  defaults: frameDefaults,
  migrations: [],
});

export const newFrame = frameKind.create;
