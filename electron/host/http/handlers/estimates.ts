import type { EstimateResult } from '../../estimates/estimates.js';
import { ApiError, type Handlers } from './types.js';

const answered = async <T>(pending: Promise<EstimateResult<T>>): Promise<T> => {
  const result = await pending;
  if (!result.ok) throw new ApiError(result.status, result.error);
  return result.body;
};

/** Estimates from the floor: ask, answer, your own answer, reveal, cancel. The answers stay on the host until the reveal. */
export const estimateHandlers: Handlers<'askEstimate' | 'answerEstimate' | 'myEstimateAnswer' | 'revealEstimate' | 'cancelEstimate'> = {
  askEstimate: ({ ctx, sessionId, role, body }) => answered(ctx.estimates.ask(sessionId, role, body)),
  answerEstimate: ({ ctx, sessionId, role, token, body }) => answered(ctx.estimates.answer(sessionId, role, token, body)),
  myEstimateAnswer: ({ ctx, sessionId, token }) => ctx.estimates.mine(sessionId, token),
  revealEstimate: ({ ctx, sessionId, role, body }) => answered(ctx.estimates.reveal(sessionId, role, body.estimateId)),
  cancelEstimate: ({ ctx, sessionId, role, body }) => answered(ctx.estimates.cancel(sessionId, role, body.estimateId)),
};
