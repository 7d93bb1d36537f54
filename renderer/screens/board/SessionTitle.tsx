import { memo, useRef, useState, type Ref } from 'react';
import { sessionTitleSchema } from '../../../shared/session';
import { dispatch } from '../../commands/dispatch';
import { showToast } from '../../state/uiStore';
import { UserText } from '../../ui/UserText';

/**
 * The session's title in the header. It shortens with an ellipsis and shows in full on hover.
 * The facilitator clicks it to rename the session in place: Enter, Tab or a click elsewhere
 * keeps the edit, Escape leaves the old title. `textRef` is the element that holds the text,
 * which the header measures to know whether the title still has room (useHeaderFit).
 */
export const SessionTitle = memo(function SessionTitle({ title, canRename, textRef }: { title: string; canRename: boolean; textRef: Ref<HTMLElement> }) {
  const [draft, setDraft] = useState<string | null>(null);
  // Enter and Escape end the edit themselves; the blur that follows must not end it again.
  const ended = useRef(false);
  if (draft === null)
    return (
      <h1 title={title} ref={canRename ? undefined : (textRef as Ref<HTMLHeadingElement>)}>
        {canRename ? (
          <button
            type="button"
            className="session-title"
            ref={textRef as Ref<HTMLButtonElement>}
            aria-label={`Session title: ${title}. Rename`}
            onClick={() => {
              ended.current = false;
              setDraft(title);
            }}
          >
            <UserText>{title}</UserText>
          </button>
        ) : (
          <UserText>{title}</UserText>
        )}
      </h1>
    );
  const end = (keep: boolean) => {
    if (ended.current) return;
    ended.current = true;
    setDraft(null);
    if (!keep) return;
    const parsed = sessionTitleSchema.safeParse(draft);
    if (!parsed.success) return showToast(`The session keeps its title: ${parsed.error.issues[0].message}`);
    if (parsed.data !== title) dispatch('renameSession', { title: parsed.data });
  };
  return (
    <h1 title={title}>
      <input
        className="session-title-input"
        ref={textRef as Ref<HTMLInputElement>}
        aria-label="Session title"
        autoFocus
        onFocus={(e) => e.target.select()}
        maxLength={200}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => end(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') end(true);
          else if (e.key === 'Escape') end(false);
        }}
      />
    </h1>
  );
});
