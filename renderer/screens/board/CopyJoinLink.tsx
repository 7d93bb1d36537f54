import { useEffect, useRef, useState } from 'react';
import { callApi } from '../../api/client';

/**
 * The full join link for a role, for people who join from elsewhere (a chat, an e-mail): the
 * role's code exchanged with the host for a token of its own, as the join form does.
 */
async function joinLinkFor(code: string): Promise<string> {
  try {
    return (await callApi('join', { body: { code } })).url;
  } catch (e) {
    throw new Error(`No join link: ${(e as Error).message}`);
  }
}

type State = { kind: 'idle' } | { kind: 'copied' } | { kind: 'by-hand'; url: string } | { kind: 'failed'; message: string };

/**
 * "Copy join link" beside a role's code. When the browser will not write the clipboard (permission
 * denied, or a page served over plain http from another machine), the link is shown selected in a
 * field, to copy by hand.
 */
export function CopyJoinLink({ code, who }: { code: string; who: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const link = useRef<{ code: string; url: string } | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    let url: string;
    try {
      // One link per role while the dialog is open: copying twice gives the same link.
      if (link.current?.code !== code) link.current = { code, url: await joinLinkFor(code) };
      url = link.current.url;
    } catch (e) {
      setState({ kind: 'failed', message: (e as Error).message });
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'by-hand', url });
    }
  };

  useEffect(() => {
    if (state.kind !== 'by-hand') return;
    field.current?.focus();
    field.current?.select();
  }, [state]);

  useEffect(() => {
    if (state.kind !== 'copied') return;
    const t = setTimeout(() => setState({ kind: 'idle' }), 4000);
    return () => clearTimeout(t);
  }, [state]);

  return (
    <span className="copy-link">
      {/* The confirmation takes the button's place for a moment, so nothing around it moves. */}
      <button type="button" className={state.kind === 'copied' ? 'text-button copied' : 'text-button'} aria-label={`Copy join link for ${who}`} onClick={() => void copy()}>
        {state.kind === 'copied' ? '✓ Copied' : 'Copy join link'}
      </button>
      <span className="visually-hidden" role="status">
        {state.kind === 'copied' ? `Join link for ${who} copied` : ''}
      </span>
      {state.kind === 'failed' && (
        <span className="error" role="alert">
          {state.message}
        </span>
      )}
      {state.kind === 'by-hand' && (
        <label className="copy-by-hand">
          <span>This browser does not allow copying here: select the link and press Ctrl+C.</span>
          <input ref={field} readOnly value={state.url} aria-label={`Join link for ${who}`} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </span>
  );
}
