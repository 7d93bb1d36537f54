import { useEffect, useState } from 'react';
import type { BoardElement } from '../../shared/model/board';
import { stepFlags, valueClassSchema, type Step } from '../../shared/model/step';
import { may } from '../../shared/permissions';
import { useBoard } from '../state/boardStore';
import { useCostView } from '../state/costView';
import { flagStyle, valueClassLabel } from '../canvas/theme';
import { dispatch } from '../commands/dispatch';
import { patchSelection } from '../commands/selectionActions';
import { useUi } from '../state/uiStore';
import type { Override, OverrideField } from '../../shared/model/scenario';
import { NumberField } from './NumberField';
import { countFigure, minutesFigure, moneyFigure, type Figure } from './parseFigures';
import { StepTimeFields, ScenarioTimeFields } from './StepTimeFields';
import { ToBeStepNote } from './ToBeStepNote';

/** A text field committed on blur or Enter, as one operation. */
function TextField({ label, value, multiline, disabled, onCommit }: { label: string; value: string; multiline?: boolean; disabled?: boolean; onCommit(v: string): void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const id = `field-${label.replace(/\W+/g, '-').toLowerCase()}`;
  const props = {
    id,
    value: text,
    disabled,
    maxLength: multiline ? 20_000 : 200,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: () => text !== value && onCommit(text),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...props} /> : <input {...props} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />}
    </div>
  );
}

/** Refusals come back as the message shown at the field. */
function tryDispatch(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (e) {
    return (e as Error).message.replace(/^step \S+\./, '');
  }
}

