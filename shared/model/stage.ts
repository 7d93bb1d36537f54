import { z } from 'zod';
import { extent, shortText } from './fields.js';
import { idSchema } from './ids.js';
import { defineKind } from './kind.js';
import { orderKeySchema } from './order.js';

// A stage is a column of the map ("Awareness", "Ask", …); like lanes, its x position is
// derived from the order and widths of all stages.
const stageSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('stage'),
  name: shortText,
  order: orderKeySchema,
  size: extent,
  locked: z.boolean(),
});
export type Stage = z.infer<typeof stageSchema>;

const stageDefaults: Omit<Stage, 'id' | 'kind' | 'order'> = { name: 'Stage', size: 280, locked: false };

export const stageKind = defineKind({
  kind: 'stage',
  schema: stageSchema,
  label: 'Stage',
  textField: 'name',
  grid: true,
  rotates: false,
  defaults: stageDefaults,
  migrations: [],
});

export const newStage = stageKind.create;
