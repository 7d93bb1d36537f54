/**
 * What is wrong with a PostgreSQL URL, in the operator's words (after "--postgres" or "the URL"), or null. The usual trap is a
 * password holding a character the URL gives a meaning to (`#` starts a fragment, `@` ends the
 * user part): the URL then does not parse, or names another host, and pg's "Invalid URL" says
 * neither. Never echoes the URL: it may hold a password.
 */
export function postgresUrlProblem(url: string): string | null {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // said below
  }
  const encodeHint = 'a password (or user) holding # @ / ? : or % must be percent-encoded in the URL: # → %23, @ → %40, / → %2F, ? → %3F, : → %3A, % → %25';
  const shape = 'postgres://USER:PASSWORD@HOST:5432/DATABASE';
  if (!parsed) return `does not parse as ${shape}${url.includes('@') ? `: ${encodeHint}` : ''}`;
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return `takes a URL like ${shape}`;
  // A raw @ in the password parses, but as part of the user and password, with the rest as host.
  if (parsed.username.includes('%40') || parsed.password.includes('%40')) {
    if (!/%40/i.test(url)) return `has more than one @ before its host: ${encodeHint}`;
  }
  if (!parsed.hostname) return `takes a URL like ${shape}`;
  return null;
}

/** Where the store is, without the password: for messages. */
export function postgresWhere(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL (the URL does not parse)';
  }
}
