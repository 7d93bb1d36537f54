import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiRefusal, callApi } from '../../api/client';
import { ErrorLine } from '../../ui/ErrorLine';
import { UserText } from '../../ui/UserText';
import { signedInAs as nameOnTheBoards, signedOut } from '../../state/presence';
import { httpSessionsApi } from './sessionsApi';
import { SessionsStart } from './SessionsScreen';

/**
 * Where the key is kept: the browser's storage for this server's address only (each team server
 * is its own origin), so a reload or tomorrow's visit is still signed in, until "Sign out".
 */
const STORED = 'brownpaper.facilitatorKey';

function storedKey(): string | null {
  try {
    return localStorage.getItem(STORED);
  } catch {
    return null;
  }
}

function keep(key: string | null): void {
  try {
    if (key) localStorage.setItem(STORED, key);
    else localStorage.removeItem(STORED);
  } catch {
    // Storage refused (a private window's quota): signed in for this page only.
  }
}

/** Why a key did not open the server, in one line with what to do. */
function refusal(e: unknown, stored: boolean): string {
  if (e instanceof ApiRefusal && e.status === 401)
    return stored
      ? 'Your key no longer opens this server (it may have been revoked): paste the one you were given again, or ask for a new one.'
      : 'This key does not open this server: check that you pasted all of it, or ask whoever runs the server for yours.';
  if (e instanceof TypeError) return 'The server does not answer: check your connection and try again.';
  return `Not signed in: ${(e as Error).message}`;
}

/**
 * A team server's front door (`brownpaper server` sends / here): a facilitator pastes the API key
 * `brownpaper server add-facilitator` gave them, then gets the same start screen as the desktop's
 * owner — the server's sessions, "New session", open — over the owner routes with that key.
 * Participants never see this: they come with a join link or a code (/join).
 */
export function TeamScreen() {
  const [key, setKey] = useState<string | null>(storedKey);
  /** whose key has opened the server, by the name it was issued to (a stored key is asked again on each visit: it may be revoked); null until then */
  const [signedInAs, setSignedInAs] = useState<string | null>(null);
  /** their facilitator id: the library's "Mine" */
  const [me, setMe] = useState<string | undefined>(undefined);
  const signedIn = signedInAs !== null;
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** true from the start when a stored key is being asked about, so the form does not flash */
  const [busy, setBusy] = useState(() => storedKey() !== null);
  // No "Back up all sessions": a team server's sessions are its database, backed up with pg_dump by whoever runs it.
  const api = useMemo(() => (key && signedIn ? { ...httpSessionsApi(key), backUpAll: undefined } : null), [key, signedIn]);

  const tryKey = (candidate: string, stored: boolean) => {
    setBusy(true);
    setError(null);
    // "Who am I" both checks the key and names whose it is, for a shared laptop's next person.
    callApi('whoAmI', { token: candidate })
      .then(
        ({ name, id }) => {
          keep(candidate);
          setKey(candidate);
          setSignedInAs(name);
          setMe(id ?? '');
          nameOnTheBoards(name, id);
        },
        (e: unknown) => {
          if (stored) (keep(null), setKey(null));
          setError(refusal(e, stored));
        },
      )
      .finally(() => setBusy(false));
  };
  useEffect(() => {
    const stored = storedKey();
    if (stored) tryKey(stored, true);
  }, []);

  if (api)
    return (
      <SessionsStart
        api={api}
        elsewhere={false}
        me={me}
        account={
          <p className="team-account" data-testid="team-account">
            {/* A name of any length stays on one line, cut with an ellipsis (whole on hover), so Sign out stays in reach. */}
            <span className="team-account-name" title={signedInAs ?? undefined}>
              Signed in as{' '}
              <strong>
                <UserText>{signedInAs ?? ''}</UserText>
              </strong>
            </span>{' '}
            <button
              type="button"
              className="text-button"
              onClick={() => {
                keep(null);
                signedOut();
                setKey(null);
                setSignedInAs(null);
                setTyped('');
              }}
            >
              Sign out
            </button>
          </p>
        }
      />
    );
  if (key && busy) return <main className="sessions team-sign-in" aria-busy="true" />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A key copied from a terminal often brings a space or a line break with it.
    const candidate = typed.trim();
    if (candidate) tryKey(candidate, false);
  };
  return (
    <main className="sessions team-sign-in">
      <h1>Brownpaper</h1>
      <form className="new-session" onSubmit={submit} aria-label="Sign in">
        <h2>Sign in to this team server</h2>
        <label>
          Your facilitator API key
          <input
            type="password"
            name="key"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="current-password"
            spellCheck={false}
            autoFocus
            required
            aria-describedby="team-key-help"
          />
        </label>
        <ErrorLine error={error} />
        <p id="team-key-help" className="small">
          Whoever runs the server gives each facilitator a key (<code>brownpaper server add-facilitator</code>). This browser keeps it until you sign out.
        </p>
        <button type="submit" disabled={busy || !typed.trim()}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="team-join">
        Joining a workshop? <a href="/join">Enter the code from the big screen</a>.
      </p>
    </main>
  );
}
