import { useUi } from '../state/uiStore';

/** One short message for the person at this window (a refused paste, an invalid value, an import done). */
export function Toast() {
  const toast = useUi((s) => s.toast);
  if (!toast) return null;
  return (
    // A success is said politely (status) in the success colour; a refusal interrupts (alert) in red.
    <div className={`toast ${toast.tone}`} role={toast.tone === 'done' ? 'status' : 'alert'}>
      {toast.text}
    </div>
  );
}
