import { may } from '../../../shared/permissions';
import { useEstimateUi } from '../../state/estimateStore';
import { useUi } from '../../state/uiStore';

/** In a step's details: the facilitator asks the room for one of its figures (the same dialog as the right-click menu's). */
export function AskEstimateButton({ stepId }: { stepId: string }) {
  const offered = useUi((s) => may(s.role, 'askEstimate') && s.access !== null);
  if (!offered) return null;
  return (
    <button type="button" className="text-button ask-estimate" onClick={() => useEstimateUi.setState({ askingAbout: stepId })}>
      Ask the room for an estimate…
    </button>
  );
}
