import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readMeta } from '../../shared/model/board';
import { templateOrigin } from '../../shared/model/origins';
import { initBoard } from '../../shared/operations/initBoard';
import { bindDispatch } from '../commands/dispatch';
import { showToast, useUi } from './uiStore';
import { closeReason, endsTheSession } from './closeReason';
import { bindBoard } from './bindBoard';
import { bindFollow } from './follow';
import { bindRevertNotice } from './revertNotice';
import { bindPresence, shareSelection } from './presence';
import { bindSimulation } from './simulation';

export interface LiveSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** Where to sync: a y-websocket endpoint, the room (a session id on our host), query parameters (the token). */
export interface SyncTarget {
  url: string;
  room: string;
  params: Record<string, string>;
  /** a room with no board yet (another server's fresh room) becomes a blank board with this title */
  initTitle?: string;
}

/**
 * Join a session with the stock y-websocket provider: on the host that served this page, or on
 * any y-websocket server.
 * While the connection is down the doc keeps every local edit; the provider reconnects
 * and the sync handshake merges both ways.
 */
export function connectSession(target: SyncTarget, name: string): LiveSession {
  const doc = new Y.Doc();
  const unbindBoard = bindBoard(doc);
  const unbindSimulation = bindSimulation();
  const unbindDispatch = bindDispatch(doc);
  const provider = new WebsocketProvider(target.url, target.room, doc, { params: target.params });
  if (target.initTitle) {
    const title = target.initTitle.slice(0, 200);
    provider.on('sync', (synced: boolean) => synced && !readMeta(doc) && initBoard.run(doc, { title, template: 'blank' }, { origin: templateOrigin, now: Date.now() }));
  }
  let ended = false;
  provider.on('status', ({ status }: { status: string }) => !ended && useUi.setState({ connection: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline' }));
  provider.on('sync', (synced: boolean) => useUi.setState({ synced }));
  // Said once per reason, not again at each reconnect that meets the same refusal.
  let told: string | null = null;
  provider.on('connection-close', (event: CloseEvent | null) => {
    const why = event ? closeReason(event.code, event.reason) : null;
    if (why && why !== told) showToast(why);
    told = why ?? told;
    if (event && endsTheSession(event.code)) {
      // Removed, or the session deleted: no reconnecting, and the board becomes read-only, so
      // nobody types on believing it will sync (their link no longer opens the session).
      ended = true;
      provider.disconnect();
      useUi.setState({ connection: 'ended', role: 'viewer' });
    } else if (!ended) useUi.setState({ connection: 'offline' });
  });
  provider.on('sync', (synced: boolean) => synced && (told = null));
  const unbindPresence = bindPresence(provider.awareness, name);
  const unbindFollow = bindFollow(() => provider.awareness.clientID);
  const unbindRevertNotice = bindRevertNotice();
  const unshareSelection = useUi.subscribe((s, prev) => {
    if (s.selection !== prev.selection) shareSelection(s.selection);
  });
  return {
    doc,
    provider,
    destroy() {
      unshareSelection();
      unbindRevertNotice();
      unbindFollow();
      unbindPresence();
      provider.destroy();
      unbindDispatch();
      unbindSimulation();
      unbindBoard();
      doc.destroy();
    },
  };
}
