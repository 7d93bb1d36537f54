import { boardDefaults } from '../../shared/model/board';
import type { ScenarioPrice } from '../../shared/model/scenario';
import type { PricedField } from '../../shared/model/range';
import type { ScenarioCase } from '../../shared/model/scenarioCase';
import type { CaseBands } from '../../shared/model/caseBands';
import type { Band } from '../../shared/model/simulate';
import { may } from '../../shared/permissions';
import { dispatch } from '../commands/dispatch';
import { useBoard } from '../state/boardStore';
import { useBusinessCases } from '../state/businessCaseView';
import type { CostView } from '../state/costView';
import { useUi } from '../state/uiStore';
import { moneyBandText, monthsFigure, paybackBandText, paybackText, rateFigure, rateText, roiText } from './businessCaseText';
import { useSimulation } from '../state/simulation';
import { NumberField } from './NumberField';
import { FieldLines, refusalOf, useFieldDraft } from './fieldDraft';
import { rangedMoney, type Ranged } from '../../shared/figureText/parseFigures';
import { rangePatch, rangedOf } from '../../shared/figureText/figureValues';
import './businessCase.css';

const setPrice = (id: string, field: keyof ScenarioPrice) => (v: number | string | null) => refusalOf(() => dispatch('setScenarioPrice', { id, patch: { [field]: v } }));
/** An investment or a running cost, one figure or a range ("100k–200k"): the figure and its ends in one operation. */
const setPriceRange = (id: string, field: PricedField) => (v: Ranged | null) => refusalOf(() => dispatch('setScenarioPrice', { id, patch: rangePatch(field, v) }));

/**
 * A scenario's owner or note, edited in place as every panel field is (useFieldDraft): a click
 * elsewhere, Tab or Enter keeps it (one operation), Escape puts the stored text back.
 */
function PriceText({ label, value, disabled, onCommit }: { label: string; value: string; disabled: boolean; onCommit(v: string): string | null }) {
  const { error, left, note, inputProps } = useFieldDraft({ shown: value, store: (text) => (text.trim() === value ? null : onCommit(text.trim())) });
  const id = `field-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className={`field ${error && !left ? 'invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...inputProps} disabled={disabled} maxLength={200} autoComplete="off" aria-invalid={!!error && !left} aria-describedby={error ? `${id}-error` : undefined} />
      <FieldLines id={id} error={error} note={note} />
    </div>
  );
}

/**
 * The dashboard's business case: the scenarios side by side, each with its price (investment,
 * running cost, ramp-up, owner, note — edited in place in the board's number format) and what
 * that buys: the saving, the net saving, the payback, the net value over 3 years and its present
 * value at the board's discount rate (set here), ROI. Exact figures (shared/model/businessCase.ts).
 */
