import { memo, useState } from 'react';
import { changeName, useMyName } from '../../state/presence';

/** How this person appears to the others; click to change it. Follows the name prompt's answer live. */
export const YourName = memo(function YourName() {
  const saved = useMyName((s) => s.name);
  const [name, setName] = useState(saved);
  const [editing, setEditing] = useState(false);
  if (!editing)
    return (
      <button type="button" className="your-name" title="Your name, as others see it — click to change" aria-label={`Your name: ${saved}. Change`} onClick={() => (setName(saved), setEditing(true))}>
        {saved}
      </button>
    );
  const done = () => {
    changeName(name);
    setEditing(false);
  };
  return (
    <input className="your-name" aria-label="Your name" autoFocus maxLength={60} value={name} onChange={(e) => setName(e.target.value)} onBlur={done} onKeyDown={(e) => e.key === 'Enter' && done()} />
  );
});
