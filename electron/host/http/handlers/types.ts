import type { IncomingMessage } from 'node:http';
import type { RouteAnswer, RouteBody, RouteName } from '../../../../shared/api/routes.js';
import type { Role } from '../../../../shared/session.js';
import type { ApiContext } from '../api.js';

/** A refusal a handler throws: its status and the one line the caller reads. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a handler is given: checked already — the caller's right to call, the body's schema. */
export interface Call<N extends RouteName> {
  ctx: ApiContext;
  req: IncomingMessage;
  /** the session in the path, for routes that have one */
  sessionId: string;
  body: RouteBody<N>;
  /** the invite token (invite and facilitator routes) and its role */
  token: string;
  role: Role;
}

export type Handler<N extends RouteName> = (call: Call<N>) => RouteAnswer<N> | Promise<RouteAnswer<N>>;
export type Handlers<N extends RouteName> = { [K in N]: Handler<K> };
