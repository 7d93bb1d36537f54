import { useState, type FormEvent } from 'react';

/** /join: type the code from the big screen, get into the session. No account. */
export function JoinScreen() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(body.error ?? `${res.status}`);
      window.location.assign(body.url);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <main className="sessions join">
      <h1>Join a workshop</h1>
      <form className="new-session" onSubmit={submit}>
        <label>
          Code from the big screen
          <input className="code-input" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} maxLength={12} autoFocus autoComplete="off" spellCheck={false} placeholder="ABC123" required />
        </label>
        <button type="submit" disabled={busy || code.trim().length < 6}>
          Join
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
