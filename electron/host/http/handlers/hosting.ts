import type { Handlers } from './types.js';

/** Hosting on the network: the owner's (electron/host/owner.ts), on this machine's own listener only. */
export const hostingHandlers: Handlers<'hostingState' | 'startHosting' | 'stopHosting'> = {
  hostingState: ({ ctx }) => ctx.owner.hostingState(),
  startHosting: ({ ctx, body }) => ctx.owner.startHosting(body),
  stopHosting: ({ ctx }) => ctx.owner.stopHosting(),
};
