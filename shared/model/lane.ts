import { z } from 'zod';
import { extent, shortText } from './fields.js';
import { idSchema } from './ids.js';
import { defineKind } from './kind.js';
import { orderKeySchema } from './order.js';

// A lane is a row of the map ("Customer", "Frontstage", …). Its y position is not stored:
// it follows from the order of all lanes and their heights, so reordering or resizing one
// lane moves the cards of the lanes below without rewriting every card.
const laneSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('lane'),
  name: shortText,
  order: orderKeySchema,
  size: extent,
  locked: z.boolean(),
  /** journeys: this lane draws the emotion curve of the steps across the stages */
  showsEmotion: z.boolean(),
});
export type Lane = z.infer<typeof laneSchema>;

const laneDefaults: Omit<Lane, 'id' | 'kind' | 'order'> = { name: 'Lane', size: 200, locked: false, showsEmotion: false };

export const laneKind = defineKind({
  kind: 'lane',
  schema: laneSchema,
  label: 'Lane',
  textField: 'name',
  grid: true,
  rotates: false,
  defaults: laneDefaults,
  migrations: [{ id: 'lane/1', name: 'emotion lanes', boardVersion: 2, up: (r) => ({ showsEmotion: false, ...r }) }],
});

export const newLane = laneKind.create;
