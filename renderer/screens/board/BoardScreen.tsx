import { useEffect, useState } from 'react';
import { syncUrl, type Role } from '../../../shared/session';
import { BoardCanvas } from '../../canvas/BoardCanvas';
import { Minimap } from '../../canvas/Minimap';
import { SelectionToolbar } from '../../toolbar/SelectionToolbar';
import { Toolbar } from '../../toolbar/Toolbar';
import { ZoomControls } from '../../toolbar/ZoomControls';
import { installClipboard } from '../../commands/clipboard';
import { HelpSheet } from '../../ui/HelpSheet';
import { Toast } from '../../ui/Toast';
import { Dashboard } from '../../panels/Dashboard';
import { Inspector } from '../../panels/Inspector';
import { command } from '../../commands/commands';
import { installCommandKeys, keysOf } from '../../commands/runCommand';
import { useUi } from '../../state/uiStore';
import { connectSession } from '../../state/connectSession';
import { callApi, ApiRefusal } from '../../api/client';
import { savedName, saveName } from '../../state/presence';
import { NamePrompt } from './NamePrompt';
import { BoardRefused } from './BoardRefused';
import { BoardHeader } from './BoardHeader';
import { useBigScreenFraming } from '../../canvas/bigScreenView';
import { installTestHook } from '../../state/testHook';
import { VoteBar } from '../../panels/voting/VoteBar';
import { VoteResults } from '../../panels/voting/VoteResults';
import { BusinessCaseBigScreen } from '../../panels/BusinessCaseBigScreen';
import { bindMyVotes } from '../../state/votingStore';
import { bindMyEstimate } from '../../state/estimateStore';
import { EstimatePanel } from '../../panels/estimates/EstimatePanel';
import { AskEstimateDialog } from '../../panels/estimates/AskEstimateDialog';
import { ImportStepsDialog } from '../../panels/import/ImportStepsDialog';
import { bindMyPrivateCards } from '../../state/privateCards';
import { PrivateRoundBar } from '../../panels/private/PrivateRoundBar';
import { StartPrivateRoundDialog } from '../../panels/private/StartPrivateRoundDialog';
import { HistoryDialog } from '../../panels/history/HistoryDialog';
import { bindPhoneLayout, openSheet, usePhone, usePhoneLayout } from '../../state/phoneLayout';
import { bindKeyboardInView } from '../../phone/keyboardInView';
import { PhoneBar } from '../../phone/PhoneBar';
import { PanelSheet } from '../../phone/BottomSheet';
import { showPanel } from '../../state/typing';
import { ToolsSheet } from '../../phone/ToolsSheet';
import { FollowSheet } from '../../phone/FollowSheet';
import { VoteSheet } from '../../phone/VoteSheet';
import { LedgerPane } from '../../ledger/LedgerPane';
import { useLedgerLayout } from '../../ledger/ledgerLayout';

type Phase = { name: 'checking' } | { name: 'refused'; message: string; toJoinForm?: boolean } | { name: 'ready'; title: string; role: Role };

/**
 * Where the board lives: a session on the Brownpaper host that served this page, or a room on any
 * y-websocket server. `projector`: the desktop app's second-display window — the big screen, no
 * name asked, following whoever presents.
 */
export type BoardSource = { kind: 'host'; sessionId: string; token: string | null; projector?: boolean } | { kind: 'server'; server: string; room: string; token: string | null };

function displayName(): string {
  let name = savedName();
  if (!name) {
    name = `Guest ${Math.floor(1000 + Math.random() * 9000)}`;
    saveName(name);
  }
  return name;
}

/** A session's board: checks the link, joins live, then shows the wall. */
/**
 * The board's width class, for its floating controls (styles.css): below 700 px (a phone, or a
 * canvas narrowed beside the ledger) the selection bar is one row above the zoom buttons and the
 * minimap gives way; below 1,100 px there is no room for the bar between the zoom buttons and the
 * minimap, so it rises above them; wider, it sits between them.
 */
function boardWidthClass(width: number): string {
  if (width === 0) return '';
  return width < 700 ? ' narrow-board' : width < 1100 ? ' mid-board' : '';
}

