import { backToBoard } from '../commands/keyboardCommands';
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
import { evidenceField, sourceField, type RangedField } from '../../shared/model/range';
import { FigureField, type EvidenceValue } from './FigureField';
import { evidenceOf, rangePatch, rangedOf } from '../../shared/figureText/figureValues';
import { rangedCount, rangedMinutes, rangedMoney, rangedRate, type Figure, type Ranged } from '../../shared/figureText/parseFigures';
import { StepTimeFields, ScenarioTimeFields } from './StepTimeFields';
import { ToBeStepNote } from './ToBeStepNote';
import { AskEstimateButton } from './estimates/AskEstimateButton';
import { FieldLines, FieldsOf, refusalOf, useFieldDraft } from './fieldDraft';
import { keepTyping, showPanel } from '../state/typing';

/** A text field, typed and finished as every panel field is (useFieldDraft); stored by one operation. */
function TextField({ label, value, multiline, disabled, onCommit }: { label: string; value: string; multiline?: boolean; disabled?: boolean; onCommit(v: string): unknown }) {
  const { error, left, note, inputProps } = useFieldDraft({ shown: value, store: (v) => refusalOf(() => onCommit(v)), multiline });
  const id = `field-${label.replace(/\W+/g, '-').toLowerCase()}`;
  const props = {
    id,
    ...inputProps,
    disabled,
    maxLength: multiline ? 20_000 : 200,
    'aria-invalid': !!error && !left,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <div className={`field ${error && !left ? 'invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
      <FieldLines id={id} error={error} note={note} />
    </div>
  );
}

function StepInspector({ step, readOnly }: { step: Step; readOnly: boolean }) {
  const view = useCostView();
  const cost = (step.scenarioId !== null ? view.shown : view.asIs).stepCosts.get(step.id);
  const { locale, currency } = view;
  const setCost = (field: string) => (v: number | null) => refusalOf(() => dispatch('setStepCost', { id: step.id, patch: { [field]: v } }));
  const scenario = view.scenario;
  const o = scenario?.overrides[step.id] ?? {};
  const setOverride = (field: OverrideField) => (v: number | boolean | null) => refusalOf(() => scenario && dispatch('setOverride', { scenarioId: scenario.id, stepId: step.id, field, value: v }));
  const setOverrides = (values: Partial<Record<OverrideField, number | string | null>>) => refusalOf(() => scenario && dispatch('setOverride', { scenarioId: scenario.id, stepId: step.id, values }));
  const set = (field: string) => (v: string) => dispatch('updateElements', { ids: [step.id], patch: { [field]: v } });
  const disabled = readOnly || step.locked;
  /** A figure of the step's own, with its range and evidence, for a FigureField. */
  const own = (f: RangedField) => ({
    value: rangedOf(step, f),
    onCommit: (v: Ranged | null) => refusalOf(() => dispatch('setStepCost', { id: step.id, patch: rangePatch(f, v) })),
    evidence: evidenceOf(step, f),
    onEvidence: (e: EvidenceValue) => refusalOf(() => dispatch('setStepCost', { id: step.id, patch: { [evidenceField(f)]: e.evidence, [sourceField(f)]: e.source } })),
    disabled,
  });
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
      <AskEstimateButton stepId={step.id} />
      <div className="field">
        <label htmlFor="field-cost-mode">Cost of one occurrence</label>
        <select id="field-cost-mode" value={step.costMode} disabled={disabled} onChange={(e) => setCost('costMode')(e.target.value as never)}>
          <option value="unit">given directly</option>
          <option value="time">minutes × hourly rate</option>
        </select>
      </div>
      <FigureField label="Volume" unit={`per ${view.periodLabel.slice(1) === 'yr' ? 'year' : 'month'}`} figure={rangedCount('Volume', locale)} {...own('volume')} />
      {step.costMode === 'unit' ? (
        <FigureField label="Unit cost" unit={currency} figure={rangedMoney('Unit cost', locale, currency)} {...own('unitCents')} />
      ) : (
        <>
          <FigureField label="Minutes" unit="min" figure={rangedMinutes('Minutes', locale)} {...own('minutes')} />
          <FigureField label="Hourly rate" unit={`${currency}/h`} figure={rangedRate('Hourly rate', locale, currency)} {...own('rateCents')} />
        </>
      )}
      <FigureField label="Fixed cost" unit={`${currency}${view.periodLabel}`} figure={rangedMoney('Fixed cost', locale, currency)} {...own('fixedCents')} />

      <StepTimeFields step={step} disabled={disabled} />

      {scenario && step.scenarioId === null && (
        <section className="scenario-overrides" aria-label={`In ${scenario.name}`}>
          <h3>In “{scenario.name}”</h3>
          <label className="check">
            <input type="checkbox" checked={!!o.removed} disabled={readOnly} onChange={(e) => setOverride('removed')(e.target.checked || null)} /> Step removed
          </label>
          {!o.removed && <ScenarioFigures step={step} overrides={o} locale={locale} currency={currency} readOnly={readOnly} setOverrides={setOverrides} />}
          {!o.removed && <ScenarioTimeFields step={step} overrides={o} readOnly={readOnly} setOverride={setOverride} setOverrides={setOverrides} />}
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
 * The figures a to-be may change, for the step's cost mode: its volume, its unit cost or — for
 * minutes × rate — its minutes and hourly rate ("15 min becomes 2 min"), and its fixed cost;
 * each may be a range with its evidence. Empty means "as in the as-is", whose figure shows
 * greyed in the field.
 */
function ScenarioFigures({
  step,
  overrides: o,
  locale,
  currency,
  readOnly,
  setOverrides,
}: {
  step: Step;
  overrides: Override;
  locale: string;
  currency: string;
  readOnly: boolean;
  setOverrides(values: Partial<Record<OverrideField, number | string | null>>): string | null;
}) {
  const field = (f: RangedField, figure: Figure<Ranged>) => {
    const asIs = rangedOf(step, f);
    return {
      figure,
      value: rangedOf(o, f),
      placeholder: asIs === null ? undefined : `${figure.format(asIs)} as-is`,
      onCommit: (v: Ranged | null) => setOverrides(rangePatch(f, v)),
      evidence: evidenceOf(o, f),
      onEvidence: (e: EvidenceValue) => setOverrides({ [evidenceField(f)]: e.evidence, [sourceField(f)]: e.source || null }),
      disabled: readOnly,
    };
  };
  return (
    <>
      <FigureField label="Scenario volume" {...field('volume', rangedCount('Scenario volume', locale))} />
      {step.costMode === 'unit' ? (
        <FigureField label="Scenario unit cost" unit={currency} {...field('unitCents', rangedMoney('Scenario unit cost', locale, currency))} />
      ) : (
        <>
          <FigureField label="Scenario minutes" unit="min" {...field('minutes', rangedMinutes('Scenario minutes', locale))} />
          <FigureField label="Scenario hourly rate" unit={`${currency}/h`} {...field('rateCents', rangedRate('Scenario hourly rate', locale, currency))} />
        </>
      )}
      <FigureField label="Scenario fixed cost" unit={currency} {...field('fixedCents', rangedMoney('Scenario fixed cost', locale, currency))} />
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
    <aside className="side-panel inspector" aria-label="Step inspector" tabIndex={-1} onKeyDown={backToBoard}>
      <header>
        <h2>Step</h2>
        <button type="button" className="close" aria-label="Close inspector" title="Close inspector" onMouseDown={keepTyping} onClick={() => showPanel(null)}>
          ×
        </button>
      </header>
      <FieldsOf.Provider value={element.title}>
        <StepInspector key={element.id} step={element} readOnly={readOnly} />
      </FieldsOf.Provider>
    </aside>
  );
}
