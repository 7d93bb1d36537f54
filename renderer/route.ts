/** What the address bar asks for. Tokens ride in the fragment so they never reach a server log. */
export type Route =
  | { screen: 'bench' }
  | { screen: 'join' }
  /** projector: the big-screen view the desktop app puts on a second display (#…&view=projector) */
  | { screen: 'board'; sessionId: string; token: string | null; projector: boolean }
  /** a board on any y-websocket server (not a Brownpaper host): ws(s) URL, room name, optional token */
  | { screen: 'remote'; server: string; room: string; token: string | null }
  | { screen: 'sessions'; ownerToken: string | null }
  /** a team server's front door (it sends / to /?team): its facilitators sign in with their API key */
  | { screen: 'team' };

export function readRoute(loc: Location = window.location): Route {
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''));
  if (loc.pathname === '/bench') return { screen: 'bench' };
  if (loc.pathname === '/join') return { screen: 'join' };
  if (loc.pathname === '/remote') return { screen: 'remote', server: hash.get('server') ?? '', room: hash.get('room') ?? '', token: hash.get('token') };
  const m = /^\/s\/([^/]+)\/?$/.exec(loc.pathname);
  if (m) return { screen: 'board', sessionId: decodeURIComponent(m[1]), token: hash.get('token'), projector: hash.get('view') === 'projector' };
  if (new URLSearchParams(loc.search).has('team')) return { screen: 'team' };
  return { screen: 'sessions', ownerToken: rememberOwner(hash.get('owner')) };
}

/**
 * The owner key opens the session list in the browser fallback. It is kept for this tab
 * only, so "home" links work without putting the key back into the address bar.
 */
function rememberOwner(fromHash: string | null): string | null {
  try {
    if (fromHash) sessionStorage.setItem('brownpaper.owner', fromHash);
    return fromHash ?? sessionStorage.getItem('brownpaper.owner');
  } catch {
    return fromHash;
  }
}
