import { VoteBar } from '../panels/voting/VoteBar';
import { openSheet } from '../state/phoneLayout';
import { BottomSheet } from './BottomSheet';

/** "Vote" on a phone: the vote bar with room to breathe (what is voted on, how far it got, the dots left, the ranking, the facilitator's buttons). */
export function VoteSheet() {
  return (
    <BottomSheet label="Vote" onClose={() => openSheet(null)}>
      <VoteBar inSheet />
    </BottomSheet>
  );
}
