import { callApi } from '../../api/client';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorLine } from '../../ui/ErrorLine';
import { savedName, saveName } from '../../state/presence';

/** A code carried in the address (#code=…), as the QR code on the big screen has it. */
function codeFromAddress(): string {
  return (new URLSearchParams(window.location.hash.replace(/^#/, '')).get('code') ?? '').toUpperCase().slice(0, 12);
}

/** /join: type the code from the big screen (or scan its QR code), get into the session. No account. */
export function JoinScreen() {
  const [code, setCode] = useState(codeFromAddress);
  const [name, setName] = useState(() => savedName() ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    // The name others see on your pointer and in the list of who is here (changeable on the board).
    if (name.trim()) saveName(name.trim().slice(0, 60));
    try {
      window.location.assign((await callApi('join', { body: { code } })).url);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  // Scanned by someone who has been here before: code and name are known, so join at once.
  useEffect(() => {
    if (codeFromAddress().length >= 6 && savedName()) void submit();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <main className="sessions join">
      <h1>Join a workshop</h1>
      <form className="new-session" onSubmit={submit}>
        <label>
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoFocus={!name} autoComplete="name" placeholder="as the others will see it" required />
        </label>
        <label>
          Code from the big screen
          <input
            className="code-input"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            maxLength={12}
            autoFocus={!!name}
            autoComplete="off"
            spellCheck={false}
            placeholder="ABC123"
            required
          />
        </label>
        <button type="submit" disabled={busy || code.trim().length < 6 || !name.trim()}>
          Join
        </button>
        <ErrorLine error={error} />
      </form>
    </main>
  );
}
