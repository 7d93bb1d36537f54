import { useCommandContext } from '../commands/useCommandContext';
import { CommandButton } from './CommandButton';
import { dragTool, type CardTool } from './dragTool';

const tools = ['tool.select', 'tool.hand', 'tool.step', 'tool.note', 'tool.text', 'tool.connector', 'tool.frame'];

/** The card tools can also be dragged out of the toolbar onto the board. */
const draggable: Record<string, CardTool> = { 'tool.step': 'step', 'tool.note': 'note', 'tool.text': 'text' };

/** The tools, down the left edge; the card tools can also be dragged onto the board. A viewer sees only the ones that do not write. */
export function Toolbar() {
  const ctx = useCommandContext();
  return (
    <nav className="toolbar" aria-label="Tools">
      {tools.map((name) => (
        <CommandButton key={name} name={name} ctx={ctx} onPointerDown={draggable[name] ? (e) => dragTool(draggable[name], e) : undefined} />
      ))}
      {ctx.writable && (
        <>
          <span className="sep" />
          <CommandButton name="undo" ctx={ctx} />
          <CommandButton name="redo" ctx={ctx} />
        </>
      )}
      <span className="sep" />
      <CommandButton name="ledger" ctx={ctx} />
      <CommandButton name="help" ctx={ctx} />
    </nav>
  );
}
