import type { ApiContext } from '../api.js';
import { ApiError, type Handlers } from './types.js';

/** The browser of this machine: its boards open at the local address, with tokens labelled 'owner'. */
const browser = (ctx: ApiContext) => ({ base: ctx.localUrl(), label: 'owner' });

/** The same, saying who asks: on a team server the facilitator, who becomes the owner of a session they make. */
const maker = async (ctx: ApiContext, token: string) => ({ ...browser(ctx), owner: (await ctx.ownerKey.whose(token)).id ?? null });

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
  createSession: async ({ ctx, body, token }) => ctx.owner.createSession(body, await maker(ctx, token)),
  importSession: async ({ ctx, body, token }) => ctx.owner.importSession(body, await maker(ctx, token)),
  openSession: async ({ ctx, sessionId, token }) => ctx.owner.openSession(sessionId, await maker(ctx, token)),
  duplicateSession: async ({ ctx, sessionId, token }) => ctx.owner.duplicateSession(sessionId, await maker(ctx, token)),
  trashSession: ({ ctx, sessionId }) => ctx.owner.trashSession(sessionId),
  restoreSession: ({ ctx, sessionId }) => ctx.owner.restoreSession(sessionId),
  listTrash: ({ ctx }) => ctx.owner.listTrash(),
  emptyTrash: ({ ctx }) => ctx.owner.emptyTrash(),
  library: ({ ctx }) => ctx.owner.library(),
  whoAmI: ({ ctx, token }) => ctx.ownerKey.whose(token),
  renameSessionTitle: ({ ctx, sessionId, body }) => ctx.owner.renameSession(sessionId, body.title),
  session: async ({ ctx, sessionId, role }) => {
    const session = await ctx.store.sessions.get(sessionId);
    if (!session) throw new ApiError(401, 'this link is not valid for the session');
    return { session, role };
  },
};
