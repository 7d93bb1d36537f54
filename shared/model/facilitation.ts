import type * as Y from 'yjs';
import { z } from 'zod';

/**
 * Facilitation state, in the doc's `facilitation` map, so every window shows it live:
 * the timer, the last "bring everyone here" (summonClient, summonAt), the grid lock (gridLocked)
 * and who is presenting (presenter: an awareness client id). Only the facilitator changes it (the host refuses others: electron/host/sync/policy.ts).
 *
 * The timer stores when it ends (epoch ms) while running, or what remains while paused, so
 * each window counts down on its own clock; laptops on one network agree to within a second.
 */
const timerSchema = z.strictObject({
  timerEndsAt: z.number().int().nullable(),
  timerRemainingMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600_000),
  timerRunning: z.boolean(),
});
export type TimerState = z.infer<typeof timerSchema>;

export function facilitationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('facilitation');
}

export function readTimer(doc: Y.Doc): TimerState {
  const m = facilitationMap(doc);
  const r = timerSchema.safeParse({ timerEndsAt: m.get('timerEndsAt'), timerRemainingMs: m.get('timerRemainingMs'), timerRunning: m.get('timerRunning') });
  return r.success ? r.data : { timerEndsAt: null, timerRemainingMs: 0, timerRunning: false };
}

/** Milliseconds left at `now`. */
export function remainingMs(t: TimerState, now: number): number {
  return t.timerRunning && t.timerEndsAt !== null ? Math.max(0, t.timerEndsAt - now) : t.timerRemainingMs;
}

/** The facilitator's last "bring everyone here": who asked (an awareness client id), and when. */
export interface Summon {
  client: number;
  at: number;
}

/** The last revert to a checkpoint (written by the host with the revert): to what, and when. */
export interface Revert {
  to: string;
  at: number;
}

/** Written by the host in the revert's own transaction, so every window can say what happened. */
export function noteRevert(doc: Y.Doc, to: string, at: number): void {
  const m = facilitationMap(doc);
  m.set('revertedTo', to.slice(0, 200));
  m.set('revertedAt', at);
}

/** The rest of the facilitation state: the grid lock, who is presenting, the last summons, the last revert. */
export function readFacilitation(doc: Y.Doc): { gridLocked: boolean; presenter: number | null; summon: Summon | null; revert: Revert | null } {
  const m = facilitationMap(doc);
  const presenter = m.get('presenter');
  const client = m.get('summonClient');
  const at = m.get('summonAt');
  const revertedTo = m.get('revertedTo');
  const revertedAt = m.get('revertedAt');
  return {
    gridLocked: m.get('gridLocked') === true,
    presenter: typeof presenter === 'number' && Number.isSafeInteger(presenter) ? presenter : null,
    summon: typeof client === 'number' && typeof at === 'number' ? { client, at } : null,
    revert: typeof revertedTo === 'string' && typeof revertedAt === 'number' ? { to: revertedTo, at: revertedAt } : null,
  };
}

/** Every field the facilitation map may hold, with its schema (the host checks each write). */
export const facilitationFieldSchemas: Record<string, z.ZodType> = {
  ...timerSchema.shape,
  summonClient: z.number().int().nonnegative(),
  summonAt: z.number().int().nonnegative(),
  gridLocked: z.boolean(),
  presenter: z.number().int().nonnegative().nullable(),
  // revertedTo / revertedAt are left out on purpose: only the host writes them (noteRevert), so
  // a window's update that touches them is refused like any unknown field.
};