function StepInspector({ step, readOnly }: { step: Step; readOnly: boolean }) {
  const view = useCostView();
  const cost = (step.scenarioId !== null ? view.shown : view.asIs).stepCosts.get(step.id);
  const { locale, currency } = view;
  const setCost = (field: string) => (v: number | null) => tryDispatch(() => dispatch('setStepCost', { id: step.id, patch: { [field]: v } }));
  const scenario = view.scenario;
  const o = scenario?.overrides[step.id] ?? {};
  const setOverride = (field: OverrideField) => (v: number | boolean | null) => tryDispatch(() => scenario && dispatch('setOverride', { scenarioId: scenario.id, stepId: step.id, field, value: v }));
  const set = (field: string) => (v: string) => dispatch('updateElements', { ids: [step.id], patch: { [field]: v } });
  const disabled = readOnly || step.locked;
  return (
    <>
      <ToBeStepNote step={step} />
      <TextField label="Title" value={step.title} disabled={disabled} onCommit={(v) => dispatch('setElementText', { id: step.id, text: v })} />
      <TextField label="Notes" value={step.notes} multiline disabled={disabled} onCommit={set('notes')} />
      <TextField label="Owner" value={step.owner} disabled={disabled} onCommit={set('owner')} />
      <TextField label="Inputs" value={step.inputs} disabled={disabled} onCommit={set('inputs')} />
      <TextField label="Outputs" value={step.outputs} disabled={disabled} onCommit={set('outputs')} />
      <TextField label="Systems and data" value={step.systems} disabled={disabled} onCommit={set('systems')} />
      <div className="field">
        <label htmlFor="field-value-class">Value class</label>
        <select id="field-value-class" value={step.valueClass} disabled={disabled} onChange={(e) => patchSelection({ valueClass: e.target.value })}>
          {valueClassSchema.options.map((v) => (
            <option key={v} value={v}>
              {valueClassLabel[v]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="flags" disabled={disabled}>
        <legend>Flags</legend>
        {stepFlags.map((f) => (
          <label key={f} className="check">
            <input type="checkbox" checked={step[f]} onChange={(e) => dispatch('updateElements', { ids: [step.id], patch: { [f]: e.target.checked } })} /> {flagStyle[f].name}
          </label>
        ))}
      </fieldset>

      <h3>
        Cost {view.periodLabel.replace('/', 'per ').replace('yr', 'year').replace('mo', 'month')}
        <span className="cost-result" data-testid="inspector-cost">
          {cost === undefined ? 'no cost data' : view.money(cost)}
        </span>
      </h3>
      <div className="field">
        <label htmlFor="field-cost-mode">Cost of one occurrence</label>
        <select id="field-cost-mode" value={step.costMode} disabled={disabled} onChange={(e) => setCost('costMode')(e.target.value as never)}>
          <option value="unit">given directly</option>
          <option value="time">minutes × hourly rate</option>
        </select>
      </div>
      <NumberField
        label="Volume"
        unit={`per ${view.periodLabel.slice(1) === 'yr' ? 'year' : 'month'}`}
        value={step.volume}
        figure={countFigure('Volume', locale)}
        onCommit={setCost('volume')}
        disabled={disabled}
      />
      {step.costMode === 'unit' ? (
        <NumberField label="Unit cost" unit={currency} value={step.unitCents} figure={moneyFigure('Unit cost', locale, currency)} onCommit={setCost('unitCents')} disabled={disabled} />
      ) : (
        <>
          <NumberField label="Minutes" unit="min" value={step.minutes} figure={minutesFigure('Minutes', locale)} onCommit={setCost('minutes')} disabled={disabled} />
          <NumberField label="Hourly rate" unit={`${currency}/h`} value={step.rateCents} figure={moneyFigure('Hourly rate', locale, currency)} onCommit={setCost('rateCents')} disabled={disabled} />
        </>
      )}
      <NumberField
        label="Fixed cost"
        unit={`${currency}${view.periodLabel}`}
        value={step.fixedCents}
        figure={moneyFigure('Fixed cost', locale, currency)}
        onCommit={setCost('fixedCents')}
        disabled={disabled}
      />

      <StepTimeFields step={step} disabled={disabled} />

      {scenario && step.scenarioId === null && (
        <section className="scenario-overrides" aria-label={`In ${scenario.name}`}>
          <h3>In “{scenario.name}”</h3>
          <label className="check">
            <input type="checkbox" checked={!!o.removed} disabled={readOnly} onChange={(e) => setOverride('removed')(e.target.checked || null)} /> Step removed
          </label>
          {!o.removed && <ScenarioFigures step={step} overrides={o} locale={locale} currency={currency} readOnly={readOnly} setOverride={setOverride} />}
          {!o.removed && <ScenarioTimeFields step={step} overrides={o} readOnly={readOnly} setOverride={setOverride} />}
          <p className="saving-line">
            Saves {view.money(view.saved?.byStep.get(step.id) ?? 0n)}
            {view.periodLabel}
          </p>
        </section>
      )}
    </>
  );
}

/**
 * The figures a to-be may change, for the step's cost mode: its volume, and its unit cost or —
 * for minutes × rate — its minutes ("15 min becomes 2 min"). Empty means "as in the as-is",
 * whose figure shows greyed in the field.
 */
function ScenarioFigures({
  step,
  overrides: o,
  locale,
  currency,
  readOnly,
  setOverride,
}: {
  step: Step;
  overrides: Override;
  locale: string;
  currency: string;
  readOnly: boolean;
  setOverride(field: 'volume' | 'unitCents' | 'minutes'): (v: number | null) => string | null;
}) {
  const asIs = (f: Figure, v: number | null) => (v === null ? undefined : `${f.format(v)} as-is`);
  const volume = countFigure('Scenario volume', locale);
  const unit = moneyFigure('Scenario unit cost', locale, currency);
  const minutes = minutesFigure('Scenario minutes', locale);
  return (
    <>
      <NumberField label="Scenario volume" value={o.volume ?? null} placeholder={asIs(volume, step.volume)} figure={volume} onCommit={setOverride('volume')} disabled={readOnly} />
      {step.costMode === 'unit' ? (
        <NumberField
          label="Scenario unit cost"
          unit={currency}
          value={o.unitCents ?? null}
          placeholder={asIs(unit, step.unitCents)}
          figure={unit}
          onCommit={setOverride('unitCents')}
          disabled={readOnly}
        />
      ) : (
        <NumberField label="Scenario minutes" unit="min" value={o.minutes ?? null} placeholder={asIs(minutes, step.minutes)} figure={minutes} onCommit={setOverride('minutes')} disabled={readOnly} />
      )}
    </>
  );
}

/** The side panel for the selected step: every field, with units and messages at the field. */
export function Inspector() {
  const selection = useUi((s) => s.selection);
  const open = useUi((s) => s.panel === 'inspector');
  const readOnly = useUi((s) => !may(s.role, 'changeBoard'));
  const element = useBoard((s) => (selection.length === 1 ? s.elements[selection[0]] : undefined)) as BoardElement | undefined;
  if (!open || !element || element.kind !== 'step') return null;
  return (
    <aside className="side-panel inspector" aria-label="Step inspector">
      <header>
        <h2>Step</h2>
        <button type="button" className="close" aria-label="Close inspector" title="Close inspector" onClick={() => useUi.setState({ panel: null })}>
          ×
        </button>
      </header>
      <StepInspector key={element.id} step={element} readOnly={readOnly} />
    </aside>
  );
}
