import { useEffect, useState } from 'react';

interface Codes {
  joinUrl: string;
  participant: string;
  viewer: string;
}

/** For the big screen: where to go and which code to type, per role. Codes end when hosting stops. */
export function InviteDialog({ sessionId, token, onClose }: { sessionId: string; token: string; onClose(): void }) {
  const [codes, setCodes] = useState<Codes | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ask = (role: string) =>
      fetch(`/api/sessions/${encodeURIComponent(sessionId)}/codes`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ role }) }).then(async (r) => {
        const body = await r.json();
        if (!r.ok) throw new Error(body.error);
        return body as { code: string; joinUrl: string };
      });
    Promise.all([ask('participant'), ask('viewer')]).then(([p, v]) => setCodes({ joinUrl: p.joinUrl, participant: p.code, viewer: v.code }), (e: Error) => setError(e.message));
  }, [sessionId, token]);
  return (
    <div className="invite-dialog" role="dialog" aria-label="Invite">
      <h2>Join this workshop</h2>
      {error && <p role="alert" className="error">{error}</p>}
      {codes && (
        <>
          <p className="join-url">
            Open <strong>{codes.joinUrl}</strong> and type
          </p>
          <p className="big-code" data-testid="participant-code" aria-label={`Participant code ${codes.participant}`}>
            {codes.participant}
          </p>
          <p className="small">
            To watch only: <strong data-testid="viewer-code">{codes.viewer}</strong>. Codes stop working when hosting stops.
          </p>
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
