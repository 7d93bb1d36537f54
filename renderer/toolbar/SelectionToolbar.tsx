import { backToBoard } from '../commands/keyboardCommands';
import type { BoardElement } from '../../shared/model/board';
import { isCanvasElement, kindHas } from '../../shared/model/kinds';
import { palette } from '../../shared/model/fields';
import { lineLabels, lineStyleSchema, type LineStyle } from '../../shared/model/line';
import { stepFlags, valueClassSchema, type Step } from '../../shared/model/step';
import { may } from '../../shared/permissions';
import { useBoard } from '../state/boardStore';
import { cardFill, flagStyle, valueClassLabel } from '../canvas/theme';
import { dispatch } from '../commands/dispatch';
import { command } from '../commands/commands';
import { labelWithKeys, runCommand } from '../commands/runCommand';
import { useCommandContext } from '../commands/useCommandContext';
import { patchSelection } from '../commands/selectionActions';
import { useUi } from '../state/uiStore';
import { CommandButton } from './CommandButton';

const emotions = [
  { value: '', label: 'Emotion: not rated' },
  { value: '2', label: '+2 very positive' },
  { value: '1', label: '+1 positive' },
  { value: '0', label: '0 neutral' },
  { value: '-1', label: '−1 negative' },
  { value: '-2', label: '−2 very negative' },
];

const aligning = ['align.left', 'align.centerX', 'align.right', 'align.top', 'align.middleY', 'align.bottom', 'distribute.x', 'distribute.y'];
const arranging = ['bringToFront', 'sendToBack', 'duplicate', 'lock', 'deleteSelection'];

/** What can be done to the current selection, across the top of the canvas. */
export function SelectionToolbar() {
  const selection = useUi((s) => s.selection);
  const writable = useUi((s) => may(s.role, 'changeBoard'));
  const elements = useBoard((s) => s.elements);
  const ctx = useCommandContext();
  const picked = selection.map((id) => elements[id]).filter((e): e is BoardElement => !!e);
  if (!writable || picked.length === 0) return null;
  const steps = picked.filter((e): e is Step => e.kind === 'step');
  const colourable = picked.some((e) => kindHas(e.kind, ['color']));
  const canvas = picked.filter(isCanvasElement);
  const ids = canvas.map((e) => e.id);
  const one = steps.length === 1 ? steps[0] : null;
  const lane = picked.length === 1 && picked[0].kind === 'lane' ? picked[0] : null;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selection" onKeyDown={backToBoard}>
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
              <button
                key={f}
                type="button"
                className={`flag ${on ? 'on' : ''}`}
                aria-pressed={on}
                title={label}
                aria-label={label}
                style={{ ['--flag' as string]: flagStyle[f].fill }}
                onClick={() => patchSelection({ [f]: !on })}
              >
                {flagStyle[f].name}
              </button>
            );
          })}
          <select
            aria-label="Emotion"
            title="Emotion"
            value={one?.emotion === null || !one ? '' : String(one.emotion)}
            onChange={(e) => patchSelection({ emotion: e.target.value === '' ? null : Number(e.target.value) })}
          >
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
          {/* One menu, not a button per line: three wide buttons spilled out of the bar at 1,280 */}
          <select
            className="line-menu"
            aria-label="Add a line below this lane"
            title="Add a line below this lane"
            value=""
            onChange={(e) => e.target.value && dispatch('addLine', { style: e.target.value as LineStyle, afterLaneId: lane.id })}
          >
            <option value="">+ Line below…</option>
            {lineStyleSchema.options
              .filter((s) => s !== 'custom')
              .map((style) => (
                <option key={style} value={style}>
                  + {lineLabels[style]} below
                </option>
              ))}
          </select>
          <label className="check">
            <input type="checkbox" checked={lane.showsEmotion} onChange={(e) => patchSelection({ showsEmotion: e.target.checked })} /> Emotion curve
          </label>
        </div>
      )}
      {command('stepDetails').when(ctx) && one && (
        <button
          type="button"
          className="text-button step-details"
          aria-pressed={command('stepDetails').checked?.(ctx)}
          title={labelWithKeys(command('stepDetails'))}
          // The name starts with what the button shows (as speech input users say it), then the command's own words.
          aria-label={`Details & cost — ${labelWithKeys(command('stepDetails'))}`}
          onClick={() => runCommand('stepDetails')}
        >
          Details & cost
        </button>
      )}
      <CommandButton name="connectorRoute" ctx={ctx} className="tool small" />
      {ids.length >= 2 && (
        <div role="group" aria-label="Align">
          {aligning.map((name) => (
            <CommandButton key={name} name={name} ctx={ctx} className="tool small" />
          ))}
        </div>
      )}
      {arranging.map((name) => (
        <CommandButton key={name} name={name} ctx={ctx} className="tool small" />
      ))}
    </div>
  );
}
