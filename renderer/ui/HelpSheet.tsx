import { useDialog } from './useDialog';
import { useEffect } from 'react';
import { saveWheelMode, type WheelMode } from '../state/wheelMode';
import { sheetGroups } from '../commands/sheet';
import { useUi } from '../state/uiStore';

const gestures: [string, string][] = [
  ['Space+drag, middle-drag, trackpad scroll', 'Pan'],
  ['Mouse wheel, pinch, Ctrl+wheel', 'Zoom around the pointer'],
  ['Shift+wheel', 'Pan sideways'],
  ['Drag on empty paper', 'Select with a marquee (Shift adds)'],
  ['Shift+click', 'Add to / remove from the selection'],
  ['Double-click', 'Edit text; on empty paper, a new step in a lane, a note elsewhere'],
  ['Tab / Shift+Tab while typing', 'Next card to the right / below: a step with an arrow after a step, a note after a note (or the + beside a selected card)'],
  ['Drag a lane or stage header', 'Reorder; drag its edge to resize'],
  ['Tab while naming a lane or stage', 'Name the next one (past the last, a new one)'],
];

function setWheel(wheel: WheelMode) {
  saveWheelMode(wheel);
  useUi.setState({ wheel });
}

export function HelpSheet() {
  const open = useUi((s) => s.helpOpen);
  const wheel = useUi((s) => s.wheel);
  if (!open) return null;
  return <Sheet wheel={wheel} />;
}

function Sheet({ wheel }: { wheel: WheelMode }) {
  // Escape closes the sheet, as it closes every other sheet and menu — wherever the focus is (a
  // click on the board leaves it open); the focus goes back where it came from.
  const dialog = useDialog(() => useUi.setState({ helpOpen: false }));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && useUi.setState({ helpOpen: false });
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="help-sheet" {...dialog} aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <label className="wheel-mode">
        Mouse wheel{' '}
        <select aria-label="Mouse wheel" value={wheel} onChange={(e) => setWheel(e.target.value as WheelMode)}>
          <option value="auto">zooms; a trackpad pans (told apart)</option>
          <option value="zoom">always zooms</option>
          <option value="pan">always pans (Ctrl+wheel zooms)</option>
        </select>
      </label>
      {sheetGroups().map(({ group, rows }) => (
        <section key={group} aria-label={group}>
          <h3>{group}</h3>
          <dl>
            {rows.map((r) => (
              <div key={r.name}>
                <dt>
                  <kbd>{r.keys}</kbd>
                </dt>
                <dd>{r.label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <h3>With the mouse and fingers</h3>
      <dl>
        {gestures.map(([k, v]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => useUi.setState({ helpOpen: false })}>
        Close
      </button>
    </div>
  );
}
