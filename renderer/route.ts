/** What the address bar asks for. Tokens ride in the fragment so they never reach a server log. */
export type Route =
  | { screen: 'board'; sessionId: string; token: string | null }
  | { screen: 'sessions'; ownerToken: string | null };

export function readRoute(loc: Location = window.location): Route {
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const m = /^\/s\/([^/]+)\/?$/.exec(loc.pathname);
  if (m) return { screen: 'board', sessionId: decodeURIComponent(m[1]), token: hash.get('token') };
  return { screen: 'sessions', ownerToken: hash.get('owner') };
}
