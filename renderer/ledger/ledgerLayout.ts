import { useSyncExternalStore } from 'react';
import { usePhone } from '../state/phoneLayout';
import { useLedger } from './ledgerStore';

/** Below this width the canvas and a table side by side are both too narrow to work in: the ledger takes the board's place. */
const NARROW_QUERY = '(max-width: 899px)';

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const q = window.matchMedia(NARROW_QUERY);
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}
const narrowNow = () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches;

/** The board screen's class for the ledger: beside the canvas, instead of it, or none. */
export function useLedgerLayout(): '' | ' with-ledger' | ' ledger-only' {
  const open = useLedger((s) => s.open);
  const phone = usePhone();
  const narrow = useSyncExternalStore(subscribe, narrowNow);
  if (!open) return '';
  return phone || narrow ? ' ledger-only' : ' with-ledger';
}
