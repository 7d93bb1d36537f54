import { useMemo } from 'react';
import { boardTime, type BoardTime } from '../../shared/model/boardTime';
import { rollup } from '../../shared/model/rollup';
import type { Scenario } from '../../shared/model/scenario';
import { longestWaits } from '../../shared/model/timeSummary';
import { useBoard } from '../state/boardStore';
import type { CostView } from '../state/costView';
import { Bars, bandBars } from './Bars';
import { hasTimes, pceText, stepsWithoutTimes } from './leadTimeText';
import { useSimulation } from '../state/simulation';

/** How many of the longest waits and of the steps without times are named; the rest are counted. */
const LISTED = 5;

/**
 * The dashboard's lead-time view: where the weeks go, beside where the money goes. The lead
 * time and PCE per scenario, the longest waits, the cost of rework by lane, the steps still
 * without times and any loop back for rework (left out of the lead time, and said so).
 */
export function LeadTimeView({ view, showing }: { view: CostView; showing: string }) {
  const elements = useBoard((s) => s.elements);
  const scenarios = useBoard((s) => s.scenarios);
  const { shownTime: shown, asIsTime: asIs, scenario } = view;
  // The cost of rework is money: the shown rollup carries it.
  const rework = view.shown.rework;
  const title = (id: string) => (elements[id] as { title?: string } | undefined)?.title || 'Untitled step';
  const waits = longestWaits([...shown.steps.values()], LISTED);
  const { missing, cycles } = shown.lead;
  const perPeriod = view.periodLabel.slice(1) === 'yr' ? 'per year' : 'per month';
  // Where waits or process times are ranges, the simulation's P10–P90 of the shown map's lead time.
  const simulated = useSimulation((s) => s.result);
  const leadBand = simulated ? (scenario ? simulated.scenarios.get(scenario.id)?.leadMinutes : simulated.asIsLeadMinutes) : null;
  const leadSpread = leadBand && view.duration(leadBand.p10) !== view.duration(leadBand.p90) ? `${view.duration(leadBand.p10)} – ${view.duration(leadBand.p90)}` : null;

  if (!hasTimes(asIs) && rework.total === 0n) {
    return (
      <section className="chart lead-time-view" aria-label="Lead time">
        <h3>Lead time</h3>
        <p className="empty">No times yet: give a step its wait and process time in its details (I).</p>
      </section>
    );
  }
  return (
    <section className="chart lead-time-view" aria-label={`Lead time — ${showing}`}>
      <h3>Lead time — {showing}</h3>
      <div className="kpis">
        <div className="kpi">
          <span>Lead time</span>
          <strong data-testid="dashboard-lead-time">{view.duration(shown.lead.leadMinutes)}</strong>
          {leadSpread && (
            <small data-testid="dashboard-lead-time-band" title="P10–P90 of the simulation: 8 in 10 outcomes fall in this range">
              {leadSpread}
            </small>
          )}
          <small>{scenario ? `as-is ${view.duration(asIs.lead.leadMinutes)}` : missing.length ? 'at least' : 'first step to last'}</small>
        </div>
        <div className="kpi">
          <span>PCE</span>
          <strong data-testid="dashboard-pce">{pceText(shown.lead.pce, view.locale)}</strong>
          <small>value-adding ÷ lead time</small>
        </div>
        <div className="kpi">
          <span>Cost of rework</span>
          <strong data-testid="dashboard-rework">{view.money(rework.total)}</strong>
          <small>{perPeriod}</small>
        </div>
      </div>
      <table className="scenarios-table" aria-label="Lead time per scenario">
        <thead>
          <tr>
            <th>Scenario</th>
            <th>Lead time</th>
            <th>PCE</th>
            <th>Rework</th>
          </tr>
        </thead>
        <tbody>
          <TimeRow view={view} name="As-is" time={asIs} rework={view.asIs.rework.total} current={!scenario} />
          {scenarios.map((s) => (
            <ScenarioTimeRow key={s.id} view={view} scenario={s} />
          ))}
        </tbody>
      </table>
      {cycles.length > 0 && (
        <p className="loops" data-testid="dashboard-loops">
          {cycles.map((c) => `Loop back for rework: ${[...c, c[0]].map(title).join(' → ')}`).join('; ')} — left out of the lead time; its cost comes from first time right.
        </p>
      )}
      <h4>Longest waits</h4>
      {waits.length === 0 ? (
        <p className="empty">No waits given.</p>
      ) : (
        <ol aria-label="Longest waits">
          {waits.map((w) => (
            <li key={w.id}>
              <span className="title">{title(w.id)}</span>
              <strong>{view.duration(w.waitMinutes)}</strong>
            </li>
          ))}
        </ol>
      )}
      <Bars
        title={`Cost of rework by lane — ${showing}`}
        bars={bandBars('lane', rework.byLane, elements).filter((b) => b.value > 0n)}
        view={view}
        empty="No rework cost: no step has first time right with a cost."
      />
      {missing.length > 0 && (
        <>
          <h4 data-testid="dashboard-time-missing">{stepsWithoutTimes(missing.length)} — not counted as zero</h4>
          <ul aria-label="Steps without times">
            {missing.slice(0, LISTED).map((id) => (
              <li key={id}>
                <span className="title">{title(id)}</span>
              </li>
            ))}
            {missing.length > LISTED && <li>and {missing.length - LISTED} more</li>}
          </ul>
        </>
      )}
    </section>
  );
}

function TimeRow({ view, name, time, rework, current }: { view: CostView; name: string; time: BoardTime; rework: bigint; current: boolean }) {
  return (
    <tr aria-current={current ? 'true' : undefined}>
      <td>{name}</td>
      <td data-testid={`lead-time-${name}`}>{view.duration(time.lead.leadMinutes)}</td>
      <td>{pceText(time.lead.pce, view.locale)}</td>
      <td>{view.compact(rework)}</td>
    </tr>
  );
}

/** A scenario not shown in the header is computed here, only while the dashboard is open (as its money row is). */
function ScenarioTimeRow({ view, scenario }: { view: CostView; scenario: Scenario }) {
  const elements = useBoard((s) => s.elements);
  const shownHere = view.scenario?.id === scenario.id;
  const time = useMemo(() => (shownHere ? view.shownTime : boardTime(Object.values(elements), scenario)), [shownHere, view.shownTime, elements, scenario]);
  const rework = useMemo(() => (shownHere ? view.shown : rollup(view.steps, scenario)).rework.total, [shownHere, view.shown, view.steps, scenario]);
  return <TimeRow view={view} name={scenario.name} time={time} rework={rework} current={shownHere} />;
}
