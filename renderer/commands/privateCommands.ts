import type { PrivateArea } from '../../shared/model/privateRound';
import { openPrivateRound } from '../../shared/model/privateRound';
import { may } from '../../shared/permissions';
import { useBoard } from '../state/boardStore';
import { currentView } from '../state/boardView';
import { openPrivateDialog } from '../state/privateCards';
import { useUi } from '../state/uiStore';
import { onePicked } from './context';
import type { Command, CommandContext } from './types';

/** The frame or lane the command is about: the one picked, else the one under the menu's point (a frame before the lane it lies on). */
function areaOf(ctx: CommandContext): PrivateArea | null {
  const one = onePicked(ctx);
  if (one?.kind === 'frame' || one?.kind === 'lane') return { kind: one.kind, id: one.id };
  if (!ctx.at) return null;
  const { x, y } = ctx.at;
  const view = currentView();
  for (let i = view.frames.length - 1; i >= 0; i--) {
    const b = view.boxes.get(view.frames[i].id);
    if (b && x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h) return { kind: 'frame', id: view.frames[i].id };
  }
  const lane = view.grid.lanes.find((l) => y >= l.start && y < l.start + l.size);
  return lane ? { kind: 'lane', id: lane.id } : null;
}

/** The private round (issue 18): the facilitator starts one on a frame or lane from its menu. */
export const privateCommands: Command[] = [
  {
    name: 'privateRound',
    label: 'Private round here…',
    group: 'Edit',
    // On the host only (a room on another server has no one to keep the cards), one round at a time.
    when: (ctx) =>
      may(ctx.role, 'runPrivateRound') &&
      !!useUi.getState().access &&
      !openPrivateRound(useBoard.getState().privateRounds) &&
      (ctx.picked.length === 0 || ['frame', 'lane'].includes(onePicked(ctx)?.kind ?? '')),
    perform: (ctx) => openPrivateDialog(areaOf(ctx)),
  },
];
