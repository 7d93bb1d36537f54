import type { Override, OverrideField } from '../../shared/model/scenario';
import type { Step } from '../../shared/model/step';
import { useCostView } from '../state/costView';
import { dispatch } from '../commands/dispatch';
import { NumberField } from './NumberField';
import { refusalOf } from './fieldDraft';
import { evidenceField, sourceField } from '../../shared/model/range';
import { FigureField, type EvidenceValue } from './FigureField';
import { evidenceOf, rangePatch, rangedOf } from '../../shared/figureText/figureValues';
import type { Ranged } from '../../shared/figureText/parseFigures';
import { rangedDurationFigure, scenarioRangedDurationFigure, shareFigure, type RangedDuration } from '../../shared/figureText/timeFigures';

/**
 * The step's time, as a value-stream map asks for it: the wait before it, its process time,
 * and the share done right the first time. A duration and the unit it was typed in are
 * written by one operation, so a colleague never sees "3" of the old unit.
 */
export function StepTimeFields({ step, disabled }: { step: Step; disabled: boolean }) {
  const view = useCostView();
  const { locale } = view;
  const t = view.asIsTime.steps.get(step.id);
  const given = t && (t.waitMinutes !== null || t.processMinutes !== null);
  const lead = given ? view.duration((t.waitMinutes ?? 0) + (t.processMinutes ?? 0)) : 'no times yet';
  /** A duration with its range and the unit it was typed in, stored by one operation, with its evidence. */
  const duration = (f: 'waitMinutes' | 'processMinutes', unitField: 'waitUnit' | 'processUnit') => {
    const r = rangedOf(step, f);
    return {
      value: r && { ...r, unit: step[unitField] },
      onCommit: (d: RangedDuration | null) => refusalOf(() => dispatch('setStepCost', { id: step.id, patch: { ...rangePatch(f, d), ...(d ? { [unitField]: d.unit } : {}) } })),
      evidence: evidenceOf(step, f),
      onEvidence: (e: EvidenceValue) => refusalOf(() => dispatch('setStepCost', { id: step.id, patch: { [evidenceField(f)]: e.evidence, [sourceField(f)]: e.source } })),
      disabled,
    };
  };
  return (
    <section className="step-time" aria-label="Time">
      <h3>
        Time
        <span className="cost-result" data-testid="inspector-lead-time" title="Wait before + process time">
          {lead}
        </span>
      </h3>
      <FigureField label="Wait before" placeholder="e.g. 3 days" figure={rangedDurationFigure('Wait before', locale)} {...duration('waitMinutes', 'waitUnit')} />
      <FigureField label="Process time" placeholder="e.g. 2 h" figure={rangedDurationFigure('Process time', locale)} {...duration('processMinutes', 'processUnit')} />
      <NumberField
        label="First time right"
        words
        value={step.firstTimeRight}
        placeholder="e.g. 80 %"
        figure={shareFigure('First time right', locale)}
        onCommit={(f) =>
          refusalOf(() =>
            dispatch('updateElements', {
              ids: [step.id],
              patch: { firstTimeRight: f },
            }),
          )
        }
        disabled={disabled}
      />
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
  setOverrides,
}: {
  step: Step;
  overrides: Override;
  readOnly: boolean;
  setOverride(field: OverrideField): (v: number | null) => string | null;
  setOverrides(values: Partial<Record<OverrideField, number | string | null>>): string | null;
}) {
  const { locale } = useCostView();
  const share = shareFigure('Scenario first time right', locale);
  const asIs = (text: string | null) => (text === null ? undefined : `${text} as-is`);
  const shareAsIs = step.firstTimeRight === null ? null : share.format(step.firstTimeRight);
  const hint = (overridden: number | undefined, text: string | null) => (overridden === undefined ? undefined : `as-is ${text ?? 'not given'}`);
  /** A scenario's wait or process time, a range with its evidence; the as-is one greyed in the field, then under it. */
  const duration = (f: 'waitMinutes' | 'processMinutes', label: string, unit: Step['waitUnit']) => {
    const own = rangedOf(step, f);
    const text = own && rangedDurationFigure('', locale).format({ ...own, unit });
    return {
      label,
      figure: scenarioRangedDurationFigure(label, locale, unit),
      value: rangedOf(o, f),
      placeholder: asIs(text),
      hint: hint(o[f], text),
      onCommit: (v: Ranged | null) => setOverrides(rangePatch(f, v)),
      evidence: evidenceOf(o, f),
      onEvidence: (e: EvidenceValue) => setOverrides({ [evidenceField(f)]: e.evidence, [sourceField(f)]: e.source || null }),
      disabled: readOnly,
    };
  };
  return (
    <>
      <FigureField {...duration('waitMinutes', 'Scenario wait before', step.waitUnit)} />
      <FigureField {...duration('processMinutes', 'Scenario process time', step.processUnit)} />
      <NumberField
        label="Scenario first time right"
        words
        value={o.firstTimeRight ?? null}
        placeholder={asIs(shareAsIs)}
        hint={hint(o.firstTimeRight, shareAsIs)}
        figure={share}
        onCommit={setOverride('firstTimeRight')}
        disabled={readOnly}
      />
    </>
  );
}
