/**
 * File ▸ Open a team server…: where the typed address goes. Always the system browser, never a
 * window of ours: a team server is another organisation's site, a facilitator pastes a secret
 * key into it, and only the browser shows the address and whether the connection is encrypted
 * (a `brownpaper server` on a LAN is often plain http). The remote origin then has no preload,
 * no IPC and no share of this app's session at all (docs/ARCHITECTURE.md, "Desktop app").
 *
 * Returns the address to open — the server's front door, `<origin>/`, which sends a browser to its
 * facilitators' sign-in — or throws one line saying what is wrong with what was typed.
 */
export function teamServerUrl(typed: string): string {
  const t = typed.trim();
  if (!t) throw new Error('Team server: type its address, e.g. https://workshops.example.org');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(t)?.[1].toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') throw new Error(`Team server: "${scheme}://" is not a web address; use https:// (or http://)`);
  let url: URL;
  try {
    url = new URL(scheme ? t : `${defaultScheme(t)}://${t}`);
  } catch {
    throw new Error(`Team server: "${t.slice(0, 80)}" is not an address`);
  }
  if (!url.hostname) throw new Error(`Team server: "${t.slice(0, 80)}" has no server name`);
  if (url.username || url.password) throw new Error('Team server: no user name or password in the address; you sign in on its page');
  return `${url.origin}/`;
}

/**
 * Without a scheme: https for a name (a team server on the internet is behind TLS, and a key
 * must not travel in clear by our guess), http for this machine or an IP address with a port —
 * what `brownpaper server` prints when nothing is in front of it.
 */
function defaultScheme(typed: string): 'http' | 'https' {
  const host = typed.replace(/[/?#].*$/, '');
  const local = /^(localhost|127(\.\d+){3}|\[::1\])(:\d+)?$/i.test(host);
  const ipWithPort = /^(\d+(\.\d+){3}|\[[0-9a-f:.]+\]):\d+$/i.test(host);
  return local || ipWithPort ? 'http' : 'https';
}
