import type * as Y from 'yjs';
import { z } from 'zod';
import { facilitationMap, readTimer, remainingMs } from '../model/facilitation.js';
import { defineOperation } from './types.js';
import { facilitationTouch } from './touches.js';

/** The workshop timer: start for some minutes, pause, resume, add a minute, reset. */
export const setTimer = defineOperation({
  name: 'setTimer',
  label: 'timer',
  args: z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('start'), minutes: z.number().min(0.25).max(240) }),
    z.strictObject({ action: z.enum(['pause', 'resume', 'addMinute', 'reset']) }),
  ]),
  touches: () => facilitationTouch,
  run(doc: Y.Doc, args, ctx): void {
    const t = readTimer(doc);
    const left = remainingMs(t, ctx.now);
    const next = (() => {
      switch (args.action) {
        case 'start':
          return { timerRunning: true, timerEndsAt: ctx.now + Math.round(args.minutes * 60_000), timerRemainingMs: Math.round(args.minutes * 60_000) };
        case 'pause':
          return { timerRunning: false, timerEndsAt: null, timerRemainingMs: left };
        case 'resume':
          return left > 0 ? { timerRunning: true, timerEndsAt: ctx.now + left, timerRemainingMs: left } : null;
        case 'addMinute':
          return t.timerRunning && t.timerEndsAt !== null ? { timerEndsAt: Math.max(t.timerEndsAt, ctx.now) + 60_000 } : { timerRemainingMs: left + 60_000 };
        case 'reset':
          return { timerRunning: false, timerEndsAt: null, timerRemainingMs: 0 };
      }
    })();
    if (!next) return;
    const m = facilitationMap(doc);
    doc.transact(() => Object.entries(next).forEach(([k, v]) => m.set(k, v)), ctx.origin);
  },
});

/** "Bring everyone here": every other window starts following this awareness client's view. */
export const summonEveryone = defineOperation({
  name: 'summonEveryone',
  label: 'bringing everyone here',
  args: z.strictObject({ clientId: z.number().int().nonnegative() }),
  touches: () => facilitationTouch,
  run(doc: Y.Doc, { clientId }, ctx): void {
    const m = facilitationMap(doc);
    doc.transact(() => {
      m.set('summonClient', clientId);
      m.set('summonAt', ctx.now);
    }, ctx.origin);
  },
});

/** Lock the template grid (lanes, stages, lines) for participants, or unlock it. */
export const setGridLocked = defineOperation({
  name: 'setGridLocked',
  label: 'grid lock',
  args: z.strictObject({ locked: z.boolean() }),
  touches: () => facilitationTouch,
  run(doc: Y.Doc, { locked }, ctx): void {
    const m = facilitationMap(doc);
    if ((m.get('gridLocked') === true) !== locked) doc.transact(() => m.set('gridLocked', locked), ctx.origin);
  },
});

/** Present: everyone's view tracks this awareness client's until it stops (null). */
export const setPresenter = defineOperation({
  name: 'setPresenter',
  label: 'presenting',
  args: z.strictObject({ clientId: z.number().int().nonnegative().nullable() }),
  touches: () => facilitationTouch,
  run(doc: Y.Doc, { clientId }, ctx): void {
    const m = facilitationMap(doc);
    if (m.get('presenter') !== clientId) doc.transact(() => m.set('presenter', clientId), ctx.origin);
  },
});
