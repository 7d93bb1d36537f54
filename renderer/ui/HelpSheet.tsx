import { shortcuts } from './shortcuts';
import { useUi } from './uiStore';

export function HelpSheet() {
  const open = useUi((s) => s.helpOpen);
  if (!open) return null;
  return (
    <div className="help-sheet" role="dialog" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <dl>
        {shortcuts.map((s) => (
          <div key={s.label}>
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>Drag</kbd> empty paper, <kbd>middle-drag</kbd>, <kbd>wheel</kbd>
          </dt>
          <dd>Pan</dd>
        </div>
        <div>
          <dt>
            <kbd>Ctrl+wheel</kbd>, pinch
          </dt>
          <dd>Zoom around the pointer</dd>
        </div>
        <div>
          <dt>
            <kbd>Double-click</kbd>
          </dt>
          <dd>New note on empty paper; edit a note’s text</dd>
        </div>
      </dl>
      <button type="button" onClick={() => useUi.setState({ helpOpen: false })}>
        Close
      </button>
    </div>
  );
}
