import { useDialog } from '../../ui/useDialog';
import { useEffect, useState } from 'react';
import type { HostingState } from '../../../shared/hosting';
import { callApi } from '../../api/client';
import { pickSessionsApi } from '../sessions/sessionsApi';
import { ErrorLine } from '../../ui/ErrorLine';
import { CopyJoinLink } from './CopyJoinLink';
import { onlyThisComputer } from '../../state/loopback';

interface Codes {
  joinUrl: string;
  participant: string;
  viewer: string;
  /** how long the codes work, in the host's words (until hosting stops; a week on a team server) */
  lasts: string;
  server: 'desktop' | 'team';
}

async function askCodes(sessionId: string, token: string): Promise<Codes> {
  const ask = (role: 'participant' | 'viewer') => callApi('joinCode', { sessionId, token, body: { role } });
  const [p, v] = await Promise.all([ask('participant'), ask('viewer')]);
  return { joinUrl: p.joinUrl, participant: p.code, viewer: v.code, lasts: p.lasts, server: p.server };
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
 * For the big screen: where to go and which code to type, per role, a QR code, and a join link
 * to copy for people joining from elsewhere. An address only this computer can reach is said to
 * be one, with no QR code for it. The owner's own window (desktop app, or a board opened from the
 * session list) also turns hosting on the network on and off here; anyone else is told where that
 * is done, since a facilitator's link must not start hosting.
 */
export function InviteDialog({ sessionId, token, onClose }: { sessionId: string; token: string; onClose(): void }) {
  const [codes, setCodes] = useState<Codes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const api = pickSessionsApi();
  const [hosting, setHosting] = useState<HostingState | null>(null);
  const [bind, setBind] = useState('0.0.0.0');
  const [busy, setBusy] = useState(false);
  const dialog = useDialog(onClose);
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
      // The network address and the join address that goes with it appear together: shown one
      // before the other, the big screen told the room an address from before hosting started.
      .then((state) =>
        askCodes(sessionId, token).then(
          (next) => (setCodes(next), setHosting(state)),
          (e: Error) => (setCodes(null), setHosting(state), setError(e.message)),
        ),
      )
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  // Judged by the address people are told to open, whoever opened this window and however.
  const onlyHere = codes !== null && onlyThisComputer(codes.joinUrl);
  return (
    <div className="invite-dialog" {...dialog} aria-label="Invite">
      <h2>Join this workshop</h2>
      <ErrorLine error={error} />
      {codes && (
        <div className="invite-body">
          <div>
            <p className="join-url">
              Open <strong data-testid="join-url">{codes.joinUrl}</strong> and type
            </p>
            <div className="code-row">
              <p className="big-code" data-testid="participant-code" aria-label={`Participant code ${codes.participant}`}>
                {codes.participant}
              </p>
              <CopyJoinLink code={codes.participant} who="participants" />
            </div>
            <div className="code-row small">
              <span>
                To watch only: <strong data-testid="viewer-code">{codes.viewer}</strong>.
              </span>
              <CopyJoinLink code={codes.viewer} who="viewers" />
            </div>
            <p className="small">{codes.lasts}</p>
          </div>
          {onlyHere ? (
            <div className="qr qr-off" data-testid="join-qr-off">
              No QR code: this address works only on this computer.
            </div>
          ) : (
            <Qr text={`${codes.joinUrl}#code=${codes.participant}`} />
          )}
        </div>
      )}
      {onlyHere && codes.server === 'team' && (
        // A team server's address comes from its configuration, not from a switch in a window.
        <p className="only-here" data-testid="only-this-computer">
          <strong>{new URL(codes.joinUrl).hostname} is the server's own address: nobody else can reach it.</strong> Whoever runs this team server sets the address people use as <code>publicUrl</code>{' '}
          in its configuration (and <code>bind</code>, if it listens on this machine only) — README, “Run a team server”.
        </p>
      )}
      {onlyHere && codes.server === 'desktop' && !api && (
        <p className="only-here" data-testid="only-this-computer">
          <strong>{new URL(codes.joinUrl).hostname} is this computer's own address: nobody else can reach it.</strong> To let the others join, turn on <em>Host on the network</em> in the owner's
          window: the Brownpaper app, or the session list whose link <code>brownpaper host --owner</code> prints (open this session there, then Invite). Or start the host with{' '}
          <code>--bind 0.0.0.0</code>.
        </p>
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
              <span>{onlyHere || codes === null ? 'Only this computer can join now.' : 'Others join at the address above. Host on another network:'}</span>
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
