import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncUrl } from '../../shared/session';
import { bindDispatch } from '../operations/dispatch';
import { useUi } from '../ui/uiStore';
import { bindBoard } from './bindBoard';
import { bindFollow } from './follow';
import { bindPresence, shareSelection } from './presence';

export interface LiveSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/**
 * Join a session on the host that served this page, with the stock y-websocket provider.
 * While the connection is down the doc keeps every local edit; the provider reconnects
 * and the sync handshake merges both ways.
 */
export function connectSession(sessionId: string, token: string, name: string, base = window.location.origin): LiveSession {
  const doc = new Y.Doc();
  const unbindBoard = bindBoard(doc);
  const unbindDispatch = bindDispatch(doc);
  const provider = new WebsocketProvider(syncUrl(base), sessionId, doc, { params: { token } });
  provider.on('status', ({ status }: { status: string }) =>
    useUi.setState({ connection: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline' }),
  );
  provider.on('sync', (synced: boolean) => useUi.setState({ synced }));
  provider.on('connection-close', () => useUi.setState({ connection: 'offline' }));
  const unbindPresence = bindPresence(provider.awareness, name);
  const unbindFollow = bindFollow(doc, () => provider.awareness.clientID);
  const unshareSelection = useUi.subscribe((s, prev) => {
    if (s.selection !== prev.selection) shareSelection(s.selection);
  });
  return {
    doc,
    provider,
    destroy() {
      unshareSelection();
      unbindFollow();
      unbindPresence();
      provider.destroy();
      unbindDispatch();
      unbindBoard();
      doc.destroy();
    },
  };
}
