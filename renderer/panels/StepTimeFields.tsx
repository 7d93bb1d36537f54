import type { Duration } from '../../shared/model/duration';
import type { Override, OverrideField } from '../../shared/model/scenario';
import type { Step } from '../../shared/model/step';
import { useCostView } from '../state/costView';
import { dispatch } from '../commands/dispatch';
import { NumberField } from './NumberField';
import { durationFigure, scenarioDurationFigure, shareFigure } from './timeFigures';

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
  const setDuration = (minutesField: 'waitMinutes' | 'processMinutes', unitField: 'waitUnit' | 'processUnit') => (d: Duration | null) =>
    refusal(() =>
      dispatch('updateElements', {
        ids: [step.id],
        patch: d ? { [minutesField]: d.minutes, [unitField]: d.unit } : { [minutesField]: null },
      }),
    );
  const asDuration = (minutes: number | null, unit: Step['waitUnit']): Duration | null => (minutes === null ? null : { minutes, unit });
  return (
    <section className="step-time" aria-label="Time">
      <h3>
        Time
        <span className="cost-result" data-testid="inspector-lead-time" title="Wait before + process time">
          {lead}
        </span>
      </h3>
      <NumberField
        label="Wait before"
        words
        value={asDuration(step.waitMinutes, step.waitUnit)}
        placeholder="e.g. 3 days"
        figure={durationFigure('Wait before', locale)}
        onCommit={setDuration('waitMinutes', 'waitUnit')}
        disabled={disabled}
      />
      <NumberField
        label="Process time"
        words
        value={asDuration(step.processMinutes, step.processUnit)}
        placeholder="e.g. 2 h"
        figure={durationFigure('Process time', locale)}
        onCommit={setDuration('processMinutes', 'processUnit')}
        disabled={disabled}
      />
      <NumberField
        label="First time right"
        words
        value={step.firstTimeRight}
        placeholder="e.g. 80 %"
        figure={shareFigure('First time right', locale)}
        onCommit={(f) =>
          refusal(() =>
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
}: {
  step: Step;
  overrides: Override;
  readOnly: boolean;
  setOverride(field: OverrideField): (v: number | null) => string | null;
}) {
  const { locale } = useCostView();
  const wait = scenarioDurationFigure('Scenario wait before', locale, step.waitUnit);
  const process = scenarioDurationFigure('Scenario process time', locale, step.processUnit);
  const share = shareFigure('Scenario first time right', locale);
  const asIs = (text: string | null) => (text === null ? undefined : `${text} as-is`);
  const waitAsIs =
    step.waitMinutes === null
      ? null
      : durationFigure('', locale).format({
          minutes: step.waitMinutes,
          unit: step.waitUnit,
        });
  const processAsIs =
    step.processMinutes === null
      ? null
      : durationFigure('', locale).format({
          minutes: step.processMinutes,
          unit: step.processUnit,
        });
  const shareAsIs = step.firstTimeRight === null ? null : share.format(step.firstTimeRight);
  const hint = (overridden: number | undefined, text: string | null) => (overridden === undefined ? undefined : `as-is ${text ?? 'not given'}`);
  return (
    <>
      <NumberField
        label="Scenario wait before"
        words
        value={o.waitMinutes ?? null}
        placeholder={asIs(waitAsIs)}
        hint={hint(o.waitMinutes, waitAsIs)}
        figure={wait}
        onCommit={setOverride('waitMinutes')}
        disabled={readOnly}
      />
      <NumberField
        label="Scenario process time"
        words
        value={o.processMinutes ?? null}
        placeholder={asIs(processAsIs)}
        hint={hint(o.processMinutes, processAsIs)}
        figure={process}
        onCommit={setOverride('processMinutes')}
        disabled={readOnly}
      />
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
