import { useEffect, useRef, useState } from 'react';
import { dispatch } from '../operations/dispatch';
import { useUi } from '../ui/uiStore';
import { StartVoteDialog } from '../voting/StartVoteDialog';
import { useBoard } from './boardStore';
import { usePresence } from './presence';

/** The facilitator's controls that are not needed every minute: present, lock the grid, vote, big screen, hosting. */
export function FacilitateMenu({ onHost, canVote }: { onHost: (() => void) | null; canVote: boolean }) {
  const [open, setOpen] = useState(false);
  const [voting, setVoting] = useState(false);
  const self = usePresence((s) => s.self);
  const presenter = useBoard((s) => s.presenter);
  const gridLocked = useBoard((s) => s.gridLocked);
  const presenting = presenter !== null && presenter === self;
  const root = useRef<HTMLSpanElement>(null);
  // A click elsewhere or Escape closes the menu, as menus do.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const item = (label: string, run: () => void, pressed?: boolean) => (
    <button type="button" role="menuitem" aria-pressed={pressed} onClick={() => (setOpen(false), run())}>
      {label}
    </button>
  );
  return (
    <span className="facilitate" ref={root}>
      <button type="button" className="text-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Facilitate ▾
      </button>
      {open && (
        <span className="person-menu facilitate-menu" role="menu" aria-label="Facilitate">
          {onHost && item('Host on the network…', onHost)}
          {item('Bring everyone here', () => self !== null && dispatch('summonEveryone', { clientId: self }))}
          {item(presenting ? 'Stop presenting' : 'Present (everyone follows you; PageDown: next frame)', () => dispatch('setPresenter', { clientId: presenting ? null : self }))}
          {item(gridLocked ? 'Unlock the grid' : 'Lock the grid (lanes, stages, lines)', () => dispatch('setGridLocked', { locked: !gridLocked }))}
          {canVote && item('Start a dot vote…', () => setVoting(true))}
          {item('Big screen (B)', () => useUi.setState({ bigScreen: true }))}
        </span>
      )}
      {voting && <StartVoteDialog onClose={() => setVoting(false)} />}
    </span>
  );
}