export function BoardScreen({ source }: { source: BoardSource }) {
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });
  const bigScreen = useUi((s) => s.bigScreen);
  // A phone gets its own layout (bottom bar, sheets, the header reduced), unless it shows the big screen.
  const phone = usePhone() && !bigScreen;
  const widthClass = useUi((s) => boardWidthClass(s.canvasSize.width));
  const ledger = useLedgerLayout();
  useBigScreenFraming();
  useEffect(() => {
    const unbindPhone = bindPhoneLayout();
    const unbindKeyboard = bindKeyboardInView();
    return () => {
      unbindPhone();
      unbindKeyboard();
    };
  }, []);
  const sessionId = source.kind === 'host' ? source.sessionId : source.room;
  const token = source.token;
  const server = source.kind === 'server' ? source.server : null;
  const projector = source.kind === 'host' && source.projector === true;

  useEffect(() => {
    if (server !== null) return openOnServer(server, sessionId, token, setPhase);
    if (!token) {
      setPhase({ name: 'refused', message: 'This link has no access key, so it does not open the session.', toJoinForm: true });
      return;
    }
    let live: ReturnType<typeof connectSession> | null = null;
    let cancelled = false;
    callApi('session', { sessionId, token })
      .then(({ session, role }) => {
        if (cancelled) return;
        useUi.setState({ role, access: { sessionId, token }, ...(projector ? { bigScreen: true } : {}) });
        live = connectSession({ url: syncUrl(window.location.origin), room: sessionId, params: { token } }, projector ? 'Projector' : displayName());
        setPhase({ name: 'ready', title: session.title, role });
      })
      .catch((e: Error) => {
        if (cancelled) return;
        if (e instanceof ApiRefusal)
          setPhase({ name: 'refused', message: 'This join link is not valid: it was mistyped or cut short, or the facilitator removed the person it was for.', toJoinForm: true });
        else setPhase({ name: 'refused', message: 'The host cannot be reached. Check the address and your network.' });
      });
    installTestHook();
    const uninstall = installCommandKeys();
    const uninstallClipboard = installClipboard();
    const unbindVotes = bindMyVotes();
    const unbindEstimate = bindMyEstimate();
    const unbindPrivate = bindMyPrivateCards();
    return () => {
      cancelled = true;
      unbindVotes();
      unbindEstimate();
      unbindPrivate();
      uninstall();
      uninstallClipboard();
      live?.destroy();
    };
  }, [sessionId, token, server, projector]);

  if (phase.name === 'checking') return <main className="notice">Opening the session…</main>;
  if (phase.name === 'refused') return <BoardRefused message={phase.message} toJoinForm={phase.toJoinForm === true} />;
  return (
    <div className={(bigScreen ? 'board-screen big-screen' : phone ? 'board-screen phone-layout' : 'board-screen') + ledger}>
      {/* The header and the vote bar take their own rows, so they never cover the board; what
          floats over the board is placed in the board's area, below them. */}
      <div className="board-top">
        <BoardHeader fallbackTitle={phase.title} role={phase.role} sessionId={sessionId} token={token ?? ''} onHost={server === null} />
        <VoteBar />
        <PrivateRoundBar />
      </div>
      <div className={'board-area' + widthClass}>
        {/* First in the board's area, so a keyboard user meets the name card right after the header, not after every card on the board (it floats in its corner wherever it is in the page). */}
        {!projector && <NamePrompt />}
        {!phone && <Toolbar />}
        <SelectionToolbar />
        <BoardCanvas />
        <ZoomControls />
        <EstimatePanel />
        {!bigScreen && <AskEstimateDialog />}
        {!bigScreen && source.kind === 'host' && <ImportStepsDialog sessionId={sessionId} />}
        {phone ? (
          <PanelSheet onClose={() => showPanel(null)}>
            <SidePanel />
          </PanelSheet>
        ) : (
          <SidePanel />
        )}
        {/* On a phone the minimap would sit on the zoom buttons and the board: the pinch does its work. */}
        {!phone && <Minimap />}
        {phone && <PhoneBar />}
        {phone && <PhoneSheets />}
        <HelpSheet />
        <Toast />
        <BusinessCaseBigScreen />
        <StartPrivateRoundDialog />
        <HistoryDialog />
        {bigScreen && (
          <button type="button" className="text-button big-screen-exit" onClick={() => useUi.setState({ bigScreen: false })}>
            Leave big screen ({keysOf(command('bigScreen'))}) · Join info ({keysOf(command('joinInfo'))})
          </button>
        )}
      </div>
      <LedgerPane />
    </div>
  );
}

/**
 * A room on another y-websocket server: no Brownpaper host behind it, so no roles, codes or
 * voting — everyone there may do everything, and the server keeps (or loses) the document.
 */
function openOnServer(server: string, room: string, token: string | null, setPhase: (p: Phase) => void): () => void {
  if (!/^wss?:\/\/[^/]+/.test(server) || !room) {
    setPhase({ name: 'refused', message: 'This link needs a server (ws:// or wss://) and a room name.' });
    return () => {};
  }
  useUi.setState({ role: 'facilitator', access: null });
  const live = connectSession({ url: server, room, params: token ? { token } : {}, initTitle: room }, displayName());
  setPhase({ name: 'ready', title: room, role: 'facilitator' });
  installTestHook();
  const uninstall = installCommandKeys();
  const uninstallClipboard = installClipboard();
  return () => {
    uninstall();
    uninstallClipboard();
    live.destroy();
  };
}

/** The phone's own sheets (the side panels are sheets there too, in PanelSheet). */
function PhoneSheets() {
  const sheet = usePhoneLayout((s) => s.sheet);
  // A side panel opened from a sheet takes its place.
  const panel = useUi((s) => s.panel);
  useEffect(() => {
    if (panel !== null) openSheet(null);
  }, [panel]);
  return sheet === 'tools' ? <ToolsSheet /> : sheet === 'follow' ? <FollowSheet /> : sheet === 'vote' ? <VoteSheet /> : null;
}

/** The dashboard or the step details, when asked for (D, I). */
function SidePanel() {
  const panel = useUi((s) => s.panel);
  return panel === 'dashboard' ? <Dashboard /> : panel === 'votes' ? <VoteResults /> : <Inspector />;
}
