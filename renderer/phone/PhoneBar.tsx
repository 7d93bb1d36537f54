import { command } from '../commands/commands';
import { runCommand } from '../commands/runCommand';
import { useCommandContext } from '../commands/useCommandContext';
import type { CommandContext } from '../commands/types';
import { Icon } from '../toolbar/icons';
import { useUi } from '../state/uiStore';
import { useActiveRound, useMyVotes } from '../state/votingStore';
import { usePresence } from '../state/presence';
import { may } from '../../shared/permissions';
import { dragTool, type CardTool } from '../toolbar/dragTool';
import './phone.css';

/**
 * The phone's bottom bar: the few things a participant does, each a command from the table
 * (label, icon, whether it applies), with a word under its icon for a thumb to find: a note, a
 * step, the vote under way with the dots left, follow someone, and all the other tools.
 */
export function PhoneBar() {
  const ctx = useCommandContext();
  const role = useUi((s) => s.role);
  const followed = useUi((s) => s.following);
  const followedName = usePresence((s) => (followed !== null ? s.peers[followed]?.user.name : undefined));
  const round = useActiveRound();
  const mine = useMyVotes((s) => s.dots.length);
  const voter = may(role, 'placeDots');
  const vote =
    round === null
      ? null
      : round.status !== 'open'
        ? { caption: 'Results', name: 'Vote: results are in' }
        : voter
          ? { caption: `${round.perPerson - mine} left`, name: `Vote: ${round.perPerson - mine} of ${round.perPerson} dots left` }
          : { caption: 'Voting', name: `Vote: ${round.placed} dots placed` };
  return (
    <nav className="phone-bar" aria-label="Tools">
      <BarButton name="tool.note" caption="Note" ctx={ctx} drags="note" />
      <BarButton name="tool.step" caption="Step" ctx={ctx} drags="step" />
      {vote && <BarButton name="voteRound" caption={vote.caption} ariaLabel={vote.name} ctx={ctx} className="vote" />}
      <BarButton name="follow" caption={followedName ? 'Following' : 'Follow'} ariaLabel={followedName ? `Following ${followedName}: stop` : undefined} pressed={followed !== null} ctx={ctx} />
      <BarButton name="allTools" caption="Tools" ctx={ctx} />
    </nav>
  );
}

/** A tool picked by a tap; a card tool (`drags`) can also be dragged out of the bar onto the board, as from the desktop's toolbar. */
function BarButton({
  name,
  caption,
  ctx,
  ariaLabel,
  pressed,
  drags,
  className = '',
}: {
  name: string;
  caption: string;
  ctx: CommandContext;
  ariaLabel?: string;
  pressed?: boolean;
  drags?: CardTool;
  className?: string;
}) {
  const c = command(name);
  if (!c.when(ctx)) return null;
  const icon = typeof c.icon === 'function' ? c.icon(ctx) : c.icon;
  return (
    <button
      type="button"
      className={`bar-button ${className}`}
      aria-label={ariaLabel ?? c.label}
      aria-pressed={pressed ?? c.checked?.(ctx)}
      onClick={() => runCommand(name)}
      onPointerDown={drags ? (e) => dragTool(drags, e) : undefined}
    >
      {icon && <Icon name={icon} />}
      <span className="caption" aria-hidden="true">
        {caption}
      </span>
    </button>
  );
}
