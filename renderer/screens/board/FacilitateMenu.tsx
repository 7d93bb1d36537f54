import { dispatch } from '../../commands/dispatch';
import { useUi } from '../../state/uiStore';
import { useBoard } from '../../state/boardStore';
import { usePresence } from '../../state/presence';
import { useMenuButton } from '../../ui/menuButton';
import { command } from '../../commands/commands';
import { keysOf } from '../../commands/runCommand';
import { openPrivateDialog } from '../../state/privateCards';
import { openHistory } from '../../state/history';

export interface MenuItem {
  label: string;
  run(): void;
  pressed?: boolean;
}

/**
 * The facilitator's controls that are not needed every minute: present, lock the grid, vote,
 * big screen, hosting. The same list drops down from "Facilitate ▾" or, when the header is
 * short of room, sits in its "More" menu.
 */
export function useFacilitateItems({ onHost, onStartVote }: { onHost: (() => void) | null; onStartVote: (() => void) | null }): MenuItem[] {
  const self = usePresence((s) => s.self);
  const presenter = useBoard((s) => s.presenter);
  const gridLocked = useBoard((s) => s.gridLocked);
  const presenting = presenter !== null && presenter === self;
  return [
    ...(onHost ? [{ label: 'Host on the network…', run: onHost }] : []),
    { label: 'Bring everyone here', run: () => self !== null && dispatch('summonEveryone', { clientId: self }) },
    { label: presenting ? 'Stop presenting' : 'Present (everyone follows you; PageDown: next frame)', run: () => dispatch('setPresenter', { clientId: presenting ? null : self }) },
    { label: gridLocked ? 'Unlock the grid' : 'Lock the grid (lanes, stages, lines)', run: () => dispatch('setGridLocked', { locked: !gridLocked }) },
    ...(onStartVote ? [{ label: 'Start a dot vote…', run: onStartVote }] : []),
    ...(onStartVote ? [{ label: 'Start a private round…', run: () => openPrivateDialog() }] : []),
    { label: 'History and checkpoints…', run: () => void openHistory() },
    { label: `Big screen (${keysOf(command('bigScreen'))})`, run: () => useUi.setState({ bigScreen: true }) },
  ];
}

export function MenuItems({ items, onPick }: { items: MenuItem[]; onPick?: () => void }) {
  return (
    <>
      {items.map((it) => (
        <button key={it.label} type="button" role="menuitem" aria-pressed={it.pressed} onClick={() => (onPick?.(), it.run())}>
          {it.label}
        </button>
      ))}
    </>
  );
}

/** "Facilitate ▾" in the header: a menu button (menuButton.ts). */
export function FacilitateMenu({ items }: { items: MenuItem[] }) {
  const { open, root, picked, buttonProps, menuProps } = useMenuButton();
  return (
    <span className="facilitate" ref={root}>
      <button type="button" className="text-button" {...buttonProps}>
        Facilitate ▾
      </button>
      {open && (
        <span className="person-menu facilitate-menu" role="menu" aria-label="Facilitate" {...menuProps}>
          <MenuItems items={items} onPick={picked} />
        </span>
      )}
    </span>
  );
}
