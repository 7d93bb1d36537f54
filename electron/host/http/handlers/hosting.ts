import { ApiError, type Handlers } from './types.js';

/** Hosting on the network: the owner's, on this machine's own listener only. */
export const hostingHandlers: Handlers<'hostingState' | 'startHosting' | 'stopHosting'> = {
  hostingState: ({ ctx }) => ctx.hosting.state(),
  startHosting: async ({ ctx, body }) => {
    try {
      return await ctx.hosting.start(body);
    } catch (e) {
      throw new ApiError(400, (e as Error).message);
    }
  },
  stopHosting: ({ ctx }) => ctx.hosting.stop(),
};
