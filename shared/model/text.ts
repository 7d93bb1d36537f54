import { z } from 'zod';
import { canvasFields, longText } from './fields.js';
import { defineKind } from './kind.js';

export const textSchema = z.strictObject({
  ...canvasFields,
  kind: z.literal('text'),
  text: longText,
  fontSize: z.number().min(8).max(400),
});
export type Text = z.infer<typeof textSchema>;

const textDefaults: Omit<Text, 'id' | 'kind' | 'x' | 'y' | 'order'> = { w: 240, h: 40, rotation: 0, locked: false, text: '', fontSize: 24 };

export const textKind = defineKind({
  kind: 'text',
  schema: textSchema,
  label: 'Text',
  textField: 'text',
  grid: false,
  rotates: true,
  defaults: textDefaults,
  migrations: [],
});

export const newText = textKind.create;