export function BusinessCaseView({ view }: { view: CostView }) {
  const cases = useBusinessCases();
  const meta = useBoard((s) => s.meta);
  const writable = useUi((s) => may(s.role, 'changeBoard'));
  const picked = useUi((s) => s.scenarioId);
  const { locale, currency } = view;
  const discountRate = meta?.discountRate ?? boardDefaults.discountRate;
  const per = view.periodLabel === '/yr' ? 'a year' : 'a month';
  const rate = rateFigure('Discount rate', locale);
  // Where the map holds ranges, each figure's P10–P90 from the simulation, under the likely figures' case.
  const bands = useSimulation((s) => s.cases);
  const spread = (c: ScenarioCase, text: (b: CaseBands) => string | null) => {
    const b = bands[c.scenario.id];
    const t = b ? text(b) : null;
    return t ? (
      <small className="case-band" title="P10–P90 of the simulation: 8 in 10 outcomes fall in this range">
        {t}
      </small>
    ) : null;
  };
  const moneySpread = (pick: (b: CaseBands) => Band) => (b: CaseBands) => (pick(b).p10 === pick(b).p90 ? null : moneyBandText(pick(b), currency, locale));
  return (
    <section className="chart business-case" aria-label="Business case">
      <h3>Business case</h3>
      {cases.length === 0 ? (
        <p className="empty">Make a to-be scenario (+ New to-be scenario, beside the total) to price its change and see when it pays back.</p>
      ) : (
        <>
          <div className="business-case-rate">
            {writable ? (
              <NumberField
                label="Discount rate"
                unit="% a year"
                value={discountRate}
                figure={rate}
                onCommit={(v) => refusalOf(() => v !== null && dispatch('setBoardSettings', { discountRate: v }))}
              />
            ) : (
              <p>discount rate {rateText(discountRate, locale)} a year</p>
            )}
          </div>
          <div className="business-case-scroll">
            <table className="business-case-table">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Figure</span>
                  </th>
                  {cases.map((c) => (
                    <th scope="col" key={c.scenario.id} aria-current={picked === c.scenario.id ? 'true' : undefined}>
                      {c.scenario.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <Row label={`Saves ${per}`} cases={cases} cell={(c) => view.money(c.savingPerPeriod)} />
                <Row
                  label="Investment, one-off"
                  cases={cases}
                  cell={(c) => (
                    <NumberField
                      label={`Investment — ${c.scenario.name}`}
                      value={rangedOf(c.scenario.price, 'investmentCents')}
                      figure={rangedMoney('Investment', locale, currency)}
                      onCommit={setPriceRange(c.scenario.id, 'investmentCents')}
                      disabled={!writable}
                      placeholder="none"
                    />
                  )}
                />
                <Row
                  label={`Running cost ${per}`}
                  cases={cases}
                  cell={(c) => (
                    <NumberField
                      label={`Running cost — ${c.scenario.name}`}
                      value={rangedOf(c.scenario.price, 'runningCents')}
                      figure={rangedMoney('Running cost', locale, currency)}
                      onCommit={setPriceRange(c.scenario.id, 'runningCents')}
                      disabled={!writable}
                      placeholder="none"
                    />
                  )}
                />
                <Row
                  label="Ramp-up, months to the full saving"
                  cases={cases}
                  cell={(c) => (
                    <NumberField
                      label={`Ramp-up — ${c.scenario.name}`}
                      value={c.scenario.price.rampMonths}
                      figure={monthsFigure('Ramp-up', locale)}
                      onCommit={setPrice(c.scenario.id, 'rampMonths')}
                      disabled={!writable}
                      placeholder="at once"
                    />
                  )}
                />
                <Row
                  label={`Net saving ${per}`}
                  cases={cases}
                  cell={(c) => (
                    <>
                      {view.money(c.figures.netSavingPerPeriod)}
                      {spread(
                        c,
                        moneySpread((b) => b.netSavingPerPeriod),
                      )}
                    </>
                  )}
                  testId="net-saving"
                />
                <Row
                  label="Pays back in"
                  cases={cases}
                  cell={(c) => (
                    <>
                      {paybackText(c.figures.paybackMonths, locale)}
                      {spread(c, (b) => (b.paybackMonths.p10 === b.paybackMonths.p90 ? null : paybackBandText(b.paybackMonths, locale)))}
                    </>
                  )}
                  testId="payback"
                  strong
                  loss={(c) => c.figures.paybackMonths === null}
                />
                <Row
                  label="Net value over 3 years"
                  cases={cases}
                  cell={(c) => (
                    <>
                      {view.money(c.figures.netValue3y)}
                      {spread(
                        c,
                        moneySpread((b) => b.netValue3y),
                      )}
                    </>
                  )}
                  testId="net-value"
                  strong
                  loss={(c) => c.figures.netValue3y <= 0n}
                />
                <Row
                  label={`Present value at ${rateText(discountRate, locale)}`}
                  cases={cases}
                  cell={(c) => (
                    <>
                      {view.money(c.figures.presentValue3y)}
                      {spread(
                        c,
                        moneySpread((b) => b.presentValue3y),
                      )}
                    </>
                  )}
                  testId="present-value"
                />
                <Row label="ROI over 3 years" cases={cases} cell={(c) => roiText(c.figures.roi, locale)} testId="roi" />
                <Row
                  label="Owner"
                  cases={cases}
                  cell={(c) => <PriceText label={`Owner — ${c.scenario.name}`} value={c.scenario.price.owner} disabled={!writable} onCommit={(v) => setPrice(c.scenario.id, 'owner')(v)} />}
                />
                <Row
                  label="Note"
                  cases={cases}
                  cell={(c) => <PriceText label={`Note — ${c.scenario.name}`} value={c.scenario.price.note} disabled={!writable} onCommit={(v) => setPrice(c.scenario.id, 'note')(v)} />}
                />
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** One figure across the scenarios. */
function Row({
  label,
  cases,
  cell,
  testId,
  strong,
  loss,
}: {
  label: string;
  cases: ScenarioCase[];
  cell(c: ScenarioCase): React.ReactNode;
  testId?: string;
  strong?: boolean;
  /** the figure reads as a loss for this scenario (never pays back, a negative value): not in green */
  loss?(c: ScenarioCase): boolean;
}) {
  return (
    <tr className={strong ? 'headline' : undefined}>
      <th scope="row">{label}</th>
      {cases.map((c) => (
        <td key={c.scenario.id} className={loss?.(c) ? 'loss' : undefined} data-testid={testId ? `${testId}-${c.scenario.name}` : undefined}>
          {cell(c)}
        </td>
      ))}
    </tr>
  );
}
