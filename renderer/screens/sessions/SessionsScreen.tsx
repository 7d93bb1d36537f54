import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { SessionsApi } from '../../../shared/ipc';
import { templateIds, type TemplateId } from '../../../shared/model/board';
import { templates } from '../../../shared/model/templates';
import { pickSessionsApi } from './sessionsApi';
import { Library } from './Library';
import { JoinElsewhere } from './JoinElsewhere';
import { JoinScreen } from './JoinScreen';
import { ErrorLine } from '../../ui/ErrorLine';
import { NewFromSpreadsheet } from '../../panels/import/NewFromSpreadsheet';

/** The start screen of this machine's owner; anyone else who typed the host's address joins with a code. */
export function SessionsScreen({ ownerToken }: { ownerToken: string | null }) {
  const api = useMemo(() => pickSessionsApi(ownerToken), [ownerToken]);
  if (!api) return <JoinScreen />;
  return <SessionsStart api={api} />;
}

/**
 * The sessions and "New session", over whichever API holds them: this machine's host (the desktop
 * app or its owner key) or a team server (a facilitator's key, TeamScreen.tsx). `account`: who is
 * signed in, above the rest; `elsewhere`: joining a workshop on another computer, not offered on a team server;
 * `me`: on a team server, the signed-in facilitator's id (the library says whose each session is).
 */
export function SessionsStart({ api, account, elsewhere = true, me }: { api: SessionsApi; account?: ReactNode; elsewhere?: boolean; me?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateId>('blank');

  // "New session" with no title says so at the field and puts the cursor there (a greyed-out button said nothing).
  const [untitled, setUntitled] = useState(false);
  const titleField = useRef<HTMLInputElement>(null);

  const go = (url: string) => window.location.assign(url);
  const create = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (title.trim() === '') {
      setUntitled(true);
      titleField.current?.focus();
      return;
    }
    api.createSession({ title: title.trim(), template }).then(
      (r) => go(r.url),
      (err: Error) => setError(err.message),
    );
  };
  const open = (id: string) =>
    api.openSession(id).then(
      (r) => go(r.url),
      (err: Error) => setError(err.message),
    );

  return (
    <main className="sessions">
      <h1>Brownpaper</h1>
      {account}
      <form className="new-session" onSubmit={create} aria-label="New session" noValidate>
        <h2>New session</h2>
        <label>
          Title
          <input
            ref={titleField}
            value={title}
            onChange={(e) => (setTitle(e.target.value), setUntitled(false))}
            placeholder="e.g. Order to delivery, as-is"
            maxLength={200}
            required
            aria-invalid={untitled || undefined}
            aria-describedby={untitled ? 'new-session-title-missing' : undefined}
          />
        </label>
        {untitled && (
          <p id="new-session-title-missing" role="alert" className="error field-error">
            Type a title for the new session.
          </p>
        )}
        <fieldset className="templates">
          <legend>Start from</legend>
          {templateIds.map((id) => (
            <label key={id} className={id === template ? 'template chosen' : 'template'}>
              <input type="radio" name="template" value={id} checked={id === template} onChange={() => setTemplate(id)} />
              <strong>{templates[id].label}</strong>
              <span>{templates[id].description}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit">New session</button>
        <NewFromSpreadsheet api={api} title={title} template={template} onError={setError} />
      </form>
      <Library api={api} open={(id) => void open(id)} me={me} />
      <section aria-label="Import">
        <h2>Import a session file</h2>
        <label className="import">
          <span>Choose a Brownpaper session file (.brownpaper or .json) to open it as a new session:</span>
          <input
            type="file"
            accept=".brownpaper,.json,application/json,application/x-brownpaper-session"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setError(null);
              try {
                const r = await api.importSession(await file.text());
                go(r.url);
              } catch (err) {
                setError(`Not imported: ${(err as Error).message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '')}`);
              }
            }}
          />
        </label>
      </section>
      <ErrorLine error={error} />
      {elsewhere && <JoinElsewhere api={api} />}
    </main>
  );
}
