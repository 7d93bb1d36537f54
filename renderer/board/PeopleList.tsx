import { usePresence } from './presence';

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
  await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/kick`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ clientId }) });
}

/** Who is here: one coloured circle with initials per person. The facilitator can remove someone by clicking theirs. */
export function PeopleList({ sessionId, token }: { sessionId: string; token: string | null }) {
  const peers = usePresence((s) => s.peers);
  const list = Object.entries(peers);
  return (
    <div className="people" role="list" aria-label={`${list.length + 1} here`} title={`${list.length + 1} here`}>
      {list.slice(0, 8).map(([id, p]) => (
        <span key={id} role="listitem" className="avatar" style={{ background: p.user.color }} title={token ? `${p.user.name} — click to remove from the session` : p.user.name} aria-label={p.user.name} onClick={token ? () => void removePerson(sessionId, token, Number(id), p.user.name) : undefined}>
          {initials(p.user.name)}
        </span>
      ))}
      {list.length > 8 && <span className="avatar more">+{list.length - 8}</span>}
    </div>
  );
}
