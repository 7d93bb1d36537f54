import { lazy, Suspense, useEffect } from 'react';
import { useLedger } from './ledgerStore';
// In the page's own styles, so the pane is placed while its code still loads.
import './ledger.css';

/**
 * The ledger's code (the grid, its editing and pasting, about 90 KB) is loaded only when it is
 * first wanted: most boards never open it, and parsing and running it made every board's first
 * load slower. The page fetches it once it is idle, so pressing L finds it ready; pressed
 * before, the pane says so on one line for the moment it takes.
 */
const loadLedger = () => import('./OpenLedger');
const OpenLedger = lazy(loadLedger);

export function LedgerPane() {
  const open = useLedger((s) => s.open);
  useEffect(() => {
    // At the latest two seconds in, so a busy page still has it before anyone reaches for it.
    const idle = requestIdleCallback(() => void loadLedger(), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, []);
  if (!open) return null;
  return (
    <Suspense
      fallback={
        <section className="ledger-pane" aria-label="Ledger">
          <p role="status" className="ledger-note">
            Loading the ledger…
          </p>
        </section>
      }
    >
      <OpenLedger />
    </Suspense>
  );
}
