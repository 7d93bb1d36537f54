import { useDialog } from '../../ui/useDialog';
import { useState } from 'react';
import { questionFor } from '../../../shared/model/estimate';
import { rangedFieldLabel } from '../../../shared/model/range';
import type { RangedField } from '../../../shared/model/range';
import type { Step } from '../../../shared/model/step';
import { useBoard } from '../../state/boardStore';
import { askEstimate, useEstimateUi } from '../../state/estimateStore';
import { useUi } from '../../state/uiStore';
import './estimates.css';

/** The figures a step's details show for its cost mode: the ones worth asking the room about. */
function askableFields(step: Step): RangedField[] {
  return ['volume', ...(step.costMode === 'unit' ? (['unitCents'] as const) : (['minutes', 'rateCents'] as const)), 'fixedCents', 'waitMinutes', 'processMinutes'];
}

/**
 * The facilitator asks the room for one figure of a step (from its right-click menu or its
 * details): which figure, of the as-is or of a to-be, and the question as the room will read it.
 */
export function AskEstimateDialog() {
  const stepId = useEstimateUi((s) => s.askingAbout);
  const step = useBoard((s) => (stepId ? s.elements[stepId] : undefined));
  if (!stepId || step?.kind !== 'step') return null;
  return <AskForm key={stepId} step={step} />;
}

function AskForm({ step }: { step: Step }) {
  const scenarios = useBoard((s) => s.scenarios);
  const period = useBoard((s) => s.meta?.period ?? 'year');
  const picked = useUi((s) => s.scenarioId);
  const fields = askableFields(step);
  const [field, setField] = useState<RangedField>(step.costMode === 'time' ? 'minutes' : 'volume');
  // A to-be's own step has only its own figures; an as-is step's figure may be asked of the to-be picked in the header.
  const [scenarioId, setScenarioId] = useState<string | null>(step.scenarioId === null && scenarios.some((s) => s.id === picked) ? picked : null);
  const [question, setQuestion] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownQuestion = question ?? questionFor(field, step.title, period);
  const close = () => useEstimateUi.setState({ askingAbout: null });
  const dialog = useDialog(close);
  const ask = async () => {
    setBusy(true);
    const refused = await askEstimate({ stepId: step.id, field, scenarioId, question: shownQuestion });
    setBusy(false);
    if (refused) setError(refused);
    else close();
  };
  return (
    <div className="export-dialog estimate-dialog" {...dialog} aria-label="Ask the room for an estimate">
      <h2>Ask the room</h2>
      <p className="estimate-hint">Everyone answers on their own device; nobody sees the others’ answers until you reveal them.</p>
      <label>
        Figure
        <select aria-label="Figure" value={field} onChange={(e) => setField(e.target.value as RangedField)}>
          {fields.map((f) => (
            <option key={f} value={f}>
              {rangedFieldLabel[f]}
            </option>
          ))}
        </select>
      </label>
      {step.scenarioId === null && scenarios.length > 0 && (
        <label>
          Of
          <select aria-label="Of" value={scenarioId ?? ''} onChange={(e) => setScenarioId(e.target.value || null)}>
            <option value="">the as-is step</option>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                the to-be “{s.name}”
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Question
        <textarea aria-label="Question" rows={2} maxLength={200} value={shownQuestion} onChange={(e) => setQuestion(e.target.value)} />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="text-button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy || shownQuestion.trim() === ''} onClick={() => void ask()}>
          Ask the room
        </button>
      </div>
    </div>
  );
}
