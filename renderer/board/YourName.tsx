import { useState } from 'react';
import { savedName, saveName, setPresenceName } from './presence';

/** How this person appears to the others; click to change it. */
export function YourName() {
  const [name, setName] = useState(() => savedName() ?? '');
  const [editing, setEditing] = useState(false);
  if (!editing)
    return (
      <button type="button" className="your-name" title="Your name, as others see it — click to change" aria-label={`Your name: ${name}. Change`} onClick={() => setEditing(true)}>
        {name}
      </button>
    );
  const done = () => {
    const n = name.trim().slice(0, 60) || 'Guest';
    setName(n);
    saveName(n);
    setPresenceName(n);
    setEditing(false);
  };
  return <input className="your-name" aria-label="Your name" autoFocus maxLength={60} value={name} onChange={(e) => setName(e.target.value)} onBlur={done} onKeyDown={(e) => e.key === 'Enter' && done()} />;
}
