import { useMemo, useState, type FormEvent } from 'react';
import { templateIds, type TemplateId } from '../../../shared/model/board';
import { templates } from '../../../shared/model/templates';
import { pickSessionsApi } from './sessionsApi';
import { Library } from './Library';
import { JoinElsewhere } from './JoinElsewhere';
import { JoinScreen } from './JoinScreen';
import { ErrorLine } from '../../ui/ErrorLine';
import { NewFromSpreadsheet } from '../../panels/import/NewFromSpreadsheet';

/** The start screen: the sessions on this machine, and "New session". */
export function SessionsScreen({ ownerToken }: { ownerToken: string | null }) {
  const api = useMemo(() => pickSessionsApi(ownerToken), [ownerToken]);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateId>('blank');

  // Not this computer's owner (someone who typed the host's address): the way in is a join code.
  if (!api) return <JoinScreen />;

  const go = (url: string) => window.location.assign(url);
  const create = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
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
      <form className="new-session" onSubmit={create} aria-label="New session">
        <h2>New session</h2>
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Order to delivery, as-is" maxLength={200} required />
        </label>
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
        <button type="submit" disabled={title.trim() === ''}>
          New session
        </button>
        <NewFromSpreadsheet api={api} title={title} template={template} onError={setError} />
      </form>
      <Library api={api} open={(id) => void open(id)} />
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
      <JoinElsewhere api={api} />
    </main>
  );
}
