import { useMemo } from 'react';
import { guessShare, savingGuessShare, swingList, type Swing } from '../../shared/model/evidence';
import { formatCompact } from '../../shared/model/money';
import type { RangedField } from '../../shared/model/range';
import type { CostView } from '../state/costView';

/** The figure's name as the details panel labels it. */
const figureName: Record<RangedField, string> = {
  volume: 'volume',
  unitCents: 'unit cost',
  minutes: 'minutes',
  rateCents: 'hourly rate',
  fixedCents: 'fixed cost',
  waitMinutes: 'wait',
  processMinutes: 'process time',
};

/** How many figures the swing list names: the few worth going to measure. */
const LISTED = 5;

/**
 * The dashboard's evidence view: how much of the money rests on guesses (by money: a step's
 * cost counts as guessed when any of its cost figures is a guess), and the swing list — the
 * ranged figures that move the total (with a scenario, its saving) most between their low and
 * their high, every other figure at its likely value: what to go and measure after the workshop.
 * A figure that moves nothing (a volume at no cost) is left out.
 * The sums are shared/model/evidence.ts.
 */
export function EvidenceView({ view, showing }: { view: CostView; showing: string }) {
  const { steps, scenario, locale, currency } = view;
  const s = scenario ?? undefined;
  const { share, savingShare, swings } = useMemo(
    () => ({ share: guessShare(steps, s), savingShare: s ? savingGuessShare(steps, s) : null, swings: swingList(steps, s, LISTED).filter((w) => w.swing > 0n) }),
    [steps, s],
  );
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const said = steps.some((st) => ['volume', 'unitCents', 'minutes', 'rateCents', 'fixedCents'].some((f) => (st as unknown as Record<string, unknown>)[`${f}Evidence`] !== null));
  const figure = (w: Swing) => {
    const { low, high } = w.range;
    if (w.field === 'volume') return `${new Intl.NumberFormat(locale).format(low)}–${new Intl.NumberFormat(locale).format(high)}`;
    if (w.field === 'minutes') return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(low)}–${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(high)} min`;
    return view.compactRange(BigInt(low), BigInt(high));
  };
  const compact = (v: bigint) => formatCompact(v, currency, locale);
  const moves = (w: Swing) => {
    const [a, b] = w.saving ? [w.saving.atLow, w.saving.atHigh] : [w.total.atLow, w.total.atHigh];
    return `moves the ${w.saving ? 'saving' : 'total'} by ${compact(w.swing)}: ${compact(a)} to ${compact(b)}`;
  };
  return (
    <section className="chart evidence-view" aria-label={`Evidence — ${showing}`}>
      <h3>Evidence — {showing}</h3>
      <div className="kpis">
        <div className="kpi">
          <span>Rests on guesses</span>
          <strong data-testid="evidence-guess-share">{percent.format(share)}</strong>
          <small>of the total</small>
        </div>
        {scenario && (
          <div className="kpi">
            <span>Saving on guesses</span>
            <strong data-testid="evidence-saving-guess-share">{savingShare === null ? '—' : percent.format(savingShare)}</strong>
            <small>{savingShare === null ? 'it saves nothing' : 'of the saving'}</small>
          </div>
        )}
      </div>
      {!said && <p className="empty">No figure says where it comes from yet: mark each as a guess, an estimate or measured in the step’s details (I).</p>}
      <h4>Go and measure these</h4>
      {swings.length === 0 ? (
        <p className="empty">No figure is a range yet: type one as low–high (“80,000–120,000”) in the step’s details.</p>
      ) : (
        <ol className="swing-list" data-testid="swing-list">
          {swings.map((w) => (
            <li key={`${w.stepId}/${w.field}/${w.inScenario}`}>
              <span>
                <strong>{w.title || 'Untitled step'}</strong> — {figureName[w.field]}
                {w.inScenario ? ' (to-be)' : ''} {figure(w)}
              </span>
              <small>{moves(w)}</small>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
