import { gridKinds, isElementKind } from './model/kinds.js';
import type { VoteRequest } from './model/vote.js';
import type { Role } from './session.js';

// Who may change what, in one place. The host asks it of every update a connection sends
// (electron/host/sync/policy.ts turns the update into touches), the renderer asks it before it
// runs an operation (renderer/commands/dispatch.ts, from the operation's own `touches`), and
// the UI asks `may` to decide what to offer. Pure: no Yjs, no DOM.

/**
 * An element record a change touches: `kind` and `locked` as the board has them now (a new
 * one: its kind, unlocked, id 'new' when not known yet); `locks` when the change locks or
 * unlocks it.
 */
export interface ElementTouch {
  on: 'element';
  id: string;
  kind: string | null;
  locked: boolean;
  locks?: true;
}

/** One thing a change touches. */
export type Touch =
  | ElementTouch
  /** a key of the session's meta (title, currency, …) */
  | { on: 'meta'; key: string }
  /** the facilitation state: timer, grid lock, presenter, "bring everyone here" */
  | { on: 'facilitation' }
  /** the voting rounds: only the host writes them */
  | { on: 'votes' }
  /** the estimates asked of the room: only the host writes them */
  | { on: 'estimates' }
  /** the private rounds: only the host writes them */
  | { on: 'privateRounds' }
  /** the cost scenarios */
  | { on: 'scenarios' };

/** The board state the rules read. */
export interface BoardState {
  gridLocked: boolean;
}

/** What a person may do, as the UI offers it. */
export type Action =
  /** change anything on the board at all */
  | 'changeBoard'
  | 'renameSession'
  /** lock and unlock elements */
  | 'lock'
  /** timer, grid lock, presenting, bringing everyone here */
  | 'facilitate'
  /** change lanes, stages and lines while the grid is locked */
  | 'changeLockedGrid'
  /** change an element that is locked */
  | 'changeLocked'
  /** place and take back dots */
  | 'placeDots'
  /** start, reveal and close a vote */
  | 'runVote'
  /** invite people (join codes, links) and remove them */
  | 'invite'
  /** answer an estimate the facilitator asked of the room */
  | 'answerEstimate'
  /** ask the room for an estimate, reveal its spread, cancel it */
  | 'askEstimate'
  /** start, reveal and cancel a private round */
  | 'runPrivateRound'
  /** write one's own cards during a private round */
  | 'writePrivate'
  /** import a step list from a spreadsheet (lanes, stages and steps at once) */
  | 'importSteps';

const allowed: Record<Action, readonly Role[]> = {
  changeBoard: ['facilitator', 'participant'],
  renameSession: ['facilitator'],
  lock: ['facilitator'],
  facilitate: ['facilitator'],
  changeLockedGrid: ['facilitator'],
  changeLocked: ['facilitator'],
  placeDots: ['facilitator', 'participant'],
  runVote: ['facilitator'],
  invite: ['facilitator'],
  answerEstimate: ['facilitator', 'participant'],
  askEstimate: ['facilitator'],
  runPrivateRound: ['facilitator'],
  writePrivate: ['facilitator', 'participant'],
  importSteps: ['facilitator'],
};

export function may(role: Role | null | undefined, action: Action): boolean {
  return !!role && allowed[action].includes(role);
}

/** Why a change is refused: the rule it breaks, and the one line the host logs and the stock provider gets. */
export interface Refusal {
  rule: 'viewer' | 'votes' | 'estimates' | 'privateRounds' | 'lock' | 'facilitation' | 'rename' | 'locked' | 'gridLocked';
  message: string;
}

/**
 * Whether `role` may make a change that touches `touches` on a board in `state`; null when it
 * may. The first rule broken wins, in this order:
 * - a viewer changes nothing;
 * - nobody writes the votes, the estimates nor the private rounds: the host itself does
 *   (electron/host/voting, electron/host/estimates, electron/host/privateRounds);
 * - the facilitator may do everything else;
 * - only the facilitator locks and unlocks, runs the facilitation state and renames the session;
 * - nobody else changes a locked element, nor — while the grid is locked — a lane, stage or
 *   line (adding one included).
 */
