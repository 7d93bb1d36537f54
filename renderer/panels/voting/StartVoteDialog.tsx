import { useDialog } from '../../ui/useDialog';
import { useMemo, useState } from 'react';
import { MAX_VOTES_PER_PERSON } from '../../../shared/model/vote';
import { currentView } from '../../state/boardView';
import { useUi } from '../../state/uiStore';
import { voteAction } from '../../state/votingStore';
import { voteScopes } from '../../state/voteScopes';

/** The facilitator starts a round: on what (board, frame, lane, selection), which cards, how many dots each. */
export function StartVoteDialog({ onClose }: { onClose(): void }) {
  const scopes = useMemo(() => voteScopes(currentView(), useUi.getState().selection), []);
  const [scopeKey, setScopeKey] = useState(scopes[0].key);
  const [withNotes, setWithNotes] = useState(false);
  const [perPerson, setPerPerson] = useState(3);
  const scope = scopes.find((s) => s.key === scopeKey) ?? scopes[0];
  const candidates = scope.cards.filter((c) => withNotes || c.kind === 'step');
  const [title, setTitle] = useState('');
  const shownTitle = title || `What to fix first — ${scope.label.replace(/^The /, '')}`;
  const [busy, setBusy] = useState(false);
  const dialog = useDialog(onClose);
  const start = async () => {
    setBusy(true);
    const ok = await voteAction({ action: 'start', title: shownTitle.slice(0, 200), perPerson, elementIds: candidates.map((c) => c.id) });
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <div className="export-dialog vote-dialog" {...dialog} aria-label="Start a vote">
      <h2>Dot voting</h2>
      <label>
        Vote on
        <select value={scopeKey} onChange={(e) => setScopeKey(e.target.value)} aria-label="Vote on">
          {scopes.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={withNotes} onChange={(e) => setWithNotes(e.target.checked)} /> Sticky notes too (not only steps)
      </label>
      <label>
        Dots per person
        <input
          type="number"
          min={1}
          max={MAX_VOTES_PER_PERSON}
          value={perPerson}
          aria-label="Dots per person"
          onChange={(e) => setPerPerson(Math.max(1, Math.min(MAX_VOTES_PER_PERSON, Math.round(Number(e.target.value) || 1))))}
        />
      </label>
      <label>
        Question
        <input type="text" maxLength={200} placeholder={shownTitle} value={title} aria-label="Question" onChange={(e) => setTitle(e.target.value)} />
      </label>
      <p className="small">{candidates.length === 0 ? 'No cards to vote on here.' : `${candidates.length} cards take votes. Votes stay hidden until you reveal them.`}</p>
      <div className="actions">
        <button type="button" className="text-button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy || candidates.length === 0} onClick={start}>
          Start voting
        </button>
      </div>
    </div>
  );
}
