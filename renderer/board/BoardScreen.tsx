import { useEffect, useState } from 'react';
import { syncUrl, type Role } from '../../shared/session';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { Minimap } from '../canvas/Minimap';
import { SelectionToolbar } from '../toolbar/SelectionToolbar';
import { Toolbar } from '../toolbar/Toolbar';
import { ZoomControls } from '../toolbar/ZoomControls';
import { installClipboard } from '../ui/clipboard';
import { HelpSheet } from '../ui/HelpSheet';
import { Toast } from '../ui/Toast';
import { CostBar } from '../panels/CostBar';
import { Dashboard } from '../panels/Dashboard';
import { Inspector } from '../panels/Inspector';
import { ExportDialog } from '../panels/ExportDialog';
import { installShortcuts } from '../ui/shortcuts';
import { useUi } from '../ui/uiStore';
import { useBoard } from './boardStore';
import { connectSession } from './connectSession';
import { PeopleList } from './PeopleList';
import { InviteDialog } from './InviteDialog';
import { TimerWidget } from './TimerWidget';
import { changeName, savedName, saveName, useMyName } from './presence';
import { NamePrompt } from './NamePrompt';
import { BoardRefused } from './BoardRefused';
import { installTestHook } from './testHook';
import { FacilitateMenu } from './FacilitateMenu';
import { pickSessionsApi } from '../sessions/sessionsApi';
import { VoteBar } from '../voting/VoteBar';
import { VoteResults } from '../voting/VoteResults';
import { bindMyVotes } from '../voting/votingStore';

type Phase = { name: 'checking' } | { name: 'refused'; message: string; toJoinForm?: boolean } | { name: 'ready'; title: string; role: Role };

/** Where the board lives: a session on the Brownpaper host that served this page, or a room on any y-websocket server. */
export type BoardSource = { kind: 'host'; sessionId: string; token: string | null } | { kind: 'server'; server: string; room: string; token: string | null };

function displayName(): string {
  let name = savedName();
  if (!name) {
    name = `Guest ${Math.floor(1000 + Math.random() * 9000)}`;
    saveName(name);
  }
  return name;
}

const statusText = {
  connecting: 'Connecting…',
  connected: 'Live',
  offline: 'Offline — your changes are kept and sync when the host is back',
} as const;

/** A session's board: checks the link, joins live, then shows the wall. */
export function BoardScreen({ source }: { source: BoardSource }) {
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });
  const bigScreen = useUi((s) => s.bigScreen);
  const sessionId = source.kind === 'host' ? source.sessionId : source.room;
  const token = source.token;
  const server = source.kind === 'server' ? source.server : null;

  useEffect(() => {
    if (server !== null) return openOnServer(server, sessionId, token, setPhase);
    if (!token) {
      setPhase({ name: 'refused', message: 'This link has no access key, so it does not open the session.', toJoinForm: true });
      return;
    }
    let live: ReturnType<typeof connectSession> | null = null;
    let cancelled = false;
    fetch(`/api/sessions/${encodeURIComponent(sessionId)}`, { headers: { Authorization: `Bearer ${token}` } })
      .then(async (res) => {
        const body = await res.json();
        if (cancelled) return;
        if (!res.ok) return setPhase({ name: 'refused', message: 'This join link is not valid: it was mistyped or cut short, or the facilitator removed the person it was for.', toJoinForm: true });
        useUi.setState({ role: body.role, access: { sessionId, token } });
        live = connectSession({ url: syncUrl(window.location.origin), room: sessionId, params: { token } }, displayName());
        setPhase({ name: 'ready', title: body.session.title, role: body.role });
      })
      .catch(() => !cancelled && setPhase({ name: 'refused', message: 'The host cannot be reached. Check the address and your network.' }));
    installTestHook();
    const uninstall = installShortcuts();
    const uninstallClipboard = installClipboard();
    const unbindVotes = bindMyVotes();
    return () => {
      cancelled = true;
      unbindVotes();
      uninstall();
      uninstallClipboard();
      live?.destroy();
    };
  }, [sessionId, token, server]);

  if (phase.name === 'checking') return <main className="notice">Opening the session…</main>;
  if (phase.name === 'refused') return <BoardRefused message={phase.message} toJoinForm={phase.toJoinForm === true} />;
  return (
    <div className={bigScreen ? 'board-screen big-screen' : 'board-screen'}>
      <BoardHeader fallbackTitle={phase.title} role={phase.role} sessionId={sessionId} token={token ?? ''} onHost={server === null} />
      <VoteBar />
      <Toolbar />
      <SelectionToolbar />
      <BoardCanvas />
      <ZoomControls />
      <SidePanel />
      <Minimap />
      <HelpSheet />
      <Toast />
      <NamePrompt />
      {bigScreen && (
        <button type="button" className="text-button big-screen-exit" onClick={() => useUi.setState({ bigScreen: false })}>
          Leave big screen (B) · Join info (J)
        </button>
      )}
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
  const uninstall = installShortcuts();
  const uninstallClipboard = installClipboard();
  return () => {
    uninstall();
    uninstallClipboard();
    live.destroy();
  };
}

