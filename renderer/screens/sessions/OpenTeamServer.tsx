import { useEffect, useState, type FormEvent } from 'react';
import { ErrorLine } from '../../ui/ErrorLine';
import { useDialog } from '../../ui/useDialog';

/**
 * The desktop app's File ▸ Open a team server…: asks the address here, in our own window, and the
 * main process opens it in the system browser (electron/desktop/teamServer.ts says why). A wrong
 * address: its one line at the field, and the dialog stays.
 */
export function OpenTeamServer() {
  const [open, setOpen] = useState(false);
  useEffect(() => window.brownpaper?.onMenu((command) => command === 'openTeamServer' && setOpen(true)), []);
  return open ? <AddressDialog onClose={() => setOpen(false)} /> : null;
}

function AddressDialog({ onClose }: { onClose(): void }) {
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const dialog = useDialog(onClose);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    window.brownpaper!.openTeamServer(address).then(
      ({ url }) => setOpened(url),
      (err: Error) => setError(err.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '')),
    );
  };
  return (
    <div className="export-dialog team-open-dialog" {...dialog} aria-label="Open a team server">
      <h2>Open a team server</h2>
      <form onSubmit={submit}>
        <label className="field">
          Its address
          <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder="https://workshops.example.org" autoComplete="url" spellCheck={false} maxLength={300} />
        </label>
        <ErrorLine error={error} />
        {opened && <p role="status">Opened {opened} in your browser: sign in there with your facilitator key.</p>}
        <p className="small">It opens in your web browser, which shows whether the connection is secure before you paste your key.</p>
        <div className="actions">
          <button type="button" onClick={onClose}>
            {opened ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={!address.trim()}>
            Open in the browser
          </button>
        </div>
      </form>
    </div>
  );
}
