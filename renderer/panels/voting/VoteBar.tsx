import { useUi } from '../../state/uiStore';
import { useActiveRound, useMyVotes, voteAction } from '../../state/votingStore';
import { may } from '../../../shared/permissions';

/** Under the header while a round is on: what is voted on, how far it got, and the facilitator's controls. */
export function VoteBar() {
  const round = useActiveRound();
  const role = useUi((s) => s.role);
  const mine = useMyVotes((s) => s.dots.length);
  const facilitator = may(role, 'runVote');
  if (!round) return null;
  const open = round.status === 'open';
  return (
    <div className={`vote-bar ${round.status}`} role="status" aria-label="Voting" data-testid="vote-bar">
      <strong>{open ? 'Voting' : 'Results'}:</strong> <span className="vote-title">{round.title}</span>
      <span className="vote-progress">
        {round.placed} dots from {round.voters} {round.voters === 1 ? 'person' : 'people'}
      </span>
      {open && may(role, 'placeDots') && (
        <span className="vote-mine" data-testid="dots-left">
          {round.perPerson - mine} of {round.perPerson} dots left — click a marked card; Shift+click takes one back
        </span>
      )}
      {!open && (
        <button type="button" className="text-button" onClick={() => useUi.setState({ panel: 'votes' })}>
          Ranking
        </button>
      )}
      {facilitator && open && (
        <button type="button" className="primary" onClick={() => void voteAction({ action: 'reveal', roundId: round.id })}>
          Reveal votes
        </button>
      )}
      {facilitator && (
        <button
          type="button"
          className="text-button"
          onClick={() => (!open || window.confirm('Cancel this vote? The dots placed so far are not counted.')) && void voteAction({ action: 'close', roundId: round.id })}
        >
          {open ? 'Cancel vote' : 'Done'}
        </button>
      )}
    </div>
  );
}
