import { z } from 'zod';
import { idSchema } from './ids.js';

/**
 * A checkpoint: a session's board as it was at a moment, kept by the host (the library issue).
 * Named ones the facilitator makes ("before voting"); automatic ones when the session opens,
 * after every 10 minutes of activity, before an import into it and before a revert.
 */
const checkpointKinds = ['named', 'opened', 'activity', 'before-import', 'before-revert'] as const;
export type CheckpointKind = (typeof checkpointKinds)[number];

export const checkpointSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(200),
  kind: z.enum(checkpointKinds),
  /** the names of the people in the room then */
  people: z.array(z.string().max(60)).max(500),
  createdAt: z.number().int(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** A checkpoint's name as the facilitator types it. */
export const checkpointNameSchema = z.string().trim().min(1, 'a name is needed').max(200, 'at most 200 characters');

/** How an automatic checkpoint reads in the history. */
export const checkpointKindLabel: Record<CheckpointKind, string> = {
  named: 'Checkpoint',
  opened: 'Session opened',
  activity: 'After 10 minutes of work',
  'before-import': 'Before an import',
  'before-revert': 'Before a revert',
};
