import { memo } from 'react';
import { may } from '../../shared/permissions';
import { useCostView } from '../state/costView';
import { useBoard } from '../state/boardStore';
import { dispatch } from '../commands/dispatch';
import { useUi } from '../state/uiStore';
import { command } from '../commands/commands';
import { labelWithKeys, runCommand } from '../commands/runCommand';
import { hasTimes, leadTimeText } from './leadTimeText';
import { SavingText, TotalText } from './CostBand';
import { MissingFigures, MissingMenuNotes } from './MissingFigures';

/** The select's entry that makes a scenario (never an id: ids have no spaces). */
const NEW = 'new scenario';

/** The parts of the cost bar the header can move into its "More" menu when it is short of room. */
export type CostPart = 'total' | 'missing' | 'leadTime' | 'scenario' | 'heat' | 'dashboard';

/**
 * The board's money and time, always in view: total, what is missing (money, times), the map's lead time and
 * PCE (once anyone gave a time; as-is → scenario with one picked), the scenario shown, heat, dashboard.
 * `tucked` parts are shown by CostMenuItems in the header's menu instead.
 */
export const CostBar = memo(function CostBar({ tucked = new Set() }: { tucked?: ReadonlySet<string> }) {
  const view = useCostView();
  const heat = useUi((s) => s.heat);
  const panel = useUi((s) => s.panel);
  const here = (part: CostPart) => !tucked.has(part);
  const timed = hasTimes(view.asIsTime);
  const time = leadTimeText(view);
  return (
    <div className="cost-bar" role="group" aria-label="Costs">
      {here('total') && (
        <span className="board-total" data-testid="board-total" title="Total cost of the board per period">
          <TotalText view={view} />
        </span>
      )}
      {view.saved && (
        <span className="saving" data-testid="scenario-saving">
          <SavingText view={view} saved={view.saved.total} />
        </span>
      )}
      {here('missing') && <MissingFigures />}
      {timed && here('leadTime') && (
        <span className="lead-time" data-testid="lead-time" title={`The map's lead time and process cycle efficiency${time.missing ? ' — at least: some steps have no times' : ''}`}>
          lead time {time.lead}
          {/* Said between the two figures, seen as the gap: "lead time 42 days, PCE 3 %", never "daysPCE". */}
          <span className="visually-hidden">, </span>
          <span className="pce" data-testid="pce">
            PCE {time.pce}
          </span>
        </span>
      )}
      {here('scenario') && <ScenarioPicker />}
      {here('heat') && (
        <button
          type="button"
          className="text-button heat-button"
          aria-pressed={heat === 'cost'}
          title="Cost heat view"
          aria-label="Cost heat view"
          onClick={() => useUi.setState({ heat: heat === 'cost' ? null : 'cost' })}
        >
          Heat
        </button>
      )}
      {here('dashboard') && (
        <button
          type="button"
          className="text-button"
          data-tuck="dashboard"
          aria-pressed={panel === 'dashboard'}
          title={labelWithKeys(command('dashboard'))}
          aria-label={labelWithKeys(command('dashboard'))}
          onClick={() => runCommand('dashboard')}
        >
          Dashboard
        </button>
      )}
    </div>
  );
});

/** Which scenario's figures the board shows; its last entry makes a new to-be. */
function ScenarioPicker() {
  const scenarios = useBoard((s) => s.scenarios);
  const scenarioId = useUi((s) => s.scenarioId);
  const writable = useUi((s) => may(s.role, 'changeBoard'));
  const newScenario = () => {
    const id = dispatch('addScenario', { name: `To-be ${scenarios.length + 1}` });
    if (id) useUi.setState({ scenarioId: id });
  };
  return (
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
  );
}

/** The tucked parts of the cost bar, as the header's "More" menu shows them. */
/**
 * `part`: what the header's More shows of them — the lines to read (and the scenario picker), or
 * the menu's items (a menu holds only items, for a screen reader).
 */
export function CostMenuItems({ tucked, part }: { tucked: ReadonlySet<string>; part: 'notes' | 'items' }) {
  const view = useCostView();
  const heat = useUi((s) => s.heat);
  const panel = useUi((s) => s.panel);
  const timed = hasTimes(view.asIsTime);
  const time = leadTimeText(view);
  if (part === 'items')
    return (
      <>
        {tucked.has('dashboard') && (
          <button type="button" role="menuitemcheckbox" aria-checked={panel === 'dashboard'} onClick={() => runCommand('dashboard', { source: 'menu' })}>
            {labelWithKeys(command('dashboard'))}
          </button>
        )}
        {tucked.has('heat') && (
          <button type="button" role="menuitemcheckbox" aria-checked={heat === 'cost'} onClick={() => useUi.setState({ heat: heat === 'cost' ? null : 'cost' })}>
            Cost heat view
          </button>
        )}
      </>
    );
  return (
    <>
      {tucked.has('total') && (
        <p className="menu-note" data-testid="board-total-in-menu">
          Board total <TotalText view={view} />
        </p>
      )}
      {tucked.has('missing') && <MissingMenuNotes />}
      {timed && tucked.has('leadTime') && (
        <p className="menu-note" data-testid="lead-time-in-menu">
          Lead time {time.lead}, PCE {time.pce}
        </p>
      )}
      {tucked.has('scenario') && (
        <label className="menu-field">
          Scenario shown <ScenarioPicker />
        </label>
      )}
    </>
  );
}
