import { ApiError, type Handlers } from './types.js';

/** Dot voting: your own dots (GET), and every action on a round (POST). The ballots stay on the host. */
export const voteHandlers: Handlers<'myVotes' | 'vote'> = {
  myVotes: ({ ctx, sessionId, token }) => ctx.voting.mine(sessionId, token),
  vote: async ({ ctx, sessionId, role, token, body }) => {
    const result = await ctx.voting.handle(sessionId, role, token, body);
    if (!result.ok) throw new ApiError(result.status, result.error);
    return result.body;
  },
};
