import type { ReactNode } from 'react';
import { backToBoard } from '../commands/keyboardCommands';
import { rollup } from '../../shared/model/rollup';
import type { Scenario } from '../../shared/model/scenario';
import { useBoard } from '../state/boardStore';
import { useCostView, type CostView } from '../state/costView';
import { valueClassColour, valueClassLabel } from '../canvas/theme';
import { may } from '../../shared/permissions';
import { dispatch } from '../commands/dispatch';
import { useUi } from '../state/uiStore';
import { VoteRanking } from './voting/VoteResults';
import { Bars, bandBars } from './Bars';
import { LeadTimeView } from './LeadTimeView';
import { BusinessCaseView } from './BusinessCaseView';
import { EvidenceView } from './EvidenceView';
import { commonCurrencies, commonLocales } from '../../shared/model/locales';
import { FieldLines, refusalOf, useFieldDraft } from './fieldDraft';
import { keepTyping, showPanel } from '../state/typing';

/** The few numbers a steering group needs: total, top steps, where the money goes, waste, scenarios. */
export function Dashboard() {
  const view = useCostView();
  const elements = useBoard((s) => s.elements);
  const scenarios = useBoard((s) => s.scenarios);
  // Every block shows the scenario picked in the header (or the as-is), and says which.
  const { asIs, shown, scenario } = view;
  const showing = scenario?.name ?? 'As-is';
  const writable = useUi((s) => may(s.role, 'changeBoard'));
  const big = useUi((s) => s.bigDashboard);
  const heat = useUi((s) => s.heat);
  const revealed = useBoard((s) => s.rounds.some((r) => r.revealedAt !== null));
  const meta = useBoard((s) => s.meta);
  const waste = shown.byValueClass.get('waste') ?? 0n;
  const wasteShare = shown.total > 0n ? Number((waste * 1_000_000n) / shown.total) / 1_000_000 : 0;
  const percent = new Intl.NumberFormat(view.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const top = [...shown.stepCosts]
    .filter(([, v]) => v > 0n)
    .sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0))
    .slice(0, 10)
    .map(([id, value]) => ({
      label: (elements[id] as { title?: string })?.title || 'Untitled step',
      value,
      colour: valueClassColour[(elements[id] as { valueClass?: keyof typeof valueClassColour })?.valueClass ?? 'unclassified'],
    }));
  return (
    <aside className={`side-panel dashboard ${big ? 'big' : ''}`} aria-label="Cost dashboard" tabIndex={-1} onKeyDown={backToBoard}>
      <header>
        <h2>Cost dashboard</h2>
        <button type="button" className="text-button heat-toggle" aria-pressed={heat === 'cost'} onClick={() => useUi.setState({ heat: heat === 'cost' ? null : 'cost' })}>
          Heat
        </button>
        <button type="button" className="text-button" aria-pressed={big} onClick={() => useUi.setState({ bigDashboard: !big })}>
          {big ? 'Side panel' : 'Big screen'}
        </button>
        <button type="button" className="close" aria-label="Close dashboard" title="Close dashboard" onMouseDown={keepTyping} onClick={() => showPanel(null)}>
          ×
        </button>
      </header>
      {writable && meta && (
        <div className="settings" role="group" aria-label="Board settings">
          <label>
            Currency
            <select value={meta.currency} onChange={(e) => dispatch('setBoardSettings', { currency: e.target.value })}>
              {[...new Set([meta.currency, ...commonCurrencies])].map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <label>
            Period
            <select value={meta.period} onChange={(e) => dispatch('setBoardSettings', { period: e.target.value as 'month' | 'year' })}>
              <option value="year">per year</option>
              <option value="month">per month</option>
            </select>
          </label>
          <label>
            Number format
            <select value={meta.locale} onChange={(e) => dispatch('setBoardSettings', { locale: e.target.value })}>
              {[...new Set([meta.locale, ...commonLocales])].map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
        </div>
      )}
      <p className="dashboard-showing" data-testid="dashboard-showing">
        Showing <strong>{showing}</strong>
        {scenario ? ' against the as-is' : ' — pick a to-be in the header to see its figures'}
      </p>
      <div className="kpis" aria-label={`Key figures — ${showing}`}>
        <div className="kpi">
          <span>Total {view.periodLabel.slice(1) === 'yr' ? 'per year' : 'per month'}</span>
          <strong data-testid="dashboard-total">{view.money(shown.total)}</strong>
          {view.saved && (
            <>
              <small data-testid="dashboard-saving">saves {view.money(view.saved.total)}</small>
              <small>as-is {view.money(asIs.total)}</small>
            </>
          )}
        </div>
        <div className="kpi">
          <span>Waste</span>
          <strong data-testid="dashboard-waste">{percent.format(wasteShare)}</strong>
          <small>{view.money(waste)}</small>
        </div>
        <div className="kpi">
          <span>Without cost data</span>
          <strong>{shown.missing.length}</strong>
          <small>steps</small>
        </div>
      </div>
      <Bars title={`Top steps by cost — ${showing}`} bars={top} view={view} />
      <LeadTimeView view={view} showing={showing} />
      <EvidenceView view={view} showing={showing} />
      {revealed && (
        <section className="chart" aria-label="Votes vs money at stake — As-is">
          <h3>Votes vs money at stake — As-is</h3>
          <VoteRanking limit={10} />
        </section>
      )}
      <Bars title={`Cost by lane — ${showing}`} bars={bandBars('lane', shown.byLane, elements)} view={view} />
      <Bars title={`Cost by stage — ${showing}`} bars={bandBars('stage', shown.byStage, elements)} view={view} />
      <Bars title={`Cost by owner — ${showing}`} bars={[...shown.byOwner].sort((a, b) => (b[1] > a[1] ? 1 : -1)).map(([k, v]) => ({ label: k || '(no owner)', value: v }))} view={view} />
      <Bars title={`Cost by value class — ${showing}`} bars={[...shown.byValueClass].map(([k, v]) => ({ label: valueClassLabel[k], value: v, colour: valueClassColour[k] }))} view={view} />
      <section className="chart" aria-label="Scenarios">
        <h3>Scenarios</h3>
        <table className="scenarios-table">
          <thead>
            <tr>
              <th>Scenario</th>
              <th>Total</th>
              <th>Saves</th>
            </tr>
          </thead>
          <tbody>
            <tr aria-current={scenario ? undefined : 'true'}>
              <td>As-is</td>
              <td>{view.money(asIs.total)}</td>
              <td>—</td>
            </tr>
            {scenarios.map((s) => (
              <ScenarioRow key={s.id} view={view} scenario={s} writable={writable} />
            ))}
          </tbody>
        </table>
      </section>
      <BusinessCaseView view={view} />
    </aside>
  );
}

/**
 * A scenario's name, typed in place and finished as every panel field is (useFieldDraft): Enter
 * or leaving renames it, Escape puts the name back; an empty name is refused with a line and
 * the name stays.
 */
function ScenarioName({ scenario, children }: { scenario: Scenario; children: ReactNode }) {
  const { error, left, note, inputProps } = useFieldDraft({
    shown: scenario.name,
    store: (text) => {
      const name = text.trim();
      if (!name) return 'A scenario needs a name.';
      return name === scenario.name ? null : refusalOf(() => dispatch('renameScenario', { id: scenario.id, name }));
    },
  });
  const id = `scenario-name-${scenario.id}`;
  return (
    <>
      <span className={`scenario-name ${error && !left ? 'invalid' : ''}`}>
        <input id={id} aria-label={`Name of scenario ${scenario.name}`} maxLength={200} {...inputProps} aria-invalid={!!error && !left} aria-describedby={error ? `${id}-error` : undefined} />
        {children}
      </span>
      <FieldLines id={id} error={error} note={note} />
    </>
  );
}

/** One rollup per scenario, computed only while the dashboard is open. */
function ScenarioRow({ view, scenario, writable }: { view: CostView; scenario: Scenario; writable: boolean }) {
  const r = view.scenario?.id === scenario.id ? view.shown : rollup(view.steps, scenario);
  return (
    <tr aria-current={view.scenario?.id === scenario.id ? 'true' : undefined}>
      <td>
        {writable ? (
          <ScenarioName scenario={scenario}>
            <button
              type="button"
              className="close"
              title={`Delete scenario ${scenario.name}`}
              aria-label={`Delete scenario ${scenario.name}`}
              onClick={() => dispatch('deleteScenario', { id: scenario.id })}
            >
              ×
            </button>
          </ScenarioName>
        ) : (
          scenario.name
        )}
      </td>
      <td>{view.money(r.total)}</td>
      <td data-testid={`saving-${scenario.name}`}>{view.money(view.asIs.total - r.total)}</td>
    </tr>
  );
}