/** How this person appears to the others; click to change it. */
function YourName() {
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
  return <input className="your-name" aria-label="Your name" autoFocus maxLength={60} value={name} onChange={(e) => setName(e.target.value)} onBlur={done} onKeyDown={(e) => e.key === 'Enter' && done()} />;
}

/** The dashboard or the step details, when asked for (D, I). */
function SidePanel() {
  const panel = useUi((s) => s.panel);
  return panel === 'dashboard' ? <Dashboard /> : panel === 'votes' ? <VoteResults /> : <Inspector />;
}

function BoardHeader({ fallbackTitle, role, sessionId, token, onHost }: { fallbackTitle: string; role: Role; sessionId: string; token: string; onHost: boolean }) {
  const inviting = useUi((s) => s.joinInfo);
  const setInviting = (joinInfo: boolean) => useUi.setState({ joinInfo });
  const title = useBoard((s) => s.meta?.title) ?? fallbackTitle;
  const connection = useUi((s) => s.connection);
  const gridLocked = useBoard((s) => s.gridLocked);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'e') {
        e.preventDefault();
        setExporting(true);
      }
    };
    window.addEventListener('keydown', onKey);
    // The desktop app's File ▸ Export…
    const offMenu = window.brownpaper?.onMenu((command) => command === 'export' && setExporting(true));
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu?.();
    };
  }, []);
  useEffect(() => {
    document.title = `${title} — Brownpaper`;
  }, [title]);
  return (
    <header className="board-header">
      <a className="brand" href="/" aria-label="Brownpaper home" title="Brownpaper home">
        <svg className="brand-mark" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <rect x="2" y="3" width="16" height="14" rx="2" fill="#c49a62" stroke="#f3d9a8" strokeWidth="1.5" />
          <rect x="5" y="6" width="4" height="3" fill="#fffaf0" />
          <rect x="11" y="10" width="4" height="3" fill="#fffaf0" />
        </svg>
        <span className="brand-name">Brownpaper</span>
      </a>
      <h1>{title}</h1>
      <TimerWidget />
      {gridLocked && (
        <span className="chip" data-testid="grid-locked" title="The facilitator has locked the lanes, stages and lines">
          Grid locked
        </span>
      )}
      <CostBar />
      <button type="button" className="text-button" onClick={() => setExporting(true)} title="Export (Ctrl+E)" aria-label="Export (Ctrl+E)">
        Export
      </button>
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
      {role === 'facilitator' && onHost && (
        <button type="button" className="text-button" onClick={() => setInviting(true)}>
          Invite
        </button>
      )}
      {inviting && role === 'facilitator' && <InviteDialog sessionId={sessionId} token={token} onClose={() => setInviting(false)} />}
      {role === 'facilitator' && <FacilitateMenu onHost={onHost && pickSessionsApi() ? () => setInviting(true) : null} canVote={onHost} />}
      <PeopleList sessionId={sessionId} token={role === 'facilitator' && onHost ? token : null} />
      <YourName />
      <span className={`role role-${role}`}>{role}</span>
      <span className={`status status-${connection}`} role="status" title={statusText[connection]} data-testid="connection-status">
        {statusText[connection]}
      </span>
    </header>
  );
}
