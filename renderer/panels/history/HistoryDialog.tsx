import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { checkpointKindLabel, type Checkpoint } from '../../../shared/model/checkpoint';
import { boardSvg } from '../../../shared/exchange/svg';
import { useDialog } from '../../ui/useDialog';
import { closeHistory, lookAt, makeCheckpoint, openAsNewSession, revertTo, useHistory } from '../../state/history';

const when = (t: number) => new Date(t).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' });

/**
 * The facilitator's history of the board: checkpoints on a time line (named ones and the
 * automatic ones), each looked at read-only, opened as a new session, or reverted to — a revert
 * reaches everyone in the room and is itself undone by reverting to the checkpoint made before it.
 */
export function HistoryDialog() {
  const open = useHistory((s) => s.open);
  if (!open) return null;
  return <Dialog />;
}

function Dialog() {
  const checkpoints = useHistory((s) => s.checkpoints);
  const looking = useHistory((s) => s.looking);
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const dialog = useDialog(closeHistory);
  const make = async (e: FormEvent) => {
    e.preventDefault();
    if (await makeCheckpoint(name.trim())) setName('');
  };
  return (
    <div className="export-dialog history-dialog" {...dialog} aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <form className="history-make" onSubmit={(e) => void make(e)}>
        <label>
          Checkpoint name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. before voting" maxLength={200} autoFocus />
        </label>
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          Make checkpoint
        </button>
      </form>
      {checkpoints === null ? (
        <p>Loading…</p>
      ) : checkpoints.length === 0 ? (
        <p>No checkpoints yet.</p>
      ) : (
        <ol className="history-list" aria-label="Checkpoints, newest first">
          {checkpoints.map((c) => (
            <li key={c.id} className={looking?.checkpoint.id === c.id ? 'looking' : undefined}>
              <div className="history-entry">
                <strong title={c.name}>{c.kind === 'named' ? c.name : c.kind === 'before-revert' ? c.name : checkpointKindLabel[c.kind]}</strong>
                <span className="small">
                  {when(c.createdAt)}
                  {c.people.length > 0 && ` · ${c.people.join(', ')}`}
                </span>
              </div>
              <div className="history-actions">
                <button type="button" className="text-button" onClick={() => void lookAt(c)} aria-label={`Look at “${c.name}”`}>
                  Look
                </button>
                <button type="button" className="text-button" onClick={() => void openAsNewSession(c)} aria-label={`Open “${c.name}” as a new session`}>
                  As new session
                </button>
                {confirming === c.id ? (
                  <button type="button" className="danger" onClick={() => (setConfirming(null), void revertTo(c))}>
                    Revert everyone’s board
                  </button>
                ) : (
                  <button type="button" className="text-button" onClick={() => setConfirming(c.id)} aria-label={`Revert to “${c.name}”…`}>
                    Revert…
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {looking && <Preview checkpoint={looking.checkpoint} svg={boardSvg(looking.doc)} />}
      <div className="actions">
        <button type="button" className="text-button" onClick={closeHistory}>
          Close
        </button>
      </div>
    </div>
  );
}

/** A checkpoint's board drawn by the export renderer: a picture, never the live board. */
function Preview({ checkpoint, svg }: { checkpoint: Checkpoint; svg: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })), [svg]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <figure className="history-preview">
      <img src={url} alt={`The board at “${checkpoint.name}”, read-only`} />
      <figcaption className="small">
        {checkpoint.name} · {when(checkpoint.createdAt)} · read-only
      </figcaption>
    </figure>
  );
}
