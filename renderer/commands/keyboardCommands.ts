import { boardHasFocus, focusBoard } from '../canvas/boardFocus';
import { cardBeside, cardsInReadingOrder, describeCard } from '../canvas/readingOrder';
import { bringIntoView } from '../canvas/zoom';
import { announce } from '../state/announcer';
import { currentView } from '../state/boardView';
import { useBoard } from '../state/boardStore';
import { castVote, takesVote, useMyVotes } from '../state/votingStore';
import { useUi } from '../state/uiStore';
import { onePicked } from './context';
import { dispatch } from './dispatch';
import type { Command, CommandContext } from './types';

// The board without a mouse: from card to card in reading order, an arrow to the next step, a
// dot in a vote, the selection's bar. Each says on the board's status line what it did.

/** The card Tab (or Shift+Tab) goes to from the selection; null past the last (the focus then leaves the board). */
function beside(ctx: CommandContext, by: 1 | -1) {
  const from = ctx.onCanvas.length ? ctx.onCanvas[by === 1 ? ctx.onCanvas.length - 1 : 0] : null;
  return cardBeside(currentView(), from, by);
}

function selectCard(ctx: CommandContext, by: 1 | -1): void {
  const card = beside(ctx, by);
  if (!card) return;
  useUi.setState({ selection: [card.id], editingId: null });
  const box = currentView().boxes.get(card.id);
  if (box) bringIntoView(box);
  announce(`Selected ${describeCard(currentView(), card)}`);
}

/** The step after the one selected, in reading order (lane, stage, order). */
function nextStep(ctx: CommandContext) {
  const one = onePicked(ctx);
  if (one?.kind !== 'step') return null;
  const steps = cardsInReadingOrder(currentView()).filter((c) => c.kind === 'step');
  return steps[steps.findIndex((s) => s.id === one.id) + 1] ?? null;
}

const titleOf = (e: { kind: string; title?: string }) => `‘${(e.title ?? '').trim() || 'untitled'}’`;

const voteOpen = (ctx: CommandContext) => {
  const one = onePicked(ctx);
  return !!one && takesVote(one.id);
};

export const keyboardCommands: Command[] = [
  {
    name: 'nextCard',
    label: 'Next card',
    keys: ['Tab'],
    passesKey: true,
    group: 'Edit',
    when: (ctx) => ctx.boardFocused && !!beside(ctx, 1),
    perform: (ctx) => selectCard(ctx, 1),
  },
  {
    name: 'previousCard',
    label: 'Previous card',
    keys: ['Shift+Tab'],
    passesKey: true,
    group: 'Edit',
    when: (ctx) => ctx.boardFocused && !!beside(ctx, -1),
    perform: (ctx) => selectCard(ctx, -1),
  },
  {
    name: 'connectNext',
    label: 'Arrow to the next step',
    keys: ['Shift+C'],
    group: 'Edit',
    when: (ctx) => ctx.writable && !!nextStep(ctx),
    whyNot: (ctx) => (ctx.writable && onePicked(ctx)?.kind === 'step' ? 'This is the last step: there is no next one to draw an arrow to.' : null),
    perform: (ctx) => {
      const from = onePicked(ctx)!;
      const to = nextStep(ctx)!;
      const exists = Object.values(useBoard.getState().elements).some((e) => e.kind === 'connector' && e.fromId === from.id && e.toId === to.id);
      if (exists) return announce(`${titleOf(from)} already has an arrow to ${titleOf(to)}`);
      dispatch('addConnector', { fromId: from.id, toId: to.id });
      // On to the next step, so pressing again draws the flow on.
      useUi.setState({ selection: [to.id] });
      const box = currentView().boxes.get(to.id);
      if (box) bringIntoView(box);
      announce(`Arrow from ${titleOf(from)} to ${titleOf(to)}; selected ${describeCard(currentView(), to)}`);
    },
  },
  {
    name: 'placeDot',
    label: 'Place a dot (vote)',
    keys: ['O'],
    group: 'Edit',
    when: voteOpen,
    whyNot: () => (useBoard.getState().rounds.some((r) => r.status === 'open') ? 'Select a card that is part of the vote, then press O.' : null),
    perform: (ctx) => {
      castVote(onePicked(ctx)!.id, false, true);
      announce(`Dot placed on ${titleOf(onePicked(ctx) as { kind: string; title?: string })}`);
    },
  },
  {
    name: 'takeBackDot',
    label: 'Take a dot back (vote)',
    keys: ['Shift+O'],
    group: 'Edit',
    when: (ctx) => voteOpen(ctx) && useMyVotes.getState().dots.includes(onePicked(ctx)!.id),
    perform: (ctx) => {
      castVote(onePicked(ctx)!.id, true, true);
      announce(`Dot taken back from ${titleOf(onePicked(ctx) as { kind: string; title?: string })}`);
    },
  },
  {
    name: 'toSelectionBar',
    label: 'To the selection’s bar (flags, value class)',
    keys: ['Alt+F10'],
    group: 'Edit',
    when: (ctx) => ctx.picked.length > 0,
    perform: () => document.querySelector<HTMLElement>('.selection-toolbar button, .selection-toolbar select')?.focus(),
  },
];

/** Escape in a bar or panel over the board: back to the board, where Tab goes on from the selected card. */
export function backToBoard(e: { key: string; stopPropagation(): void }): void {
  if (e.key !== 'Escape' || boardHasFocus()) return;
  e.stopPropagation();
  focusBoard();
}
