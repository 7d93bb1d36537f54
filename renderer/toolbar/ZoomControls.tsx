import { zoomBy, zoomTo100, zoomToFit, zoomToSelection } from '../canvas/zoom';
import { useUi } from '../ui/uiStore';
import { Icon } from './icons';
import { ToolButton } from './ToolButton';

/** Zoom and snapping, bottom left. */
export function ZoomControls() {
  const scale = useUi((s) => s.viewport.scale);
  const snapping = useUi((s) => s.snapping);
  const hasSelection = useUi((s) => s.selection.length > 0);
  const percent = Math.round(scale * 100);
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <ToolButton label="Zoom out" icon={<Icon name="minus" />} onClick={() => zoomBy(0.8)} />
      {/* Its name starts with what it shows (the zoom level), so "click 91 %" works by voice too. */}
      <button type="button" className="tool zoom-level" title={`${percent}% — zoom to 100% (Shift+0)`} aria-label={`${percent}% — zoom to 100% (Shift+0)`} onClick={zoomTo100}>
        {percent}%
      </button>
      <ToolButton label="Zoom in" icon={<Icon name="plus" />} onClick={() => zoomBy(1.25)} />
      <ToolButton label="Zoom to fit" icon={<Icon name="fit" />} onClick={zoomToFit} />
      <ToolButton label="Zoom to selection" icon={<Icon name="target" />} onClick={zoomToSelection} disabled={!hasSelection} />
      <ToolButton label="Snapping on/off" icon={<Icon name="snap" />} pressed={snapping} onClick={() => useUi.setState({ snapping: !snapping })} />
    </div>
  );
}
