import type * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readMeta } from '../../shared/model/board';
import { templateOrigin } from '../../shared/model/origins';
import { initBoard } from '../../shared/operations/initBoard';
import { exportSession, sessionFileText } from '../../shared/exchange/sessionFile';
import { closeCodes } from '../../shared/sync/closeCodes';
import { epochState, messageType, readEpoch } from '../../shared/sync/messages';
import { bindDispatch } from '../commands/dispatch';
import { download } from '../export/download';
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
 *
 * The window says the epoch of its doc (`?epoch=`; shared/model/fold.ts). When the host has
 * folded the session to a fresh doc since, it says so first: the window stops editing, answers
 * with what it had not sent, and once the host has taken that (it closes with `folded`) the
 * window syncs a fresh doc of the new epoch — the old one stays on screen until the new one has
 * synced, and the one observer then rebuilds the board from it; the selection (element ids)
 * survives, the undo history does not (its items are gone).
 */
export function connectSession(target: SyncTarget, name: string): LiveSession {
  const unbindSimulation = bindSimulation();
  const unbindRevertNotice = bindRevertNotice();
  const unshareSelection = useUi.subscribe((s, prev) => {
    if (s.selection !== prev.selection) shareSelection(s.selection);
  });
  let ended = false;
  // Said once per reason, not again at each reconnect that meets the same refusal.
  let told: string | null = null;
  // The host closed the socket only to hand this window over to a fresh doc (a fold, here or on
  // another node): nothing is wrong, so the header stays Live until the window is connected
  // again; a close for any other reason meanwhile shows itself as ever.
  let handingOver = false;

  /** One doc of one epoch and its provider; the board and dispatch are bound to the shown one. */
  const join = (doc: Y.Doc) => {
    // No BroadcastChannel: y-websocket would sync this doc with every other provider of the room
    // in this browser — the old doc of the epoch before a fold (in this window or another tab)
    // included — and around the host's checks. The host relays between tabs as between people.
    const provider = new WebsocketProvider(target.url, target.room, doc, { params: { ...target.params, epoch: 'new' }, disableBc: true });
    const here = () => shown?.provider === provider || next?.provider === provider;
    (provider as unknown as { messageHandlers: unknown[] }).messageHandlers[messageType.epoch] = (_e: unknown, d: decoding.Decoder) => {
      const { epoch, state } = readEpoch(d);
      if (state === epochState.current) provider.params.epoch = String(epoch);
      else if (state === epochState.fold)
        unbindDispatch(); // nothing typed now would reach anyone
      else if (state === epochState.gone) offerUnsent(doc);
    };
    if (target.initTitle) {
      const title = target.initTitle.slice(0, 200);
      provider.on('sync', (synced: boolean) => synced && !readMeta(doc) && initBoard.run(doc, { title, template: 'blank' }, { origin: templateOrigin, now: Date.now() }));
    }
    provider.on('status', ({ status }: { status: string }) => {
      if (!here() || ended) return;
      if (status === 'connected') handingOver = false;
      else if (handingOver) return;
      useUi.setState({ connection: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline' });
    });
    provider.on('sync', (synced: boolean) => here() && useUi.setState({ synced }));
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (!here()) return;
      handingOver = event?.code === closeCodes.folded || event?.code === closeCodes.foldedElsewhere;
      if (event?.code === closeCodes.folded) return refold();
      if (handingOver) return;
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
    return { doc, provider };
  };
  type Joined = ReturnType<typeof join>;

  let shown: Joined | null = null;
  let next: Joined | null = null;
  let unbindBoard = () => {};
  let unbindDispatch = () => {};
  let unbindPresence = () => {};
  let unbindFollow = () => {};
  const show = (j: Joined) => {
    unbindBoard();
    unbindDispatch();
    unbindPresence();
    unbindFollow();
    unbindBoard = bindBoard(j.doc);
    unbindDispatch = bindDispatch(j.doc);
    unbindPresence = bindPresence(j.provider.awareness, name);
    unbindFollow = bindFollow(() => j.provider.awareness.clientID);
    shown = j;
  };
  show(join(new Y.Doc()));

  /** The host took what this doc had not sent: sync a fresh doc of the new epoch, and show it once it has synced. */
  const refold = () => {
    if (next) return;
    const old = shown!;
    const fresh = join(new Y.Doc());
    next = fresh;
    fresh.provider.on('sync', function swap(synced: boolean) {
      if (!synced || next !== fresh) return;
      fresh.provider.off('sync', swap);
      next = null;
      show(fresh);
      old.provider.destroy();
      old.doc.destroy();
    });
  };

  return {
    get doc() {
      return shown!.doc;
    },
    get provider() {
      return shown!.provider;
    },
    destroy() {
      unshareSelection();
      unbindRevertNotice();
      unbindFollow();
      unbindPresence();
      unbindDispatch();
      unbindSimulation();
      unbindBoard();
      for (const j of [shown, next]) {
        j?.provider.destroy();
        j?.doc.destroy();
      }
    },
  };
}

/**
 * The host no longer keeps the base of this doc's epoch (the window stayed away too long): what
 * it had not sent cannot be merged safely, so it is never merged blind — the board as this window
 * has it is handed over as a session file (it can be opened as a new session), and the person is
 * told to reload.
 */
function offerUnsent(doc: Y.Doc): void {
  const title = readMeta(doc)?.title ?? 'board';
  void download(`${title} (this window).brownpaper`, new Blob([sessionFileText(exportSession(doc))], { type: 'application/x-brownpaper-session' }));
}
