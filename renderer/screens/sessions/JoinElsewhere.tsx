import { useState, type FormEvent } from 'react';
import type { SessionsApi } from '../../../shared/ipc';
import { ErrorLine } from '../../ui/ErrorLine';

/** "Join session": a workshop hosted on another computer, by the address and code on its big screen. */
export function JoinElsewhere({ api }: { api: SessionsApi }) {
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.joinSession({ address, code });
      if (!r.opened) window.location.assign(r.url);
    } catch (err) {
      setError((err as Error).message.replace(/^Error invoking remote method '[^']+': (Error: )?/, ''));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Join a session">
      <h2>Join a session on another computer</h2>
      <form className="new-session inner join-elsewhere" onSubmit={submit}>
        <label>
          Address on the big screen
          <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder="192.168.1.20:8787" autoComplete="off" spellCheck={false} required />
        </label>
        <label>
          Code
          <input
            className="code-input small-code"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            maxLength={12}
            placeholder="ABC123"
            autoComplete="off"
            spellCheck={false}
            required
          />
        </label>
        <button type="submit" disabled={busy || code.trim().length < 6 || !address.trim()}>
          Join
        </button>
        <ErrorLine error={error} />
      </form>
      <OpenOnServer />
    </section>
  );
}

/** Open a board in a room of any y-websocket server (a team's shared server), not on a Brownpaper host. */
function OpenOnServer() {
  const [server, setServer] = useState('');
  const [room, setRoom] = useState('');
  const valid = /^wss?:\/\/[^/\s]+/.test(server.trim()) && room.trim().length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const hash = new URLSearchParams({ server: server.trim(), room: room.trim() });
    window.location.assign(`/remote#${hash}`);
  };
  return (
    <details className="open-on-server">
      <summary>Use a y-websocket server instead</summary>
      <form className="new-session inner" onSubmit={submit}>
        <label>
          Server (ws:// or wss://)
          <input value={server} onChange={(e) => setServer(e.target.value)} placeholder="wss://sync.example.org" autoComplete="off" spellCheck={false} required />
        </label>
        <label>
          Room
          <input value={room} onChange={(e) => setRoom(e.target.value)} maxLength={200} placeholder="claims-blueprint" autoComplete="off" required />
        </label>
        <button type="submit" disabled={!valid}>
          Open
        </button>
      </form>
      <p className="small">Everyone in the room can change everything there: roles, codes and voting need a Brownpaper host.</p>
    </details>
  );
}
