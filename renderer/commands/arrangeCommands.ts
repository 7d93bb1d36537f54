import { dispatch } from './dispatch';
import { nudge, reorder, toggleLock } from './selectionActions';
import type { IconName } from '../toolbar/icons';
import type { Command, CommandContext } from './types';
import { announce } from '../state/announcer';
import { currentView } from '../state/boardView';

/** "Moved", and the cell a single card is in now (an arrow can carry it into the next lane or stage). */
function movedTo(ids: string[]): string {
  const e = ids.length === 1 ? currentView().elements[ids[0]] : null;
  const name = (id: string | null | undefined) => (id ? ((currentView().elements[id] as { name?: string } | undefined)?.name ?? '') : '');
  const where = e && 'laneId' in e ? [name(e.laneId) && `lane ${name(e.laneId)}`, name(e.stageId) && `stage ${name(e.stageId)}`].filter(Boolean) : [];
  return ['Moved', ...where].join(', ');
}

const many = (n: number) => (ctx: CommandContext) => ctx.writable && ctx.onCanvas.length >= n;

function align(edge: 'left' | 'centerX' | 'right' | 'top' | 'middleY' | 'bottom', label: string, icon: IconName): Command {
  return { name: `align.${edge}`, label, group: 'Arrange', icon, when: many(2), perform: (ctx) => dispatch('alignElements', { ids: ctx.onCanvas, edge }) };
}

const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

const connectors = (ctx: CommandContext) => ctx.picked.filter((e) => e.kind === 'connector');

/** Order, lock, line up and move what is selected. */
export const arrangeCommands: Command[] = [
  { name: 'bringToFront', label: 'Bring to front', keys: ['Mod+]'], group: 'Arrange', icon: 'front', when: many(1), perform: () => reorder('front') },
  { name: 'sendToBack', label: 'Send to back', keys: ['Mod+['], group: 'Arrange', icon: 'back', when: many(1), perform: () => reorder('back') },
  {
    name: 'lock',
    label: 'Lock / unlock',
    keys: ['Mod+Shift+L'],
    group: 'Arrange',
    icon: (ctx) => (ctx.picked.every((e) => e.locked) ? 'lock' : 'unlock'),
    // The host refuses locks from anyone else (shared/permissions via the host's policy).
    when: (ctx) => ctx.facilitator && ctx.picked.length > 0,
    checked: (ctx) => ctx.picked.length > 0 && ctx.picked.every((e) => e.locked),
    whyNot: (ctx) => (ctx.picked.length > 0 && !ctx.facilitator ? 'Only the facilitator locks and unlocks.' : null),
    perform: toggleLock,
  },
  {
    name: 'nudge',
    label: 'Nudge (Shift: 10×)',
    keys: Object.keys(arrows).flatMap((k) => [k, `Shift+${k}`]),
    keysLabel: 'Arrows',
    group: 'Arrange',
    when: (ctx) => ctx.writable && ctx.onCanvas.length > 0,
    perform: (ctx) => {
      const [dx, dy] = arrows[ctx.key?.key ?? ''] ?? [0, 0];
      const step = ctx.key?.shift ? 10 : 1;
      nudge(dx * step, dy * step);
      announce(movedTo(ctx.onCanvas));
    },
  },
  align('left', 'Align left', 'alignLeft'),
  align('centerX', 'Align centre', 'alignCentre'),
  align('right', 'Align right', 'alignRight'),
  align('top', 'Align top', 'alignTop'),
  align('middleY', 'Align middle', 'alignMiddle'),
  align('bottom', 'Align bottom', 'alignBottom'),
  { name: 'distribute.x', label: 'Distribute horizontally', group: 'Arrange', icon: 'distributeX', when: many(3), perform: (ctx) => dispatch('distributeElements', { ids: ctx.onCanvas, axis: 'x' }) },
  { name: 'distribute.y', label: 'Distribute vertically', group: 'Arrange', icon: 'distributeY', when: many(3), perform: (ctx) => dispatch('distributeElements', { ids: ctx.onCanvas, axis: 'y' }) },
  {
    name: 'connectorRoute',
    label: 'Straight / elbow',
    group: 'Arrange',
    icon: 'elbow',
    when: (ctx) => ctx.writable && connectors(ctx).length > 0,
    perform: (ctx) => {
      const picked = connectors(ctx);
      const allElbow = picked.every((c) => c.kind === 'connector' && c.route === 'elbow');
      dispatch('updateElements', { ids: picked.map((c) => c.id), patch: { route: allElbow ? 'straight' : 'elbow' } });
    },
  },
];
