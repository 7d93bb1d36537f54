import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Role } from '../../../shared/session';
import { command } from '../../commands/commands';
import { keysOf, labelWithKeys, runCommand } from '../../commands/runCommand';
import { CostBar, CostMenuItems } from '../../panels/CostBar';
import { ExportDialog } from '../../export/ExportDialog';
import { pickSessionsApi } from '../sessions/sessionsApi';
import { useUi } from '../../state/uiStore';
import { StartVoteDialog } from '../../panels/voting/StartVoteDialog';
import { useBoard } from '../../state/boardStore';
import { FacilitateMenu, MenuItems, useFacilitateItems } from './FacilitateMenu';
import { InviteDialog } from './InviteDialog';
import { PeopleList } from './PeopleList';
import { usePresence } from '../../state/presence';
import { useSimulation } from '../../state/simulation';
import { SessionTitle } from './SessionTitle';
import { TimerControls, TimerWidget } from './TimerWidget';
import { useMenuButton } from '../../ui/menuButton';
import { useHeaderFit } from './useHeaderFit';
import { YourName } from './YourName';
import { may } from '../../../shared/permissions';
import { usePhone } from '../../state/phoneLayout';

const statusText = {
  connecting: 'Connecting…',
  connected: 'Live',
  offline: 'Offline — your changes are kept and sync when the host is back',
  ended: 'Ended — no longer connected: nothing more is saved',
} as const;

/**
 * The connection in the header: its word ("Offline", "Ended") and what that means. Short of room
 * (a phone, a long title), the meaning is said to screen readers only and stays the tooltip:
 * the whole sentence pushed the board's title out of a phone's header. "Live" then shrinks to its
 * dot.
 */
const ConnectionStatus = memo(function ConnectionStatus({ connection, short }: { connection: keyof typeof statusText; short: boolean }) {
  const [word, meaning] = statusText[connection].split(/(?= — )/);
  return (
    <span className={`status status-${connection} ${short ? 'dot-only' : ''}`} role="status" title={statusText[connection]} data-testid="connection-status">
      {word}
      {meaning && <span className="status-meaning">{meaning}</span>}
    </span>
  );
});

/**
 * What goes into "More" first when the header is short of room: the least needed first. The
 * title, the time left, the money and lead time shown and the connection's dot stay in line; on
 * a phone even the board's total goes last.
 */
const tuckOrder = [
  'brand',
  'heat',
  'role',
  'liveWord',
  'export',
  'yourName',
  'gridLocked',
  'missing',
  'invite',
  'leadTime',
  'facilitate',
  'scenario',
  'dashboard',
  'timer',
  'people',
  'total',
] as const;

/** Where each of them stands in the header while in line, for measuring (useHeaderFit): `:scope` is the header. */
const tuckedParts: Record<(typeof tuckOrder)[number], string> = {
  brand: '.brand-name',
  heat: '.heat-button',
  role: ':scope > .role',
  liveWord: ':scope > .status',
  export: '[data-tuck="export"]',
  yourName: ':scope > .your-name',
  gridLocked: '[data-testid="grid-locked"]',
  missing: '.cost-bar > .missing-figures',
  invite: '[data-tuck="invite"]',
  leadTime: '.cost-bar > .lead-time',
  facilitate: ':scope > .facilitate',
  scenario: '.cost-bar > select',
  dashboard: '[data-tuck="dashboard"]',
  timer: ':scope > .timer',
  people: ':scope > .people',
  total: '.cost-bar > .board-total',
};

/** Tucked away, these are simply not shown: the menu has nothing to say for them. */
const hideOnly = new Set(['brand', 'liveWord']);

interface Props {
  fallbackTitle: string;
  role: Role;
  sessionId: string;
  token: string;
  onHost: boolean;
}

