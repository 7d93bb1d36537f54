import type { BoardElement } from '../../shared/model/board';
import { palette } from '../../shared/model/fields';
import { lineLabels, lineStyleSchema } from '../../shared/model/line';
import { stepFlags, valueClassSchema, type Step } from '../../shared/model/step';
import { may } from '../../shared/permissions';
import { useBoard } from '../board/boardStore';
import { cardFill, flagStyle, valueClassLabel } from '../canvas/theme';
import { dispatch } from '../operations/dispatch';
import { deleteSelection, duplicateSelection, patchSelection, reorder, toggleLock } from '../ui/selectionActions';
import { useUi } from '../ui/uiStore';
import { Icon } from './icons';
import { ToolButton } from './ToolButton';

const emotions = [
  { value: '', label: 'Emotion: not rated' },
  { value: '2', label: '+2 very positive' },
  { value: '1', label: '+1 positive' },
  { value: '0', label: '0 neutral' },
  { value: '-1', label: '−1 negative' },
  { value: '-2', label: '−2 very negative' },
];

/** What can be done to the current selection, across the top of the canvas. */
export function SelectionToolbar() {
  const selection = useUi((s) => s.selection);
  const writable = useUi((s) => may(s.role, 'changeBoard'));
  const elements = useBoard((s) => s.elements);
  const panel = useUi((s) => s.panel);
  const mayLock = useUi((s) => may(s.role, 'lock'));
  const picked = selection.map((id) => elements[id]).filter((e): e is BoardElement => !!e);
  if (!writable || picked.length === 0) return null;
  const steps = picked.filter((e): e is Step => e.kind === 'step');
  const colourable = picked.some((e) => e.kind === 'step' || e.kind === 'note');
  const canvas = picked.filter((e) => e.kind === 'step' || e.kind === 'note' || e.kind === 'text' || e.kind === 'frame');
  const connectors = picked.filter((e) => e.kind === 'connector');
  const allLocked = picked.every((e) => e.locked);
  const ids = canvas.map((e) => e.id);
  const one = steps.length === 1 ? steps[0] : null;
  const lane = picked.length === 1 && picked[0].kind === 'lane' ? picked[0] : null;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selection">
      {colourable && (
        <div className="swatches" role="group" aria-label="Colour">
          {palette.map((c) => (
            <button key={c} type="button" className="swatch" title={`Colour: ${c}`} aria-label={`Colour: ${c}`} style={{ background: cardFill[c] }} onClick={() => patchSelection({ color: c })} />
          ))}
        </div>
      )}
      {steps.length > 0 && (
        <>
          <select aria-label="Value class" title="Value class" value={one?.valueClass ?? ''} onChange={(e) => patchSelection({ valueClass: e.target.value })}>
            {!one && <option value="">Value class…</option>}
            {valueClassSchema.options.map((v) => (
              <option key={v} value={v}>
                {valueClassLabel[v]}
              </option>
            ))}
          </select>
          {stepFlags.map((f) => {
            const on = steps.every((s) => s[f]);
            const label = `Flag: ${flagStyle[f].name}`;
            return (
              <button key={f} type="button" className={`flag ${on ? 'on' : ''}`} aria-pressed={on} title={label} aria-label={label} style={{ ['--flag' as string]: flagStyle[f].fill }} onClick={() => patchSelection({ [f]: !on })}>
                {flagStyle[f].name}
              </button>
            );
          })}
          <select aria-label="Emotion" title="Emotion" value={one?.emotion === null || !one ? '' : String(one.emotion)} onChange={(e) => patchSelection({ emotion: e.target.value === '' ? null : Number(e.target.value) })}>
            {emotions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </>
      )}
      {lane && (
        <div role="group" aria-label="Lane">
          {lineStyleSchema.options
            .filter((s) => s !== 'custom')
            .map((style) => (
              <button key={style} type="button" className="text-button" onClick={() => dispatch('addLine', { style, afterLaneId: lane.id })}>
                + {lineLabels[style]} below
              </button>
            ))}
          <label className="check">
            <input type="checkbox" checked={lane.showsEmotion} onChange={(e) => patchSelection({ showsEmotion: e.target.checked })} /> Emotion curve
          </label>
        </div>
      )}
      {one && (
        <button type="button" className="text-button" aria-pressed={panel === 'inspector'} title="Step details (I)" aria-label="Step details (I)" onClick={() => useUi.setState({ panel: panel === 'inspector' ? null : 'inspector' })}>
          Details & cost
        </button>
      )}
      {connectors.length > 0 && (
        <ToolButton label="Straight / elbow" icon={<Icon name="elbow" />} className="tool small" onClick={() => dispatch('updateElements', { ids: connectors.map((c) => c.id), patch: { route: connectors.every((c) => c.kind === 'connector' && c.route === 'elbow') ? 'straight' : 'elbow' } })} />
      )}
      {ids.length >= 2 && (
        <div role="group" aria-label="Align">
          <ToolButton label="Align left" icon={<Icon name="alignLeft" />} className="tool small" onClick={() => dispatch('alignElements', { ids, edge: 'left' })} />
          <ToolButton label="Align centre" icon={<Icon name="alignCentre" />} className="tool small" onClick={() => dispatch('alignElements', { ids, edge: 'centerX' })} />
          <ToolButton label="Align right" icon={<Icon name="alignRight" />} className="tool small" onClick={() => dispatch('alignElements', { ids, edge: 'right' })} />
          <ToolButton label="Align top" icon={<Icon name="alignTop" />} className="tool small" onClick={() => dispatch('alignElements', { ids, edge: 'top' })} />
          <ToolButton label="Align middle" icon={<Icon name="alignMiddle" />} className="tool small" onClick={() => dispatch('alignElements', { ids, edge: 'middleY' })} />
          <ToolButton label="Align bottom" icon={<Icon name="alignBottom" />} className="tool small" onClick={() => dispatch('alignElements', { ids, edge: 'bottom' })} />
          {ids.length >= 3 && (
            <>
              <ToolButton label="Distribute horizontally" icon={<Icon name="distributeX" />} className="tool small" onClick={() => dispatch('distributeElements', { ids, axis: 'x' })} />
              <ToolButton label="Distribute vertically" icon={<Icon name="distributeY" />} className="tool small" onClick={() => dispatch('distributeElements', { ids, axis: 'y' })} />
            </>
          )}
        </div>
      )}
      {ids.length > 0 && (
        <>
          <ToolButton label="Bring to front" icon={<Icon name="front" />} className="tool small" onClick={() => reorder('front')} />
          <ToolButton label="Send to back" icon={<Icon name="back" />} className="tool small" onClick={() => reorder('back')} />
          <ToolButton label="Duplicate" icon={<Icon name="duplicate" />} className="tool small" onClick={duplicateSelection} />
        </>
      )}
      {mayLock && <ToolButton label="Lock / unlock" icon={<Icon name={allLocked ? 'lock' : 'unlock'} />} pressed={allLocked} className="tool small" onClick={toggleLock} />}
      <ToolButton label="Delete selection" icon={<Icon name="trash" />} className="tool small" onClick={deleteSelection} />
    </div>
  );
}
