import { canWrite } from '../../shared/session';
import { zoomToFit } from '../canvas/zoomToFit';
import { redo, undo } from '../operations/dispatch';
import { shortcutFor } from '../ui/shortcuts';
import { useUi, type Tool } from '../ui/uiStore';

/** A toolbar button whose accessible name is exactly its tooltip. */
function ToolButton({ label, icon, pressed, onClick }: { label: string; icon: string; pressed?: boolean; onClick(): void }) {
  const keys = shortcutFor(label);
  const name = keys ? `${label} (${keys})` : label;
  return (
    <button type="button" className="tool" title={name} aria-label={name} aria-pressed={pressed} onClick={onClick}>
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}

export function Toolbar() {
  const tool = useUi((s) => s.tool);
  const writable = useUi((s) => (s.role ? canWrite(s.role) : false));
  const setTool = (t: Tool) => useUi.setState({ tool: t });
  return (
    <nav className="toolbar" aria-label="Tools">
      <ToolButton label="Select" icon="↖" pressed={tool === 'select'} onClick={() => setTool('select')} />
      {writable && (
        <>
          <ToolButton label="Sticky note" icon="▤" pressed={tool === 'note'} onClick={() => setTool('note')} />
          <span className="sep" />
          <ToolButton label="Undo" icon="↶" onClick={undo} />
          <ToolButton label="Redo" icon="↷" onClick={redo} />
        </>
      )}
      <span className="sep" />
      <ToolButton label="Zoom to fit" icon="⤢" onClick={zoomToFit} />
      <ToolButton label="Keyboard shortcuts" icon="?" onClick={() => useUi.setState((s) => ({ helpOpen: !s.helpOpen }))} />
    </nav>
  );
}
