import { may } from '../../../shared/permissions';
import { privateRoundAction, useMyPrivateCards, usePrivateRound } from '../../state/privateCards';
import { useUi } from '../../state/uiStore';
import './privateRound.css';

const cards = (n: number) => `${n} ${n === 1 ? 'card' : 'cards'}`;
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/**
 * Under the header while a private round is on: where, how many cards are written so far (counts
 * only: the host keeps the cards), one's own count, and the facilitator's reveal and cancel.
 */
export function PrivateRoundBar() {
  const round = usePrivateRound();
  const role = useUi((s) => s.role);
  const mine = useMyPrivateCards((s) => s.cards.length);
  if (!round) return null;
  const facilitator = may(role, 'runPrivateRound');
  const writes = may(role, 'writePrivate');
  return (
    <div className="private-bar" role="status" aria-label="Private round" data-testid="private-bar">
      <strong>Private round</strong>
      <span className="private-where">in {round.areaName}</span>
      <span className="private-count" data-testid="private-count">
        {cards(round.written)} from {people(round.writers)} so far
      </span>
      {writes && (
        <span className="private-mine">
          {mine > 0 ? `${cards(mine)} of yours — ` : ''}
          {round.othersSee === 'placeholders' ? 'others’ show as blank cards;' : 'others’ stay hidden;'} yours show only to you until the reveal
        </span>
      )}
      {facilitator && (
        <span className="private-actions">
          <button type="button" className="primary" onClick={() => void privateRoundAction({ action: 'reveal', roundId: round.id, anonymous: true })}>
            Reveal anonymously
          </button>
          <button type="button" className="text-button" onClick={() => void privateRoundAction({ action: 'reveal', roundId: round.id, anonymous: false })}>
            Reveal with names
          </button>
          <button
            type="button"
            className="text-button"
            onClick={() => window.confirm('Cancel the private round? The cards written in it are thrown away, unseen.') && void privateRoundAction({ action: 'cancel', roundId: round.id })}
          >
            Cancel round
          </button>
        </span>
      )}
    </div>
  );
}
