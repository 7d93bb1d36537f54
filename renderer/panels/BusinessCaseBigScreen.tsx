import { useBusinessCases } from '../state/businessCaseView';
import { useCostView } from '../state/costView';
import { useUi } from '../state/uiStore';
import { paybackText } from './businessCaseText';
import './businessCase.css';

/**
 * On the big screen, the business case of the scenario being discussed (the one picked in the
 * header), in figures to read from the back of the room: when it pays back and what it is worth
 * over 3 years, with its price under them. Nothing when no scenario is picked or the dashboard
 * is open (its business case says it, and the panel would cover this card) — and then nothing is
 * computed either: off the big screen an edit costs no business case.
 */
export function BusinessCaseBigScreen() {
  const shown = useUi((s) => (s.bigScreen && s.panel !== 'dashboard' ? s.scenarioId : null));
  return shown ? <BigScreenCase scenarioId={shown} /> : null;
}

function BigScreenCase({ scenarioId }: { scenarioId: string }) {
  const cases = useBusinessCases();
  const view = useCostView();
  const c = cases.find((x) => x.scenario.id === scenarioId);
  if (!c) return null;
  const per = view.periodLabel === '/yr' ? 'a year' : 'a month';
  const price =
    [c.investment !== null && `${view.compact(c.investment)} once`, c.runningPerPeriod !== null && `${view.compact(c.runningPerPeriod)} ${per}`].filter(Boolean).join(' + ') || 'not priced yet';
  const payback = c.figures.paybackMonths;
  return (
    <aside className="big-screen-case" aria-label={`Business case — ${c.scenario.name}`}>
      <p className="big-screen-case-name">{c.scenario.name}</p>
      <div className="big-screen-case-figures">
        <div>
          <span>{payback === null ? 'Payback' : 'Pays back in'}</span>
          <strong data-testid="big-payback" className={payback === null ? 'never' : undefined}>
            {payback === null ? 'never' : paybackText(payback, view.locale)}
          </strong>
        </div>
        <div>
          <span>Net value over 3 years</span>
          <strong data-testid="big-net-value" className={c.figures.netValue3y < 0n ? 'never' : undefined}>
            {view.compact(c.figures.netValue3y)}
          </strong>
        </div>
      </div>
      <p className="big-screen-case-price">
        saves {view.compact(c.savingPerPeriod)} {per} · costs {price}
      </p>
    </aside>
  );
}
