import type { PointerEvent } from 'react';
import { command } from '../commands/commands';
import { keysOf, runCommand } from '../commands/runCommand';
import type { CommandContext } from '../commands/types';
import { Icon } from './icons';
import { ToolButton } from './ToolButton';

/**
 * A command as an icon button: label, keys, icon, pressed and whether it applies all come from
 * the command table. When it does not apply it is left out, or shown disabled where its place
 * should not jump (the zoom controls).
 */
export function CommandButton({
  name,
  ctx,
  className,
  unavailable = 'hide',
  onPointerDown,
}: {
  name: string;
  ctx: CommandContext;
  className?: string;
  unavailable?: 'hide' | 'disable';
  onPointerDown?(e: PointerEvent): void;
}) {
  const c = command(name);
  const applies = c.when(ctx);
  if (!applies && unavailable === 'hide') return null;
  const icon = typeof c.icon === 'function' ? c.icon(ctx) : c.icon;
  return (
    <ToolButton
      label={c.label}
      keys={keysOf(c)}
      icon={icon && <Icon name={icon} />}
      pressed={c.checked?.(ctx)}
      disabled={!applies}
      className={className}
      onClick={() => runCommand(name)}
      onPointerDown={onPointerDown}
    />
  );
}
