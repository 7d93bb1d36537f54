import { joinUrl } from '../../../../shared/session.js';
import { importSessionText } from '../../store/importSession.js';
import type { ApiContext } from '../api.js';
import { ApiError, type Handlers } from './types.js';

/** A fresh facilitator link for this machine's own browser. */
const ownerLink = (ctx: ApiContext, id: string) => joinUrl(ctx.localUrl(), id, ctx.store.tokens.issue(id, 'facilitator', 'owner'));

export const sessionHandlers: Handlers<'listSessions' | 'createSession' | 'importSession' | 'openSession' | 'session'> = {
  listSessions: ({ ctx }) => ctx.store.sessions.list(),
  createSession: ({ ctx, body }) => {
    const session = ctx.store.sessions.create(body);
    return { session, url: ownerLink(ctx, session.id) };
  },
  importSession: ({ ctx, body }) => {
    try {
      const session = importSessionText(ctx.store, body, 'file');
      return { session, url: ownerLink(ctx, session.id) };
    } catch (e) {
      throw new ApiError(400, (e as Error).message);
    }
  },
  openSession: ({ ctx, sessionId }) => {
    if (!ctx.store.sessions.get(sessionId)) throw new ApiError(404, `no session ${sessionId}`);
    return { url: ownerLink(ctx, sessionId) };
  },
  session: ({ ctx, sessionId, role }) => {
    const session = ctx.store.sessions.get(sessionId);
    if (!session) throw new ApiError(401, 'this link is not valid for the session');
    return { session, role };
  },
};
