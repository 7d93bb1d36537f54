import { useUi } from '../state/uiStore';

/** One short message for the person at this window (a refused paste, an invalid value). */
export function Toast() {
  const toast = useUi((s) => s.toast);
  if (!toast) return null;
  return (
    <div className="toast" role="alert">
      {toast}
    </div>
  );
}
