import { openSheet } from '../state/phoneLayout';
import { usePresence } from '../state/presence';
import { useUi } from '../state/uiStore';
import { BottomSheet } from './BottomSheet';

/** "Follow" on a phone with nobody presenting: whom to follow, one large row per person here. */
export function FollowSheet() {
  const peers = usePresence((s) => s.peers);
  const list = Object.entries(peers);
  const follow = (id: number) => {
    openSheet(null);
    useUi.setState({ following: id });
  };
  return (
    <BottomSheet label="Follow whom" onClose={() => openSheet(null)}>
      {list.length === 0 ? (
        <p className="sheet-note">Nobody else is here yet.</p>
      ) : (
        <div className="sheet-rows">
          {list.map(([id, p]) => (
            <button key={id} type="button" className="sheet-row" onClick={() => follow(Number(id))}>
              <span className="row-icon avatar-dot" style={{ background: p.user.color }} />
              Follow {p.user.name}
            </button>
          ))}
        </div>
      )}
      <p className="sheet-note">Your view goes where theirs goes, until you move it yourself.</p>
    </BottomSheet>
  );
}
