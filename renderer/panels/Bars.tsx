import type { BoardElement } from '../../shared/model/board';
import type { CostView } from '../state/costView';

interface Bar {
  label: string;
  value: bigint;
  colour?: string;
}

/** Horizontal bars drawn as SVG: labels left, amounts right, lengths exact to the largest bar. */
export function Bars({ title, bars, view, empty = 'No costs yet.' }: { title: string; bars: Bar[]; view: CostView; empty?: string }) {
  const max = bars.reduce((m, b) => (b.value > m ? b.value : m), 0n);
  const row = 30;
  return (
    <section className="chart" aria-label={title}>
      <h3>{title}</h3>
      {bars.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <svg viewBox={`0 0 360 ${bars.length * row}`} width="100%" role="img" aria-label={bars.map((b) => `${b.label}: ${view.money(b.value)}`).join('; ')}>
          {bars.map((b, i) => {
            const w = max > 0n ? Number((b.value * 1000n) / max) / 1000 : 0;
            return (
              <g key={`${b.label}-${i}`} transform={`translate(0 ${i * row})`}>
                <text x="0" y="19" className="bar-label">
                  {b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label}
                </text>
                <rect x="130" y="5" width={Math.max(w * 150, b.value > 0n ? 2 : 0)} height="18" rx="3" fill={b.colour ?? '#8b5a2b'} />
                <text x="356" y="19" textAnchor="end" className="bar-value">
                  {view.compact(b.value)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </section>
  );
}

export function bandBars(kind: 'lane' | 'stage', sums: Map<string, bigint>, elements: Record<string, BoardElement>): Bar[] {
  const bars: Bar[] = Object.values(elements)
    .filter((e) => e.kind === kind)
    .sort((a, b) => ((a as { order: string }).order < (b as { order: string }).order ? -1 : 1))
    .map((e) => ({
      label: (e as { name: string }).name || `(${kind})`,
      value: sums.get(e.id) ?? 0n,
    }));
  if (sums.has('')) bars.push({ label: `(no ${kind})`, value: sums.get('')! });
  return bars;
}
