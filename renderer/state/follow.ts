import { useUi } from './uiStore';
import { shareView, usePresence } from './presence';
import { useBoard } from './boardStore';

/**
 * Following: this window's camera frames what the followed person sees, and shares its own
 * view for others. A manual pan or zoom breaks away (gestures set following to null). The
 * facilitator's "Bring everyone here" writes a summons into the doc's facilitation map; every
 * other window starts following them when a new one arrives. "Present" (facilitation.presenter)
 * makes viewers and followers follow the presenter for as long as it lasts.
 */
export function bindFollow(self: () => number | null): () => void {
  const applyFollowed = () => {
    const { following, canvasSize } = useUi.getState();
    if (following === null || canvasSize.width === 0) return;
    const peer = usePresence.getState().peers[following];
    // Not here (yet): a presentation can arrive before the presenter's presence does.
    if (!peer) return;
    if (!peer.view) return;
    const scale = Math.min(4, Math.max(0.05, canvasSize.width / peer.view.w));
    useUi.setState({ viewport: { scale, x: canvasSize.width / 2 - peer.view.cx * scale, y: canvasSize.height / 2 - peer.view.cy * scale } });
  };
  const offPresence = usePresence.subscribe(applyFollowed);
  const offUi = useUi.subscribe((s, prev) => {
    if (s.following !== prev.following) applyFollowed();
    if (s.viewport !== prev.viewport || s.canvasSize !== prev.canvasSize) {
      const { viewport: v, canvasSize: c } = s;
      const presenting = useBoard.getState().presenter === self();
      if (c.width > 0) shareView((c.width / 2 - v.x) / v.scale, (c.height / 2 - v.y) / v.scale, c.width / v.scale, presenting);
    }
  });
  // A summons already made when this window arrived is history: only a new one is followed.
  let lastSummon = useBoard.getState().summon?.at;
  const offBoard = useBoard.subscribe((s, prev) => {
    if (s.summon && s.summon.at !== lastSummon) {
      lastSummon = s.summon.at;
      if (s.summon.client !== self()) useUi.setState({ following: s.summon.client });
    }
    // Present: viewers, and anyone following someone, follow the presenter until it stops.
    if (s.presenter === prev.presenter) return;
    const { role, following } = useUi.getState();
    if (s.presenter !== null && s.presenter !== self() && (role === 'viewer' || following !== null)) useUi.setState({ following: s.presenter });
    else if (s.presenter === null && prev.presenter !== null && following === prev.presenter) useUi.setState({ following: null });
  });
  return () => {
    offPresence();
    offUi();
    offBoard();
  };
}
