import { canWrite } from '../../shared/session';
import { useCostView } from '../board/costView';
import { useBoard } from '../board/boardStore';
import { dispatch } from '../operations/dispatch';
import { useUi } from '../ui/uiStore';

/** The select's entry that makes a scenario (never an id: ids have no spaces). */
const NEW = 'new scenario';

/** The board's money, always in view: total, missing steps, the scenario shown, heat, dashboard. */
export function CostBar() {
  const view = useCostView();
  const scenarios = useBoard((s) => s.scenarios);
  const scenarioId = useUi((s) => s.scenarioId);
  const heat = useUi((s) => s.heat);
  const panel = useUi((s) => s.panel);
  const writable = useUi((s) => (s.role ? canWrite(s.role) : false));
  const newScenario = () => {
    const id = dispatch('addScenario', { name: `To-be ${scenarios.length + 1}` });
    if (id) useUi.setState({ scenarioId: id });
  };
  return (
    <div className="cost-bar" role="group" aria-label="Costs">
      <span className="board-total" data-testid="board-total" title="Total cost of the board per period">
        {view.money(view.shown.total)}
        {view.periodLabel}
      </span>
      {view.saved && (
        <span className="saving" data-testid="scenario-saving">
          saves {view.money(view.saved.total)}
          {view.periodLabel}
        </span>
      )}
      {view.asIs.missing.length > 0 && (
        <span className="missing" title={`${view.asIs.missing.length} step${view.asIs.missing.length === 1 ? '' : 's'} without cost data, not counted as zero`}>
          {view.asIs.missing.length} missing
        </span>
      )}
      <select
        aria-label="Scenario shown"
        title="Scenario shown"
        value={scenarioId ?? ''}
        onChange={(e) => (e.target.value === NEW ? newScenario() : useUi.setState({ scenarioId: e.target.value || null }))}
      >
        <option value="">As-is</option>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        {writable && <option value={NEW}>+ New to-be scenario</option>}
      </select>
      <button type="button" className="text-button heat-button" aria-pressed={heat} title="Cost heat view" aria-label="Cost heat view" onClick={() => useUi.setState({ heat: !heat })}>
        Heat
      </button>
      <button type="button" className="text-button" aria-pressed={panel === 'dashboard'} title="Cost dashboard (D)" aria-label="Cost dashboard (D)" onClick={() => useUi.setState({ panel: panel === 'dashboard' ? null : 'dashboard' })}>
        Dashboard
      </button>
    </div>
  );
}
