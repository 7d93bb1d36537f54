import { apiRoutes, type RouteAnswer, type RouteBodyIn, type RouteName } from '../../shared/api/routes';

/** A refusal from the host: its status and its one-line reason. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Args<N extends RouteName> = {
  /** the session in the path, for routes that have one */
  sessionId?: string;
  /** an invite token or the owner key, sent as Bearer */
  token?: string | null;
  /** the query string's parameters (a sheet's name) */
  query?: Record<string, string>;
} & (RouteBodyIn<N> extends undefined ? { body?: undefined } : { body: RouteBodyIn<N> });

/**
 * The renderer's one way to the host's HTTP API: by route name from the shared route table
 * (shared/api/routes.ts), so method, path and body go together and the answer is checked by the
 * same schema the host answers with. A refusal throws ApiRefusal with the host's reason.
 */
export async function callApi<N extends RouteName>(name: N, args: Args<N>): Promise<RouteAnswer<N>> {
  const def = apiRoutes[name];
  const query = args.query && Object.keys(args.query).length ? `?${new URLSearchParams(args.query).toString()}` : '';
  const path = def.path.replace(':id', encodeURIComponent(args.sessionId ?? '')) + query;
  const body = args.body === undefined ? undefined : def.body === 'text' || def.body === 'bytes' ? (args.body as BodyInit) : JSON.stringify(args.body);
  const type = def.body === 'text' ? 'text/plain' : def.body === 'bytes' ? 'application/octet-stream' : 'application/json';
  const res = await fetch(path, {
    method: def.method,
    headers: { ...(args.token ? { Authorization: `Bearer ${args.token}` } : {}), ...(body !== undefined ? { 'Content-Type': type } : {}) },
    body,
  });
  const answer = (await res.json().catch(() => ({}))) as unknown;
  if (!res.ok) throw new ApiRefusal(res.status, (answer as { error?: string }).error ?? `${res.status} ${res.statusText}`);
  const parsed = def.answer.safeParse(answer);
  if (!parsed.success) throw new ApiRefusal(res.status, `the host answered ${name} with something unexpected`);
  return parsed.data as RouteAnswer<N>;
}

/**
 * A route that answers with a file (its `file` flag in shared/api/routes.ts): the bytes and the
 * name the host gives it (Content-Disposition), for a download. A refusal throws ApiRefusal as callApi does.
 */
export async function fetchFile<N extends RouteName>(name: N, args: Args<N>): Promise<{ name: string; blob: Blob }> {
  const def = apiRoutes[name];
  const res = await fetch(def.path.replace(':id', encodeURIComponent(args.sessionId ?? '')), { method: def.method, headers: args.token ? { Authorization: `Bearer ${args.token}` } : {} });
  if (!res.ok) {
    const answer = (await res.json().catch(() => ({}))) as { error?: string };
    throw new ApiRefusal(res.status, answer.error ?? `${res.status} ${res.statusText}`);
  }
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/.exec(disposition)?.[1];
  return { name: utf8 ? decodeURIComponent(utf8) : (plain ?? 'download'), blob: await res.blob() };
}
