import { usePresence } from './presence';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** Who is here: one coloured circle with initials per person, and how many. */
export function PeopleList() {
  const peers = usePresence((s) => s.peers);
  const list = Object.entries(peers);
  return (
    <div className="people" role="list" aria-label={`${list.length + 1} here`} title={`${list.length + 1} here`}>
      {list.slice(0, 8).map(([id, p]) => (
        <span key={id} role="listitem" className="avatar" style={{ background: p.user.color }} title={p.user.name} aria-label={p.user.name}>
          {initials(p.user.name)}
        </span>
      ))}
      {list.length > 8 && <span className="avatar more">+{list.length - 8}</span>}
    </div>
  );
}
