import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { boardDefaults, templateIds, type TemplateId } from '../../../shared/model/board';
import { dateAndTime } from '../../../shared/model/dateText';
import { durationAsText } from '../../../shared/model/duration';
import type { LibraryEntry } from '../../../shared/model/library';
import { formatMoney, periodShort } from '../../../shared/model/money';
import { templates } from '../../../shared/model/templates';
import type { SessionsApi } from '../../../shared/ipc';
import type { TrashedSession } from '../../../shared/session';
import { download } from '../../export/download';
import { ErrorLine } from '../../ui/ErrorLine';
import { sessionListProblem } from './sessionsApi';
import { matchesSearch } from '../../../shared/model/searchText';
import { titleEnd } from './titleEnd';
import { UserText } from '../../ui/UserText';
import { mayOnTeamSession } from '../../../shared/permissions';

type Sort = 'changed' | 'name';
/** A team server's library: the sessions this facilitator made, or everyone's. */
type Whose = 'mine' | 'everyone';

/** Where this browser remembers Mine or Everyone's (each team server is its own origin, so its own choice). */
const WHOSE = 'brownpaper.librarySessions';

function storedWhose(): Whose {
  try {
    return localStorage.getItem(WHOSE) === 'everyone' ? 'everyone' : 'mine';
  } catch {
    return 'mine';
  }
}

function keepWhose(whose: Whose): void {
  try {
    localStorage.setItem(WHOSE, whose);
  } catch {
    // Storage refused: the choice lasts for this page.
  }
}

const message = (e: unknown) => (e as Error).message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '');

/** A session's figures on its card: "14 steps · $1,476,000/yr · lead time 33 days". */
function figures({ summary }: LibraryEntry): string {
  if (!summary) return '';
  const parts = [`${summary.steps} step${summary.steps === 1 ? '' : 's'}`];
  if (summary.totalMinor !== null) parts.push(`${formatMoney(BigInt(summary.totalMinor), summary.currency, summary.locale)}${periodShort[summary.period]}`);
  if (summary.leadMinutes !== null) parts.push(`lead time ${durationAsText(summary.leadMinutes, summary.locale)}`);
  return parts.join(' · ');
}

/**
 * The library on the start screen: every session as a card (thumbnail, title, template, last
 * change, steps, total and lead time), found by its title or the words on its cards, sorted
 * and filtered; renamed, duplicated, or deleted to the trash, from where it comes back for 30 days.
 * On a team server (`me`: the signed-in facilitator's id) each card says who made it, and
 * "Mine | Everyone's" (Mine first, remembered by this browser) lists theirs or the whole server's.
 */
