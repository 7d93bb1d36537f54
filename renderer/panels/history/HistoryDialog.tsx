import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { checkpointKindLabel, type Checkpoint } from '../../../shared/model/checkpoint';
import { boardSvg } from '../../../shared/exchange/svg';
import { useDialog } from '../../ui/useDialog';
import { closeHistory, makeCheckpoint, openAsNewSession, pick, revertTo, useHistory } from '../../state/history';
import { timeLine } from './timeLine';
import { clockTime, dayAndTime } from '../../../shared/model/dateText';
import { boardDefaults } from '../../../shared/model/board';
import { useBoard } from '../../state/boardStore';
import './history.css';

/** Checkpoints' dates and times in the board's locale, as its figures are. */
const useLocale = () => useBoard((s) => s.meta?.locale ?? boardDefaults.locale);

/** How a checkpoint reads: the facilitator's name for it, or what made it. */
const title = (c: Checkpoint) => (c.kind === 'opened' || c.kind === 'activity' ? checkpointKindLabel[c.kind] : c.name);

/**
 * The facilitator's history of the board: checkpoints on a time line (named ones stand out from
 * the automatic ones), each picked by a click, a tap or the arrow keys; the picked one is drawn
 * read-only beside it and can be opened as a new session or reverted to — a revert reaches
 * everyone in the room and is itself undone by reverting to the checkpoint made before it.
 */
export function HistoryDialog() {
  const open = useHistory((s) => s.open);
  if (!open) return null;
  return <Dialog />;
}

function Dialog() {
  const checkpoints = useHistory((s) => s.checkpoints);
  const [name, setName] = useState('');
  const dialog = useDialog(closeHistory);
  const nameField = useRef<HTMLInputElement>(null);
  const make = async (e: FormEvent) => {
    e.preventDefault();
    if (!(await makeCheckpoint(name.trim()))) return;
    setName('');
    // The button disables with the field empty, and a disabled button drops the focus to the page,
    // where Escape no longer reaches the dialog: back to the name, ready for the next one.
    nameField.current?.focus();
  };
  return (
    <div className="export-dialog history-dialog" {...dialog} aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <form className="history-make" onSubmit={(e) => void make(e)}>
        <label>
          Checkpoint name
          <input ref={nameField} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. before voting" maxLength={200} autoFocus />
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
        <div className="history-body">
          <TimeLine checkpoints={checkpoints} />
          <Picked />
        </div>
      )}
      <div className="actions">
        <button type="button" className="text-button" onClick={closeHistory}>
          Close
        </button>
      </div>
    </div>
  );
}

/**
 * The checkpoints top to bottom, oldest first: one listbox, one stop for Tab, the arrow keys
 * (up/down, or left/right), Home and End move the pick, as a screen reader expects of a list to
 * choose from.
 */
function TimeLine({ checkpoints }: { checkpoints: Checkpoint[] }) {
  const picked = useHistory((s) => s.picked);
  const locale = useLocale();
  const places = useMemo(() => timeLine(checkpoints, locale), [checkpoints, locale]);
  const list = useRef<HTMLDivElement>(null);
  const at = Math.max(
    0,
    places.findIndex((p) => p.checkpoint.id === picked),
  );
  // The picked one in sight: after a key, after a new checkpoint, and when the time line opens.
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [picked, places]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const to = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: places.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const next = places[Math.min(places.length - 1, Math.max(0, to))];
    void pick(next.checkpoint);
    list.current?.querySelector<HTMLElement>(`[data-checkpoint="${next.checkpoint.id}"]`)?.focus();
  };
  return (
    <div className="history-line" role="listbox" aria-label="Checkpoints on a time line, oldest first" ref={list} onKeyDown={onKeyDown}>
      {places.map(({ checkpoint: c, day, pause, space }, i) => (
        <div
          key={c.id}
          role="option"
          data-checkpoint={c.id}
          aria-selected={i === at}
          tabIndex={i === at ? 0 : -1}
          className={`history-point ${c.kind === 'named' ? 'named' : 'automatic'}`}
          style={{ marginTop: `${space}rem` }}
          onClick={() => void pick(c)}
        >
          {(day || pause) && (
            <span className="history-gap" aria-hidden="true">
              {day ?? pause}
              {day && pause && <span className="history-pause"> · {pause}</span>}
            </span>
          )}
          {/* Read as "Before voting, Tue 1 Dec 14:05, with Ana, Ben": the day is said on every point, the line shows it once. */}
          <span className="history-time" aria-hidden="true">
            {clockTime(c.createdAt, locale)}
          </span>
          <span className="history-dot" aria-hidden="true" />
          <span className="history-what">
            <span className="history-name">{title(c)}</span>
            <span className="visually-hidden">, {dayAndTime(c.createdAt, locale)}</span>
            {c.people.length > 0 && (
              <span className="history-people">
                <span className="visually-hidden">, with </span>
                {c.people.join(', ')}
              </span>
            )}
          </span>
        </div>
      ))}
    </div>
  );
}

/** The picked checkpoint: who was there, its board as a picture (never the live board), and what can be done with it. */
function Picked() {
  const checkpoints = useHistory((s) => s.checkpoints);
  const picked = useHistory((s) => s.picked);
  const looking = useHistory((s) => s.looking);
  const [confirming, setConfirming] = useState<string | null>(null);
  const locale = useLocale();
  const c = checkpoints?.find((x) => x.id === picked);
  if (!c) return null;
  return (
    <section className="history-picked" aria-labelledby="history-picked-title">
      <h3 id="history-picked-title" title={title(c)}>
        {title(c)}
      </h3>
      <p className="small">
        {dayAndTime(c.createdAt, locale)}
        {c.people.length > 0 ? ` · with ${c.people.join(', ')}` : ' · nobody else in the room'}
      </p>
      {looking?.checkpoint.id === c.id ? <Preview checkpoint={c} svg={boardSvg(looking.doc)} /> : <div className="history-preview history-loading">Drawing the board…</div>}
      <div className="history-actions">
        <button type="button" className="text-button" onClick={() => void openAsNewSession(c)} aria-describedby="history-picked-title">
          As new session
        </button>
        {confirming === c.id ? (
          <button type="button" className="danger" onClick={() => (setConfirming(null), void revertTo(c))} aria-describedby="history-picked-title">
            Revert everyone’s board
          </button>
        ) : (
          <button type="button" className="text-button" onClick={() => setConfirming(c.id)} aria-describedby="history-picked-title">
            Revert…
          </button>
        )}
      </div>
    </section>
  );
}

function Preview({ checkpoint, svg }: { checkpoint: Checkpoint; svg: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })), [svg]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <figure className="history-preview">
      <img src={url} alt={`The board at “${title(checkpoint)}”, read-only`} />
    </figure>
  );
}