/** The bar over the board: the session, the timer, the money, the people and the facilitator's controls. */
export function BoardHeader({ fallbackTitle, role, sessionId, token, onHost }: Props) {
  const inviting = useUi((s) => s.joinInfo);
  const setInviting = useCallback((joinInfo: boolean) => useUi.setState({ joinInfo }), []);
  const title = useBoard((s) => s.meta?.title) ?? fallbackTitle;
  const connection = useUi((s) => s.connection);
  const gridLocked = useBoard((s) => s.gridLocked);
  const bigScreen = useUi((s) => s.bigScreen);
  const exporting = useUi((s) => s.exporting);
  const [voting, setVoting] = useState(false);
  const facilitator = may(role, 'facilitate');
  const invites = may(role, 'invite') && onHost;
  // Left open, it would greet the next board.
  useEffect(() => () => useUi.setState({ exporting: false }), []);
  useEffect(() => {
    document.title = `${title} — Brownpaper`;
  }, [title]);

  // What changes the header's widths; any change re-measures it (useHeaderFit).
  const timerState = useBoard((s) => `${s.timer.timerRunning}/${s.timer.timerRemainingMs > 0}`);
  const people = usePresence((s) => Math.min(Object.keys(s.peers).length, 9));
  const following = useUi((s) => s.following !== null);
  const saving = useUi((s) => s.scenarioId !== null);
  const bands = useSimulation((s) => s.result !== null);
  const content = [title, role, timerState, people, following, gridLocked, saving, bands, connection, bigScreen].join('|');
  // On a phone the big screen keeps the phone's header (title, money, More, the dot): the
  // projector's header, with nothing tucked and no More, ran off a 390 px screen.
  const phone = usePhone();
  const order = useMemo(
    () =>
      bigScreen && !phone ? [] : tuckOrder.filter((k) => (k !== 'invite' || invites) && (k !== 'facilitate' || facilitator) && (k !== 'timer' || facilitator) && (k !== 'gridLocked' || gridLocked)),
    [bigScreen, phone, invites, facilitator, gridLocked],
  );
  // On a phone the header holds the title, the time left and the money; the rest is in More
  // from the start (measuring would keep a control or two that a thumb cannot hit anyway).
  const phoneTucked = useMemo<string[]>(() => (phone ? order.filter((k) => k !== 'total') : []), [phone, order]);
  const fitOrder = useMemo(() => order.filter((k) => !phoneTucked.includes(k)), [order, phoneTucked]);
  const header = useRef<HTMLElement>(null);
  const titleText = useRef<HTMLElement>(null);
  const fitted = useHeaderFit(header, titleText, fitOrder, tuckedParts, content);
  const tucked = useMemo(() => new Set([...phoneTucked, ...fitted]), [phoneTucked, fitted]);
  const here = (k: (typeof tuckOrder)[number]) => !tucked.has(k);

  const facilitateItems = useFacilitateItems({ onHost: onHost && pickSessionsApi() ? () => setInviting(true) : null, onStartVote: onHost ? () => setVoting(true) : null });

  return (
    <header className="board-header" ref={header}>
      <a className="brand" href="/" aria-label="Brownpaper home" title="Brownpaper home">
        <svg className="brand-mark" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <rect x="2" y="3" width="16" height="14" rx="2" fill="#c49a62" stroke="#f3d9a8" strokeWidth="1.5" />
          <rect x="5" y="6" width="4" height="3" fill="#fffaf0" />
          <rect x="11" y="10" width="4" height="3" fill="#fffaf0" />
        </svg>
        {here('brand') && <span className="brand-name">Brownpaper</span>}
      </a>
      <SessionTitle title={title} canRename={may(role, 'renameSession')} textRef={titleText} />
      <TimerWidget controls={here('timer')} />
      {gridLocked && here('gridLocked') && (
        <span className="chip" data-testid="grid-locked" title="The facilitator has locked the lanes, stages and lines">
          Grid locked
        </span>
      )}
      <CostBar tucked={tucked} />
      {here('export') && (
        <button type="button" className="text-button" data-tuck="export" onClick={() => runCommand('export')} title={labelWithKeys(command('export'))} aria-label={labelWithKeys(command('export'))}>
          {command('export').label}
        </button>
      )}
      {here('export') && may(role, 'importSteps') && (
        <button type="button" className="text-button" data-tuck="export" onClick={() => runCommand('importSteps')}>
          {command('importSteps').label}…
        </button>
      )}
      {here('invite') && invites && (
        <button type="button" className="text-button" data-tuck="invite" onClick={() => setInviting(true)}>
          Invite
        </button>
      )}
      {here('facilitate') && facilitator && <FacilitateMenu items={facilitateItems} />}
      {here('people') && <PeopleList sessionId={sessionId} token={invites ? token : null} />}
      {here('yourName') && <YourName />}
      {here('role') && <span className={`role role-${role}`}>{role}</span>}
      {[...tucked].some((k) => !hideOnly.has(k)) && (
        <MoreMenu>
          {/* What is read, then the menu of what can be done, then the fields: a menu holds only items. */}
          {tucked.has('role') && <p className="menu-note">You are the {role}</p>}
          {tucked.has('gridLocked') && <p className="menu-note">The grid is locked (lanes, stages, lines)</p>}
          <CostMenuItems tucked={tucked} part="notes" />
          <span role="menu" aria-label="More" className="menu-group">
            {/* The big screen's own way out sits on the board, which a phone showing the ledger does not show. */}
            {bigScreen && (
              <button type="button" role="menuitem" onClick={() => useUi.setState({ bigScreen: false })}>
                Leave big screen ({keysOf(command('bigScreen'))})
              </button>
            )}
            {tucked.has('timer') && <TimerControls menu />}
            <CostMenuItems tucked={tucked} part="items" />
            {tucked.has('export') && (
              <button type="button" role="menuitem" onClick={() => runCommand('export', { source: 'menu' })}>
                {command('export').label}… ({keysOf(command('export'))})
              </button>
            )}
            {tucked.has('export') && may(role, 'importSteps') && (
              <button type="button" role="menuitem" onClick={() => runCommand('importSteps', { source: 'menu' })}>
                {command('importSteps').label}…
              </button>
            )}
            {tucked.has('invite') && invites && (
              <button type="button" role="menuitem" onClick={() => setInviting(true)}>
                Invite…
              </button>
            )}
            {tucked.has('facilitate') && facilitator && (
              <div role="group" aria-label="Facilitate" className="menu-group">
                <p className="menu-heading" aria-hidden="true">
                  Facilitate
                </p>
                <MenuItems items={facilitateItems} />
              </div>
            )}
          </span>
          {tucked.has('people') && (
            <div className="menu-field">
              <PeopleList sessionId={sessionId} token={invites ? token : null} />
            </div>
          )}
          {tucked.has('yourName') && (
            <div className="menu-field">
              Your name <YourName />
            </div>
          )}
        </MoreMenu>
      )}
      <ConnectionStatus connection={connection} short={tucked.has('liveWord')} />
      {exporting && <ExportDialog onClose={() => useUi.setState({ exporting: false })} />}
      {inviting && invites && <InviteDialog sessionId={sessionId} token={token} onClose={() => setInviting(false)} />}
      {voting && <StartVoteDialog onClose={() => setVoting(false)} />}
    </header>
  );
}

/** "More ▾": the header's controls that did not fit in line, a menu button (menuButton.ts). A menu item closes it once picked. */
function MoreMenu({ children }: { children: React.ReactNode }) {
  const { open, root, picked, buttonProps, menuProps } = useMenuButton();
  return (
    <span className="header-more" ref={root}>
      <button type="button" className="text-button" aria-label="More" title="More" {...buttonProps}>
        More ▾
      </button>
      {open && (
        <span className="person-menu more-menu" onClick={(e) => (e.target as Element).closest('[role^="menuitem"]') && picked()} {...menuProps}>
          {children}
        </span>
      )}
    </span>
  );
}
