import type { Duration } from '../../shared/model/duration';
import type { Override, OverrideField } from '../../shared/model/scenario';
import type { Step } from '../../shared/model/step';
import { useCostView } from '../state/costView';
import { dispatch } from '../commands/dispatch';
import { NumberField } from './NumberField';
import type { Figure } from './parseFigures';
import { durationFigure, scenarioDurationFigure, shareFigure } from './timeFigures';

/**
 * The step's three time figures, as a value-stream map asks for them: the wait before it, its
 * process time (each a duration stored with the unit it was typed in), and the share done right
 * the first time. The as-is fields and a scenario's are both drawn from this one list.
 */
const timeFields = [
  { field: 'waitMinutes', unitField: 'waitUnit', label: 'Wait before', placeholder: 'e.g. 3 days' },
  { field: 'processMinutes', unitField: 'processUnit', label: 'Process time', placeholder: 'e.g. 2 h' },
  { field: 'firstTimeRight', unitField: null, label: 'First time right', placeholder: 'e.g. 80 %' },
] as const;

/** One field as NumberField takes it: a duration (the step's own) or a plain number (minutes of a scenario, a share). */
type TimeField = {
  label: string;
  value: Duration | number | null;
  figure: Figure<Duration | number>;
  onCommit(v: Duration | number | null): string | null;
  placeholder?: string;
  hint?: string;
};

function TimeFieldList({ fields, disabled }: { fields: TimeField[]; disabled: boolean }) {
  return (
    <>
      {fields.map((f) => (
        <NumberField key={f.label} words {...f} disabled={disabled} />
      ))}
    </>
  );
}

/** Refusals come back as the message shown at the field (the operation names the step first). */
function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (e) {
    return (e as Error).message.replace(/^step \S+\./, '');
  }
}

/**
 * The step's time. A duration and the unit it was typed in are written by one operation, so a
 * colleague never sees "3" of the old unit.
 */
export function StepTimeFields({ step, disabled }: { step: Step; disabled: boolean }) {
  const view = useCostView();
  const { locale } = view;
  const t = view.asIsTime.steps.get(step.id);
  const given = t && (t.waitMinutes !== null || t.processMinutes !== null);
  const lead = given ? view.duration((t.waitMinutes ?? 0) + (t.processMinutes ?? 0)) : 'no times yet';
  const fields = timeFields.map(({ field, unitField, label, placeholder }): TimeField => {
    const write = (patch: Partial<Step>) => refusal(() => dispatch('updateElements', { ids: [step.id], patch }));
    if (unitField === null) return { label, placeholder, value: step[field], figure: shareFigure(label, locale), onCommit: (f) => write({ [field]: f as number | null }) };
    const minutes = step[field];
    return {
      label,
      placeholder,
      value: minutes === null ? null : { minutes, unit: step[unitField] },
      figure: durationFigure(label, locale),
      onCommit: (d) => write(d ? { [field]: (d as Duration).minutes, [unitField]: (d as Duration).unit } : { [field]: null }),
    };
  });
  return (
    <section className="step-time" aria-label="Time">
      <h3>
        Time
        <span className="cost-result" data-testid="inspector-lead-time" title="Wait before + process time">
          {lead}
        </span>
      </h3>
      <TimeFieldList fields={fields} disabled={disabled} />
    </section>
  );
}

/**
 * A scenario's times for the step: empty means "as in the as-is", whose figure shows greyed in
 * the field; once changed, the as-is figure stays under the field for comparison.
 */
export function ScenarioTimeFields({
  step,
  overrides: o,
  readOnly,
  setOverride,
}: {
  step: Step;
  overrides: Override;
  readOnly: boolean;
  setOverride(field: OverrideField): (v: number | null) => string | null;
}) {
  const { locale } = useCostView();
  const fields = timeFields.map(({ field, unitField, label }): TimeField => {
    const scenarioLabel = `Scenario ${label[0].toLowerCase()}${label.slice(1)}`;
    const figure = unitField === null ? shareFigure(scenarioLabel, locale) : scenarioDurationFigure(scenarioLabel, locale, step[unitField]);
    const asIsValue = step[field];
    const asIsText = asIsValue === null ? null : unitField === null ? figure.format(asIsValue) : durationFigure('', locale).format({ minutes: asIsValue, unit: step[unitField] });
    const overridden = o[field];
    return {
      label: scenarioLabel,
      value: overridden ?? null,
      placeholder: asIsText === null ? undefined : `${asIsText} as-is`,
      hint: overridden === undefined ? undefined : `as-is ${asIsText ?? 'not given'}`,
      figure,
      onCommit: setOverride(field),
    };
  });
  return <TimeFieldList fields={fields} disabled={readOnly} />;
}
