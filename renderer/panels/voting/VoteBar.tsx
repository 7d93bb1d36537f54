import { useUi } from '../../state/uiStore';
import { useActiveRound, useMyVotes, voteAction } from '../../state/votingStore';
import { may } from '../../../shared/permissions';
import { openSheet, usePhone } from '../../state/phoneLayout';
import { showPanel } from '../../state/typing';
import { UserText } from '../../ui/UserText';
import { plural } from '../../ui/plural';

/**
 * Under the header while a round is on: what is voted on, how far it got, and the facilitator's
 * controls. On a phone it is one line (what is voted on, the dots left); the whole of it is in
 * the vote sheet (`inSheet`) that the bottom bar's Vote opens.
 */
export function VoteBar({ inSheet = false }: { inSheet?: boolean }) {
  const round = useActiveRound();
  const phone = usePhone();
  const line = phone && !inSheet;
  const role = useUi((s) => s.role);
  const mine = useMyVotes((s) => s.dots.length);
  const facilitator = may(role, 'runVote');
  if (!round) return null;
  const open = round.status === 'open';
  return (
    <div className={`vote-bar ${round.status} ${line ? 'one-line' : ''} ${inSheet ? 'in-sheet' : ''}`} role="status" aria-label="Voting" data-testid={inSheet ? undefined : 'vote-bar'}>
      <strong>{open ? 'Voting' : 'Results'}:</strong>{' '}
      <span className="vote-title">
        <UserText>{round.title}</UserText>
      </span>
      {!line && (
        <span className="vote-progress">
          {plural(round.placed, 'dot', 'dots')} from {plural(round.voters, 'person', 'people')}
        </span>
      )}
      {open && may(role, 'placeDots') && (
        <span className="vote-mine" data-testid={inSheet ? undefined : 'dots-left'}>
          {round.perPerson - mine} of {plural(round.perPerson, 'dot', 'dots')} left
          {line ? '' : phone ? ' — tap a marked card; take one back here' : ' — click a marked card or press O; Shift+click or Shift+O takes one back'}
        </span>
      )}
      {line
        ? null
        : !open && (
            <button type="button" className="text-button" onClick={() => (openSheet(null), showPanel('votes'))}>
              Ranking
            </button>
          )}
      {!line && facilitator && open && (
        <button type="button" className="primary" onClick={() => void voteAction({ action: 'reveal', roundId: round.id })}>
          Reveal votes
        </button>
      )}
      {!line && facilitator && (
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
