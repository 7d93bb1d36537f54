import { command } from '../commands/commands';
import { keysOf, runCommand } from '../commands/runCommand';
import { useCommandContext } from '../commands/useCommandContext';
import { useUi } from '../state/uiStore';
import { CommandButton } from './CommandButton';

/** Zoom and snapping, bottom left. */
export function ZoomControls() {
  const scale = useUi((s) => s.viewport.scale);
  const ctx = useCommandContext();
  const percent = Math.round(scale * 100);
  const to100 = `${percent}% — ${command('zoomTo100').label.toLowerCase()} (${keysOf(command('zoomTo100'))})`;
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <CommandButton name="zoomOut" ctx={ctx} />
      {/* Its name starts with what it shows (the zoom level), so "click 91 %" works by voice too. */}
      <button type="button" className="tool zoom-level" title={to100} aria-label={to100} onClick={() => runCommand('zoomTo100')}>
        {percent}%
      </button>
      <CommandButton name="zoomIn" ctx={ctx} />
      <CommandButton name="zoomToFit" ctx={ctx} />
      <CommandButton name="zoomToSelection" ctx={ctx} unavailable="disable" />
      <CommandButton name="snapping" ctx={ctx} />
    </div>
  );
}
