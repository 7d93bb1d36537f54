import { activeRound, lastRevealed, rankedTally } from '../../../shared/model/vote';
import { useBoard } from '../../state/boardStore';
import { useCostView } from '../../state/costView';
import { keepTyping, showPanel } from '../../state/typing';
import { plural } from '../../ui/plural';
import { UserText } from '../../ui/UserText';

/** The revealed round as a ranked list, beside the money each card has at stake per period. */
export function VoteRanking({ limit }: { limit?: number }) {
  const round = useBoard((s) => lastRevealed(s.rounds));
  const elements = useBoard((s) => s.elements);
  const cost = useCostView();
  if (!round) return <p className="empty">No vote has been revealed yet.</p>;
  const rows = rankedTally(round).slice(0, limit);
  return (
    <table className="scenarios-table vote-ranking" aria-label={`Ranking: ${round.title}`}>
      <thead>
        <tr>
          <th>#</th>
          <th>Card</th>
          <th>Dots</th>
          <th>At stake{cost.periodLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const e = elements[r.elementId];
          const name = !e ? '(deleted)' : e.kind === 'step' ? e.title || '(untitled step)' : e.kind === 'note' ? e.text.split('\n')[0] || '(empty note)' : '';
          const money = cost.asIs.stepCosts.get(r.elementId);
          return (
            <tr key={r.elementId}>
              <td>{i + 1}</td>
              <td>{name.length > 40 ? `${name.slice(0, 39)}…` : name}</td>
              <td>{r.votes}</td>
              <td>{money === undefined ? (e?.kind === 'step' ? 'missing' : '—') : cost.compact(money)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Side panel with the ranking of the last revealed round. */
export function VoteResults() {
  const round = useBoard((s) => activeRound(s.rounds) ?? lastRevealed(s.rounds));
  return (
    <aside className="side-panel vote-results" aria-label="Vote results">
      <header>
        <h2>Votes vs money at stake</h2>
        <button type="button" className="close" aria-label="Close results" title="Close results" onMouseDown={keepTyping} onClick={() => showPanel(null)}>
          ×
        </button>
      </header>
      {round && (
        <p className="small">
          <UserText>{round.title}</UserText> — {plural(round.placed, 'dot', 'dots')} from {plural(round.voters, 'person', 'people')}
        </p>
      )}
      <VoteRanking />
    </aside>
  );
}
