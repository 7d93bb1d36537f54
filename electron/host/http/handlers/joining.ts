import { joinUrl } from '../../../../shared/session.js';
import { ApiError, type Handlers } from './types.js';

/** Joining without a link: codes per role, exchanged for a token; and removing a person. */
export const joiningHandlers: Handlers<'join' | 'joinCode' | 'removePerson'> = {
  join: async ({ ctx, req, body }) => {
    const address = ctx.clientAddress?.(req) ?? req.socket.remoteAddress ?? '?';
    const wait = await ctx.limiter.blockedFor(address);
    if (wait > 0) throw Object.assign(new ApiError(429, `too many wrong codes from this address; try again in ${wait} s`), { retryAfter: wait });
    const found = await ctx.codes.lookup(body.code);
    if (!found || !(await ctx.store.sessions.get(found.sessionId))) {
      await ctx.limiter.fail(address);
      throw new ApiError(401, `no session has that code (${ctx.codes.lasts.replace(/\.$/, '').toLowerCase()})`);
    }
    const token = await ctx.store.tokens.issue(found.sessionId, found.role, 'code');
    return { sessionId: found.sessionId, role: found.role, token, url: joinUrl(ctx.publicUrl(), found.sessionId, token) };
  },
  joinCode: async ({ ctx, sessionId, body }) => ({
    code: await ctx.codes.codeFor(sessionId, body.role),
    role: body.role,
    joinUrl: `${ctx.publicUrl()}/join`,
    lasts: ctx.codes.lasts,
    server: ctx.dataDir === null ? 'team' : 'desktop',
  }),
  removePerson: async ({ ctx, sessionId, body }) => {
    if (!(await ctx.kick(sessionId, body.clientId))) throw new ApiError(404, `no one with client id ${body.clientId} is connected`);
    return { kicked: body.clientId };
  },
};
