import { ApiError, type Handlers } from './types.js';

/** Private rounds: the facilitator runs them; each writer reads and changes only their own cards. The cards stay on the host. */
export const privateRoundHandlers: Handlers<'privateRound' | 'myPrivateCards' | 'privateCard'> = {
  privateRound: async ({ ctx, sessionId, role, body }) => answer(await ctx.privateRounds.run(sessionId, role, body)),
  myPrivateCards: ({ ctx, sessionId, token }) => ctx.privateRounds.mine(sessionId, token),
  privateCard: async ({ ctx, sessionId, role, token, body }) => answer(await ctx.privateRounds.write(sessionId, role, token, body)),
};

function answer<T>(result: { ok: true; body: T } | { ok: false; status: number; error: string }): T {
  if (!result.ok) throw new ApiError(result.status, result.error);
  return result.body;
}
