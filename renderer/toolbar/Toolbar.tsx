import { canWrite } from '../../shared/session';
import { redo, undo } from '../operations/dispatch';
import { useUi, type Tool } from '../ui/uiStore';
import { Icon, type IconName } from './icons';
import { ToolButton } from './ToolButton';
import { dragTool, type CardTool } from './dragTool';

const tools: { tool: Tool; label: string; icon: IconName; writes: boolean }[] = [
  { tool: 'select', label: 'Select', icon: 'select', writes: false },
  { tool: 'hand', label: 'Hand (pan)', icon: 'hand', writes: false },
  { tool: 'step', label: 'Process step', icon: 'step', writes: true },
  { tool: 'note', label: 'Sticky note', icon: 'note', writes: true },
  { tool: 'text', label: 'Text', icon: 'text', writes: true },
  { tool: 'connector', label: 'Connector', icon: 'connector', writes: true },
  { tool: 'frame', label: 'Frame', icon: 'frame', writes: true },
];

/** The tools, down the left edge; the card tools can also be dragged onto the board. A viewer sees only the ones that do not write. */
export function Toolbar() {
  const tool = useUi((s) => s.tool);
  const writable = useUi((s) => (s.role ? canWrite(s.role) : false));
  return (
    <nav className="toolbar" aria-label="Tools">
      {tools
        .filter((t) => writable || !t.writes)
        .map((t) => (
          <ToolButton
            key={t.tool}
            label={t.label}
            icon={<Icon name={t.icon} />}
            pressed={tool === t.tool}
            onClick={() => useUi.setState({ tool: t.tool, draft: null })}
            onPointerDown={t.tool === 'step' || t.tool === 'note' || t.tool === 'text' ? (e) => dragTool(t.tool as CardTool, e) : undefined}
          />
        ))}
      {writable && (
        <>
          <span className="sep" />
          <ToolButton label="Undo" icon={<Icon name="undo" />} onClick={undo} />
          <ToolButton label="Redo" icon={<Icon name="redo" />} onClick={redo} />
        </>
      )}
      <span className="sep" />
      <ToolButton label="Keyboard shortcuts" icon={<Icon name="help" />} onClick={() => useUi.setState((s) => ({ helpOpen: !s.helpOpen }))} />
    </nav>
  );
}
