import { callApi } from '../../api/client';
import { memo, useState } from 'react';
import { useUi } from '../../state/uiStore';
import { usePresence } from '../../state/presence';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** Ask the host to remove someone: their token is revoked and their connection closed. */
async function removePerson(sessionId: string, token: string, clientId: number, name: string) {
  if (!window.confirm(`Remove ${name} from this session? Their link stops working.`)) return;
  await callApi('removePerson', { sessionId, token, body: { clientId } }).catch(() => {
    // gone already: nobody to remove
  });
}

/**
 * Who is here: one coloured circle with initials per person. Clicking one offers to follow
 * them (your view tracks theirs until you move it yourself) and, to the facilitator, to remove them.
 */
export const PeopleList = memo(function PeopleList({ sessionId, token }: { sessionId: string; token: string | null }) {
  const peers = usePresence((s) => s.peers);
  const following = useUi((s) => s.following);
  const [open, setOpen] = useState<number | null>(null);
  const [all, setAll] = useState(false);
  const list = Object.entries(peers);
  const followed = following !== null ? peers[following] : undefined;
  return (
    <div className="people" role="list" aria-label={`${list.length + 1} here`} title={`${list.length + 1} here`}>
      {followed && (
        <span className="following" data-testid="following">
          Following {followed.user.name}
          <button type="button" className="text-button" onClick={() => useUi.setState({ following: null })}>
            Stop
          </button>
        </span>
      )}
      {(all ? list : list.slice(0, 8)).map(([id, p]) => (
        <span key={id} role="listitem" aria-label={p.user.name} className="person">
          <button
            type="button"
            className="avatar"
            style={{ background: p.user.color }}
            title={p.user.name}
            aria-label={`${p.user.name}: options`}
            onClick={() => setOpen(open === Number(id) ? null : Number(id))}
          >
            {initials(p.user.name)}
          </button>
          {open === Number(id) && (
            <span className="person-menu" role="menu">
              <button type="button" role="menuitem" onClick={() => (useUi.setState({ following: following === Number(id) ? null : Number(id) }), setOpen(null))}>
                {following === Number(id) ? 'Stop following' : `Follow ${p.user.name}`}
              </button>
              {token && (
                <button type="button" role="menuitem" onClick={() => (setOpen(null), void removePerson(sessionId, token, Number(id), p.user.name))}>
                  Remove from session
                </button>
              )}
            </span>
          )}
        </span>
      ))}
      {list.length > 8 && (
        <button type="button" className="avatar more" aria-label={all ? 'Show fewer people' : `Show all ${list.length} people`} onClick={() => setAll(!all)}>
          {all ? '−' : `+${list.length - 8}`}
        </button>
      )}
    </div>
  );
});
