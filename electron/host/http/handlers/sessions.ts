import type { ApiContext } from '../api.js';
import { ApiError, type Handlers } from './types.js';

/** The browser of this machine: its boards open at the local address, with tokens labelled 'owner'. */
const browser = (ctx: ApiContext) => ({ base: ctx.localUrl(), label: 'owner' });

/** The owner's session list (electron/host/owner.ts), and the session an invite link opens. */
export const sessionHandlers: Handlers<
  | 'listSessions'
  | 'createSession'
  | 'importSession'
  | 'openSession'
  | 'session'
  | 'duplicateSession'
  | 'trashSession'
  | 'restoreSession'
  | 'listTrash'
  | 'emptyTrash'
  | 'library'
  | 'renameSessionTitle'
  | 'whoAmI'
> = {
  listSessions: ({ ctx }) => ctx.owner.listSessions(),
  createSession: ({ ctx, body }) => ctx.owner.createSession(body, browser(ctx)),
  importSession: ({ ctx, body }) => ctx.owner.importSession(body, browser(ctx)),
  openSession: ({ ctx, sessionId }) => ctx.owner.openSession(sessionId, browser(ctx)),
  duplicateSession: ({ ctx, sessionId }) => ctx.owner.duplicateSession(sessionId, browser(ctx)),
  trashSession: ({ ctx, sessionId }) => ctx.owner.trashSession(sessionId),
  restoreSession: ({ ctx, sessionId }) => ctx.owner.restoreSession(sessionId),
  listTrash: ({ ctx }) => ctx.owner.listTrash(),
  emptyTrash: ({ ctx }) => ctx.owner.emptyTrash(),
  library: ({ ctx }) => ctx.owner.library(),
  whoAmI: async ({ ctx, token }) => ({ name: await ctx.ownerKey.whose(token) }),
  renameSessionTitle: ({ ctx, sessionId, body }) => ctx.owner.renameSession(sessionId, body.title),
  session: async ({ ctx, sessionId, role }) => {
    const session = await ctx.store.sessions.get(sessionId);
    if (!session) throw new ApiError(401, 'this link is not valid for the session');
    return { session, role };
  },
};
