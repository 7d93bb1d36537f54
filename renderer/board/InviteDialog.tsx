import { useEffect, useState } from 'react';
import type { HostingState } from '../../shared/hosting';
import { pickSessionsApi } from '../sessions/sessionsApi';
import { ErrorLine } from '../ui/ErrorLine';

interface Codes {
  joinUrl: string;
  participant: string;
  viewer: string;
}

async function askCodes(sessionId: string, token: string): Promise<Codes> {
  const ask = (role: string) =>
    fetch(`/api/sessions/${encodeURIComponent(sessionId)}/codes`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ role }) }).then(async (r) => {
      const body = await r.json();
      if (!r.ok) throw new Error(body.error);
      return body as { code: string; joinUrl: string };
    });
  const [p, v] = await Promise.all([ask('participant'), ask('viewer')]);
  return { joinUrl: p.joinUrl, participant: p.code, viewer: v.code };
}

/** A QR code (SVG) for a phone or laptop camera: the join page with the code filled in. */
function Qr({ text }: { text: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    // The QR encoder is loaded when the invite is shown, not with the board.
    import('qrcode')
      .then(({ default: QRCode }) => QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#2b2118', light: '#fffaf0' } }))
      .then(setSvg, () => setSvg(''));
  }, [text]);
  return <div className="qr" role="img" aria-label={`QR code for ${text}`} data-testid="join-qr" dangerouslySetInnerHTML={{ __html: svg }} />;
}

/**
 * For the big screen: where to go and which code to type, per role, and a QR code. On this
 * machine's own window it also turns hosting on the network on and off; until then only this
 * computer can join.
 */
export function InviteDialog({ sessionId, token, onClose }: { sessionId: string; token: string; onClose(): void }) {
  const [codes, setCodes] = useState<Codes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const api = pickSessionsApi();
  const [hosting, setHosting] = useState<HostingState | null>(null);
  const [bind, setBind] = useState('0.0.0.0');
  const [busy, setBusy] = useState(false);
  const refreshCodes = () => askCodes(sessionId, token).then(setCodes, (e: Error) => setError(e.message));
  useEffect(() => {
    void refreshCodes();
    api?.hostingState().then(setHosting, () => setHosting(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId, token]);
  const change = (run: () => Promise<HostingState>) => {
    setBusy(true);
    setError(null);
    run()
      .then((state) => (setHosting(state), refreshCodes()))
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const local = hosting !== null && hosting.lan === null;
  return (
    <div className="invite-dialog" role="dialog" aria-label="Invite">
      <h2>Join this workshop</h2>
      <ErrorLine error={error} />
      {codes && (
        <div className="invite-body">
          <div>
            <p className="join-url">
              Open <strong data-testid="join-url">{codes.joinUrl}</strong> and type
            </p>
            <p className="big-code" data-testid="participant-code" aria-label={`Participant code ${codes.participant}`}>
              {codes.participant}
            </p>
            <p className="small">
              To watch only: <strong data-testid="viewer-code">{codes.viewer}</strong>. Codes stop working when hosting stops.
            </p>
          </div>
          {!local && <Qr text={`${codes.joinUrl}#code=${codes.participant}`} />}
        </div>
      )}
      {hosting && api && (
        <div className="hosting" data-testid="hosting">
          {hosting.lan ? (
            <>
              <span>
                On the network at <strong>{hosting.lan.url}</strong>
                {hosting.lan.also.length > 0 && <small className="also"> — also {hosting.lan.also.join(', ')}</small>}
              </span>
              <button type="button" className="text-button" disabled={busy} onClick={() => change(() => api.stopHosting())}>
                Stop hosting
              </button>
            </>
          ) : (
            <>
              <span>Only this computer can join now.</span>
              <select aria-label="Network" value={bind} onChange={(e) => setBind(e.target.value)}>
                <option value="0.0.0.0">All networks</option>
                {hosting.interfaces.map((i) => (
                  <option key={`${i.name}-${i.address}`} value={i.address}>
                    {i.name} — {i.address}
                  </option>
                ))}
              </select>
              <button type="button" className="primary" disabled={busy} onClick={() => change(() => api.startHosting({ bind }))}>
                Host on the network
              </button>
            </>
          )}
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
