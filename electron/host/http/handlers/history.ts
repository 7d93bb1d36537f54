import { joinUrl } from '../../../../shared/session.js';
import { ApiError, type Handlers } from './types.js';

/** A session's history: checkpoints the facilitator makes, looks at, reverts to, or opens as a new session. */
export const historyHandlers: Handlers<'listCheckpoints' | 'makeCheckpoint' | 'checkpointBoard' | 'revertToCheckpoint' | 'checkpointAsSession'> = {
  listCheckpoints: ({ ctx, sessionId }) => ctx.history.list(sessionId),
  makeCheckpoint: ({ ctx, sessionId, body }) => ctx.history.make(sessionId, body.name, body.kind),
  checkpointBoard: async ({ ctx, sessionId, body }) => {
    const state = await ctx.history.state(sessionId, body.checkpointId);
    if (!state) throw new ApiError(404, `no checkpoint ${body.checkpointId} in this session`);
    return { update: Buffer.from(state).toString('base64') };
  },
  revertToCheckpoint: async ({ ctx, sessionId, body }) => {
    const done = await ctx.history.revert(sessionId, body.checkpointId);
    if (!done) throw new ApiError(404, `no checkpoint ${body.checkpointId} in this session`);
    return done;
  },
  checkpointAsSession: async ({ ctx, sessionId, body, token }) => {
    // The facilitator whose link asks (on a team server, the one who opened the board with their key) owns the new session.
    const owner = await ctx.store.tokens.facilitatorOf(token);
    const session = await ctx.history.asNewSession(sessionId, body.checkpointId, owner);
    if (!session) throw new ApiError(404, `no checkpoint ${body.checkpointId} in this session`);
    return { session, url: joinUrl(ctx.publicUrl(), session.id, await ctx.store.tokens.issue(session.id, 'facilitator', 'history', undefined, owner)) };
  },
};
