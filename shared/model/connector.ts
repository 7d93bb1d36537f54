import { z } from 'zod';
import { shortText } from './fields.js';
import { idSchema } from './ids.js';
import { defineKind } from './kind.js';
import { orderKeySchema } from './order.js';

// A connector binds two elements by id; its geometry is derived from theirs when drawn,
// so it stays attached when either end moves.
export const connectorSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('connector'),
  fromId: idSchema,
  toId: idSchema,
  label: shortText,
  route: z.enum(['straight', 'elbow']),
  order: orderKeySchema,
  locked: z.boolean(),
});
export type Connector = z.infer<typeof connectorSchema>;

const connectorDefaults: Omit<Connector, 'id' | 'kind' | 'order' | 'fromId' | 'toId'> = { label: '', route: 'straight', locked: false };

export const connectorKind = defineKind({
  kind: 'connector',
  schema: connectorSchema,
  label: 'Connector',
  textField: 'label',
  grid: false,
  rotates: false,
  defaults: connectorDefaults,
  migrations: [],
});

export const newConnector = connectorKind.create;
