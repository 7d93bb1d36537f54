import type { PointerEvent, ReactNode } from 'react';

/** A button whose accessible name is exactly its tooltip: "Label (Key)". */
export function ToolButton({
  label,
  keys,
  icon,
  pressed,
  disabled,
  onClick,
  onPointerDown,
  className = 'tool',
}: {
  label: string;
  keys?: string;
  icon: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  onClick(): void;
  onPointerDown?(e: PointerEvent): void;
  className?: string;
}) {
  const name = keys ? `${label} (${keys})` : label;
  return (
    <button type="button" className={className} title={name} aria-label={name} aria-pressed={pressed} disabled={disabled} onClick={onClick} onPointerDown={onPointerDown}>
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