export function why(role: Role, touches: readonly Touch[], state: BoardState): Refusal | null {
  if (!may(role, 'changeBoard')) return { rule: 'viewer', message: 'a viewer cannot change the board' };
  if (touches.some((t) => t.on === 'votes')) return { rule: 'votes', message: 'votes are placed through the host, not written to the board' };
  if (touches.some((t) => t.on === 'estimates')) return { rule: 'estimates', message: 'estimates are answered through the host, not written to the board' };
  if (touches.some((t) => t.on === 'privateRounds')) return { rule: 'privateRounds', message: 'private rounds are run by the host, not written to the board' };
  if (role === 'facilitator') return null;
  const elements = touches.filter((t) => t.on === 'element');
  if (!may(role, 'lock') && elements.some((t) => t.locks)) return { rule: 'lock', message: 'only the facilitator locks and unlocks' };
  if (!may(role, 'facilitate') && touches.some((t) => t.on === 'facilitation')) return { rule: 'facilitation', message: 'only the facilitator runs the timer, the grid lock and the presentation' };
  if (!may(role, 'renameSession') && touches.some((t) => t.on === 'meta' && t.key === 'title')) return { rule: 'rename', message: 'only the facilitator renames the session' };
  for (const t of elements) {
    if (t.locked && !may(role, 'changeLocked')) return { rule: 'locked', message: `element ${t.id} is locked` };
    if (state.gridLocked && t.kind !== null && isElementKind(t.kind) && gridKinds.has(t.kind) && !may(role, 'changeLockedGrid'))
      return { rule: 'gridLocked', message: `the grid is locked: ${t.kind} ${t.id} cannot change` };
  }
  return null;
}

/** `why`'s message alone: what the host logs and sends back with "permission denied". */
export function refusal(role: Role, touches: readonly Touch[], state: BoardState): string | null {
  return why(role, touches, state)?.message ?? null;
}

/** What the person sees in a toast when their own window refuses a change. */
export const refusalToasts: Record<Refusal['rule'], string> = {
  viewer: 'You are watching: this link does not change the board.',
  votes: 'Dots are placed by clicking cards during a vote.',
  estimates: 'Estimates are answered in the estimate panel.',
  privateRounds: 'The facilitator starts and reveals a private round.',
  lock: 'Only the facilitator locks and unlocks.',
  facilitation: 'Only the facilitator runs the timer, the grid lock and the presentation.',
  rename: 'Only the facilitator renames the session.',
  locked: 'That is locked: the facilitator has fixed it in place.',
  gridLocked: 'The facilitator has locked the grid: lanes, stages and lines stay as they are',
};

/** Whether `role` may start, reveal or close a vote, or place a dot: null when it may, else the refusal. */
export function voteRefusal(role: Role, action: VoteRequest['action']): string | null {
  if (!may(role, 'placeDots')) return 'a viewer does not vote';
  const runs = action === 'start' || action === 'reveal' || action === 'close';
  if (runs && !may(role, 'runVote')) return `only the facilitator may ${action} a vote`;
  return null;
}

/** Whether `role` may ask, answer, reveal or cancel an estimate: null when it may, else the refusal. */
export function estimateRefusal(role: Role, action: 'ask' | 'answer' | 'reveal' | 'cancel'): string | null {
  if (!may(role, 'answerEstimate')) return 'a viewer does not answer estimates';
  if (action !== 'answer' && !may(role, 'askEstimate')) return `only the facilitator may ${action} an estimate`;
  return null;
}

/** Whether `role` may run a private round (start, reveal, cancel) or write its own private cards: null when it may. */
export function privateRoundRefusal(role: Role, action: 'run' | 'write', verb = 'start'): string | null {
  if (!may(role, 'writePrivate')) return 'a viewer does not write on the board';
  if (action === 'run' && !may(role, 'runPrivateRound')) return `only the facilitator may ${verb} a private round`;
  return null;
}

/** What a facilitator does with a session of a team server's library. */
export type TeamSessionAction = 'open' | 'rename' | 'duplicate' | 'delete';

/**
 * On a team server, whether a facilitator may do `action` to a session, by whether they made it
 * (`mine`) or a colleague did (or nobody known did: sessions from before owners were kept). Every
 * facilitator of the server may open, rename, copy and delete every session of it — a colleague's
 * workshop included, to co-facilitate it; "Mine" in the library only chooses what they see first.
 * The host asks it before opening a session for a facilitator (team/teamApi.ts), the library
 * before it offers an action on a card.
 */
const teamSessionActions: Record<TeamSessionAction, { mine: boolean; colleagues: boolean }> = {
  open: { mine: true, colleagues: true },
  rename: { mine: true, colleagues: true },
  duplicate: { mine: true, colleagues: true },
  delete: { mine: true, colleagues: true },
};

export function mayOnTeamSession(action: TeamSessionAction, mine: boolean): boolean {
  return mine ? teamSessionActions[action].mine : teamSessionActions[action].colleagues;
}