export function Library({ api, open, me }: { api: SessionsApi; open(id: string): void; me?: string }) {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [trash, setTrash] = useState<TrashedSession[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('changed');
  const [template, setTemplate] = useState<TemplateId | ''>('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [whose, setWhose] = useState<Whose>(storedWhose);
  const team = me !== undefined;
  const isMine = (e: LibraryEntry) => !team || e.owner?.id === me;
  const choose = (w: Whose) => (setWhose(w), keepWhose(w));

  const reload = useCallback(() => {
    api.library().then(setEntries, (e: Error) => setProblem(sessionListProblem(e)));
    api.listTrash().then(setTrash, () => setTrash([]));
  }, [api]);
  useEffect(reload, [reload]);

  const act = (what: Promise<unknown>, after?: () => void) =>
    what.then(
      () => (after?.(), reload()),
      (e) => setError(message(e)),
    );

  const shown = useMemo(() => {
    const found = (entries ?? []).filter(
      (e) =>
        (!team || whose === 'everyone' || e.owner?.id === me) &&
        (!template || e.session.template === template) &&
        (matchesSearch(e.session.title, search) || (e.summary ? matchesSearch(e.summary.text, search) : false)),
    );
    return sort === 'name' ? [...found].sort((a, b) => a.session.title.localeCompare(b.session.title, undefined, { numeric: true, sensitivity: 'base' })) : found;
  }, [entries, search, sort, template, team, whose, me]);
  // Each session's dates in its own board's locale, beside its money; the trash (which keeps no
  // figures) in the locale of the latest board that says one: the library's own way of writing.
  const libraryLocale = entries?.find((e) => e.summary)?.summary?.locale ?? boardDefaults.locale;
  /** On Mine: none of the server's sessions is this facilitator's (a new one, or the sessions from before owners were kept). */
  const noneOfMine = team && whose === 'mine' && entries !== null && entries.length > 0 && !entries.some(isMine);

  if (problem)
    return (
      <section aria-label="Sessions" className="library">
        <h2>Sessions</h2>
        <ErrorLine error={problem} />
      </section>
    );
  return (
    <section aria-label="Sessions" className="library">
      <h2>Sessions</h2>
      <div className="library-tools">
        {team && (
          <div className="library-whose" role="group" aria-label="Whose sessions">
            <button type="button" aria-pressed={whose === 'mine'} onClick={() => choose('mine')}>
              Mine
            </button>
            <button type="button" aria-pressed={whose === 'everyone'} onClick={() => choose('everyone')}>
              Everyone’s
            </button>
          </div>
        )}
        <input type="search" aria-label="Search sessions" placeholder="Search titles and cards" value={search} onChange={(e) => setSearch(e.target.value)} />
        <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          <option value="changed">Last changed first</option>
          <option value="name">By name</option>
        </select>
        <select aria-label="Template" value={template} onChange={(e) => setTemplate(e.target.value as TemplateId | '')}>
          <option value="">All templates</option>
          {templateIds.map((id) => (
            <option key={id} value={id}>
              {templates[id].label}
            </option>
          ))}
        </select>
      </div>
      {deleted && (
        <p className="library-deleted" role="status">
          “<UserText>{deleted.title}</UserText>” is in the trash.{' '}
          <button type="button" className="text-button" onClick={() => act(api.restoreSession(deleted.id), () => setDeleted(null))}>
            Undo
          </button>
        </p>
      )}
      <ErrorLine error={error} />
      {entries === null ? (
        <p>Loading…</p>
      ) : entries.length === 0 ? (
        <p>No sessions yet.</p>
      ) : noneOfMine ? (
        <p>
          None of the sessions here is yours yet: make one above, or{' '}
          <button type="button" className="text-button" onClick={() => choose('everyone')}>
            see everyone’s ({entries.length})
          </button>
          .
        </p>
      ) : shown.length === 0 ? (
        <p>No session matches.</p>
      ) : (
        <ul className="session-list library-cards">
          {shown.map((e) => (
            <li key={e.session.id} className="library-card">
              {renaming === e.session.id ? (
                <RenameField title={e.session.title} onDone={(title) => (setRenaming(null), title !== null && title !== e.session.title && act(api.renameSession(e.session.id, title)))} />
              ) : (
                <button type="button" className="library-open" disabled={!mayOnTeamSession('open', isMine(e))} onClick={() => open(e.session.id)}>
                  {e.summary && <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(e.summary.thumbnail)}`} alt="" width={240} height={135} />}
                  <CardTitle title={e.session.title} />
                  <span>
                    {templates[e.session.template].label} · changed {dateAndTime(e.session.updatedAt, e.summary?.locale ?? libraryLocale)}
                  </span>
                  {figures(e) && <span>{figures(e)}</span>}
                  {team && (
                    // A name of any length stays on one line, cut with an ellipsis (whole on hover).
                    <span className="library-owner" title={e.owner?.name}>
                      by {e.owner ? <UserText>{e.owner.name}</UserText> : '—'}
                    </span>
                  )}
                </button>
              )}
              <span className="library-actions">
                {mayOnTeamSession('rename', isMine(e)) && (
                  <button type="button" className="text-button" aria-label={`Rename “${e.session.title}”`} onClick={() => setRenaming(e.session.id)}>
                    Rename
                  </button>
                )}
                {mayOnTeamSession('duplicate', isMine(e)) && (
                  <button type="button" className="text-button" aria-label={`Duplicate “${e.session.title}”`} onClick={() => act(api.duplicateSession(e.session.id))}>
                    Duplicate
                  </button>
                )}
                {mayOnTeamSession('delete', isMine(e)) && (
                  <button
                    type="button"
                    className="text-button"
                    aria-label={`Delete “${e.session.title}”`}
                    onClick={() => act(api.trashSession(e.session.id), () => setDeleted({ id: e.session.id, title: e.session.title }))}
                  >
                    Delete
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {api.backUpAll && entries !== null && entries.length > 0 && (
        <p className="library-backup">
          {/* The browser's way to the CLI's `brownpaper backup`: the same file, restored by `brownpaper restore` or the app's File menu. */}
          <button
            type="button"
            className="text-button"
            disabled={backingUp}
            onClick={() => {
              setBackingUp(true);
              api.backUpAll!()
                .then(({ name, blob }) => download(name, blob))
                .catch((e) => setError(`The sessions could not be backed up: ${message(e)}`))
                .finally(() => setBackingUp(false));
            }}
          >
            {backingUp ? 'Backing up…' : 'Back up all sessions'}
          </button>{' '}
          <span className="small">one file with every session, to keep or to restore on another computer</span>
        </p>
      )}
      {trash.length > 0 && (
        <details className="library-trash">
          <summary>Trash ({trash.length}) — kept for 30 days</summary>
          <ul>
            {trash.map((t) => (
              <li key={t.id}>
                <span>
                  <strong>
                    <UserText>{t.title}</UserText>
                  </strong>{' '}
                  · deleted {dateAndTime(t.deletedAt, libraryLocale)}
                </span>
                <button type="button" className="text-button" aria-label={`Restore “${t.title}”`} onClick={() => act(api.restoreSession(t.id))}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="text-button" onClick={() => window.confirm(`Remove the ${trash.length} session(s) in the trash for good?`) && act(api.emptyTrash())}>
            Empty trash
          </button>
        </details>
      )}
    </section>
  );
}

/** The title in place: Enter or a click elsewhere keeps it, Escape leaves it as it was. */
function RenameField({ title, onDone }: { title: string; onDone(title: string | null): void }) {
  const [value, setValue] = useState(title);
  const done = useRef(false);
  const finish = (keep: boolean) => {
    if (done.current) return;
    done.current = true;
    onDone(keep && value.trim() ? value.trim() : null);
  };
  return (
    <input
      className="library-rename"
      aria-label="Session title"
      value={value}
      maxLength={200}
      autoFocus
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
    />
  );
}

/** A card's title: a long one keeps its end in view below its start (titleEnd.ts), the whole title on hover and for a screen reader. */
function CardTitle({ title }: { title: string }) {
  const ends = titleEnd(title);
  if (!ends) {
    return (
      <strong title={title}>
        <UserText>{title}</UserText>
      </strong>
    );
  }
  return (
    <strong title={title} className="library-title-long">
      <span className="library-title-start">
        <UserText>{ends.start}</UserText>
      </span>
      <span className="library-title-end">
        <UserText>{ends.end}</UserText>
      </span>
    </strong>
  );
}
