import type { ReactNode } from 'react';
import { shortcutFor } from '../ui/shortcuts';

/** A button whose accessible name is exactly its tooltip: "Label (Key)". */
export function ToolButton({ label, icon, pressed, disabled, onClick, className = 'tool' }: { label: string; icon: ReactNode; pressed?: boolean; disabled?: boolean; onClick(): void; className?: string }) {
  const keys = shortcutFor(label);
  const name = keys ? `${label} (${keys})` : label;
  return (
    <button type="button" className={className} title={name} aria-label={name} aria-pressed={pressed} disabled={disabled} onClick={onClick}>
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
