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

const beforeRevertName = /^Before (?:reverting to|undoing the revert to) “(.*)”$/s;

/**
 * The name of the checkpoint a revert makes of the board before it: "Before reverting to
 * “before voting”", and, when the target is itself such a checkpoint (undoing a revert), "Before
 * undoing the revert to “before voting”" — the original name once, never nested quote in quote.
 */
export function nameBeforeRevert(target: Pick<Checkpoint, 'name' | 'kind'>): string {
  const inner = target.kind === 'before-revert' ? beforeRevertName.exec(target.name)?.[1] : undefined;
  const name = inner === undefined ? `Before reverting to “${target.name}”` : `Before undoing the revert to “${inner}”`;
  return name.length <= 200 ? name : `${name.slice(0, 198)}…”`;
}
