import type { Spread } from '../../../shared/model/estimate';
import { binEdges } from '../../../shared/model/estimateSpread';

/** The room's answers as a small histogram: one bar per bin, its height the answers in it, its range on hover. */
export function EstimateSpread({ spread, show }: { spread: Spread; show(v: number): string }) {
  const most = Math.max(...spread.bins);
  return (
    <div className="estimate-histogram" role="img" aria-label={`How the ${spread.n} answers spread from ${show(spread.min)} to ${show(spread.max)}`} data-testid="estimate-histogram">
      {spread.bins.map((count, i) => {
        const { from, to } = binEdges(spread, i);
        const range = spread.bins.length === 1 ? show(from) : `${show(from)}–${show(to)}`;
        return (
          <div key={i} className="bin" title={`${range}: ${count} ${count === 1 ? 'answer' : 'answers'}`}>
            <span className="count">{count > 0 ? count : ''}</span>
            <span className="bar" style={{ height: `${(count / most) * 100}%` }} />
          </div>
        );
      })}
      <span className="axis from">{show(spread.min)}</span>
      <span className="axis to">{show(spread.max)}</span>
    </div>
  );
}
