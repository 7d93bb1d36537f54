import { z } from 'zod';
import { canvasFields, cellFields, colorSchema, longText } from './fields.js';
import { defineKind } from './kind.js';

export const noteSchema = z.strictObject({
  ...canvasFields,
  ...cellFields,
  kind: z.literal('note'),
  text: longText,
  color: colorSchema,
});
export type Note = z.infer<typeof noteSchema>;

const noteDefaults: Omit<Note, 'id' | 'kind' | 'x' | 'y' | 'order'> = { w: 180, h: 140, rotation: 0, locked: false, text: '', color: 'yellow', laneId: null, stageId: null };

export const noteKind = defineKind({
  kind: 'note',
  schema: noteSchema,
  label: 'Note',
  textField: 'text',
  grid: false,
  rotates: true,
  defaults: noteDefaults,
  migrations: [],
});

export const newNote = noteKind.create;
