import type { Step } from '../../shared/model/step';
import { useBoard } from '../state/boardStore';
import { useCostView } from '../state/costView';

/**
 * At the top of the details of a step that exists only in a to-be: which scenario it lives
 * in and what it adds to that scenario's cost. Its figures below are its own, not overrides.
 */
export function ToBeStepNote({ step }: { step: Step }) {
  const view = useCostView();
  const name = useBoard((s) => s.scenarios.find((x) => x.id === step.scenarioId)?.name ?? '');
  if (step.scenarioId === null) return null;
  const cost = view.scenario?.id === step.scenarioId ? view.shown.stepCosts.get(step.id) : undefined;
  return (
    <p className="to-be-note" data-testid="to-be-note">
      Only in <strong>“{name}”</strong>
      {cost !== undefined && (
        <>
          : adds {view.money(cost)}
          {view.periodLabel} to it
        </>
      )}
      . The as-is map and the other scenarios do not have this step; its figures below are its own.
    </p>
  );
}
