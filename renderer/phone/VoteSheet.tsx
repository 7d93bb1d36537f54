import { VoteBar } from '../panels/voting/VoteBar';
import { useBoard } from '../state/boardStore';
import { openSheet } from '../state/phoneLayout';
import { castVote, useActiveRound, useMyVotes } from '../state/votingStore';
import { BottomSheet } from './BottomSheet';

/**
 * "Vote" on a phone: the vote bar with room to breathe (what is voted on, how far it got, the
 * dots left, the ranking, the facilitator's buttons), and this person's dots, each to take back
 * — a phone has no Shift+click.
 */
export function VoteSheet() {
  const round = useActiveRound();
  const dots = useMyVotes((s) => s.dots);
  const elements = useBoard((s) => s.elements);
  const mine = [...new Set(dots)].map((id) => ({ id, count: dots.filter((d) => d === id).length, e: elements[id] }));
  return (
    <BottomSheet label="Vote" onClose={() => openSheet(null)}>
      <VoteBar inSheet />
      {round?.status === 'open' && mine.length > 0 && (
        <div className="sheet-rows my-dots" role="group" aria-label="Your dots">
          {mine.map(({ id, count, e }) => {
            const name = !e ? '(deleted)' : e.kind === 'step' ? e.title || '(untitled step)' : e.kind === 'note' ? e.text.split('\n')[0] || '(empty note)' : '';
            return (
              <button key={id} type="button" className="sheet-row" aria-label={`Take back a dot from ${name}`} onClick={() => castVote(id, true)}>
                <span className="row-icon">{'●'.repeat(count)}</span>
                <span className="row-text">{name}</span>
                <span className="row-action">Take back</span>
              </button>
            );
          })}
        </div>
      )}
    </BottomSheet>
  );
}
