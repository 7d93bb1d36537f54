import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import { create } from 'zustand';
import { HALL_ABOVE, PointerActivity } from '../../shared/sync/pointerActivity';

/**
 * Presence over y-protocols awareness: who is here, their colour, where their pointer is on
 * the board and what they have selected. Never in the Y.Doc. What peers send is untrusted:
 * a state that does not validate is ignored.
 */
const presenceSchema = z.object({
  user: z.object({ name: z.string().min(1).max(60), color: z.string().regex(/^#[0-9a-f]{6}$/i) }),
  cursor: z.object({ x: z.number().min(-1e7).max(1e7), y: z.number().min(-1e7).max(1e7) }).nullable(),
  selection: z.array(z.string().max(64)).max(500),
  /** the centre and width of what this person sees, in board units (followers frame the same) */
  view: z
    .object({ cx: z.number().min(-1e7).max(1e7), cy: z.number().min(-1e7).max(1e7), w: z.number().min(1).max(1e8) })
    .nullable()
    .optional(),
  /** the ledger cell this person is typing into, if any: the others see it in their colour */
  ledgerCell: z
    .object({ stepId: z.string().max(64), column: z.string().max(200) })
    .nullable()
    .optional(),
});
export type Presence = z.infer<typeof presenceSchema>;

export const peerColours = ['#d64545', '#1f6feb', '#2e9e4f', '#c77800', '#8b1e3f', '#7a4bd6', '#0f8b8d', '#b5549b'];

export const usePresence = create<{
  self: number | null;
  peers: Record<number, Presence>;
  /** in a hall (more than HALL_ABOVE people): the pointers drawn, the most active lately; null: everyone's */
  pointers: ReadonlySet<number> | null;
}>(() => ({ self: null, peers: {}, pointers: null }));

/** Cursor updates go out at most ten times a second: forty people moving their mice must not flood the room. */
const CURSOR_INTERVAL_MS = 100;

const NAME_KEY = 'brownpaper.name';

export function savedName(): string | null {
  try {
    return localStorage.getItem(NAME_KEY);
  } catch {
    return null;
  }
}

export function saveName(name: string): void {
  useMyName.setState({ name });
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // private mode: the name lasts for this page only
  }
}

/** This person's own name, for the header and the name prompt to show the same one as it changes. */
export const useMyName = create<{ name: string }>(() => ({ name: savedName() ?? '' }));

/**
 * Whether this browser had no name when the page opened (read before the board gives it a guest
 * name): the board then asks for one, once. Someone who came through the join form has typed one.
 */
let nameWanted = savedName() === null;

export function nameToAsk(): boolean {
  return nameWanted;
}

/** Asked: answered or skipped, the question is not put again. */
export function nameAsked(): void {
  nameWanted = false;
}

/** Who is signed in to the team server in this browser (their facilitator id), and the name each chose on a board here. */
const FACILITATOR_KEY = 'brownpaper.facilitator';
const CHOSEN_KEY = 'brownpaper.facilitatorNames';

function chosenNames(): Record<string, string> {
  try {
    const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(localStorage.getItem(CHOSEN_KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * A facilitator signed in to a team server: the server knows their name (the one their key was
 * issued to, GET /api/me), so the boards they open from its library call them by it and do not
 * ask. A name they chose on a board since is theirs and stays, however often they sign in again
 * (remembered in this browser per facilitator); the next person signing in here gets their own.
 */
export function signedInAs(name: string, facilitator?: string): void {
  const chosen = facilitator ? chosenNames()[facilitator] : undefined;
  const kept = (chosen ?? name).trim().slice(0, 60);
  try {
    if (facilitator) localStorage.setItem(FACILITATOR_KEY, facilitator);
    else localStorage.removeItem(FACILITATOR_KEY);
  } catch {
    // Storage refused: the server's name, for this page only.
  }
  if (kept) saveName(kept);
}

/** Signed out: a name changed on a board from here on is nobody's but this browser's. */
export function signedOut(): void {
  try {
    localStorage.removeItem(FACILITATOR_KEY);
  } catch {
    // nothing kept
  }
}

/** A new name for this person: kept in this browser (and for the facilitator signed in here) and shown to the others at once. */
export function changeName(typed: string): string {
  const name = typed.trim().slice(0, 60) || 'Guest';
  saveName(name);
  setPresenceName(name);
  try {
    const facilitator = localStorage.getItem(FACILITATOR_KEY);
    if (facilitator) localStorage.setItem(CHOSEN_KEY, JSON.stringify({ ...chosenNames(), [facilitator]: name }));
  } catch {
    // private mode: the name lasts for this page only
  }
  return name;
}

let awareness: Awareness | null = null;
let pending: { x: number; y: number } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

export function bindPresence(a: Awareness, name: string): () => void {
  awareness = a;
  const color = peerColours[a.clientID % peerColours.length];
  a.setLocalState({ user: { name, color }, cursor: null, selection: [] } satisfies Presence);
  // Only the states that changed are read again: in a hall of 400 each change names a few.
  const activity = new PointerActivity();
  const read = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const peers = { ...usePresence.getState().peers };
    const now = performance.now();
    for (const id of [...added, ...updated]) {
      if (id === a.clientID) continue;
      const r = presenceSchema.safeParse(a.getStates().get(id));
      if (!r.success) {
        delete peers[id];
        continue;
      }
      const was = peers[id]?.cursor;
      if (r.data.cursor && (r.data.cursor.x !== was?.x || r.data.cursor.y !== was?.y)) activity.moved(id, now);
      peers[id] = r.data;
    }
    for (const id of removed) {
      delete peers[id];
      activity.forget(id);
    }
    const hall = Object.keys(peers).length > HALL_ABOVE;
    usePresence.setState({ self: a.clientID, peers, pointers: hall ? new Set(activity.choose(now)) : null });
  };
  a.on('change', read);
  usePresence.setState({ peers: {}, pointers: null });
  read({ added: [...a.getStates().keys()], updated: [], removed: [] });
  return () => {
    a.off('change', read);
    if (timer) clearTimeout(timer);
    awareness = null;
  };
}

function setPresenceName(name: string): void {
  const s = awareness?.getLocalState() as Presence | null;
  if (awareness && s) awareness.setLocalState({ ...s, user: { ...s.user, name } });
}

/** Where this person's pointer is on the board (throttled to CURSOR_INTERVAL_MS). */
export function sharePointer(x: number, y: number): void {
  pending = { x: Math.round(x), y: Math.round(y) };
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    if (awareness && pending) awareness.setLocalStateField('cursor', pending);
  }, CURSOR_INTERVAL_MS);
}

let pendingView: { cx: number; cy: number; w: number } | null = null;
let viewTimer: ReturnType<typeof setTimeout> | null = null;

/** While presenting, the view goes out about 30 times a second, so the room's screens move with the presenter's. */
const PRESENTING_VIEW_INTERVAL_MS = 33;

/** What this person sees (throttled like the pointer, or faster while presenting), so others can follow. */
export function shareView(cx: number, cy: number, w: number, presenting = false): void {
  pendingView = { cx: Math.round(cx), cy: Math.round(cy), w: Math.round(w) };
  if (viewTimer) return;
  viewTimer = setTimeout(
    () => {
      viewTimer = null;
      if (awareness && pendingView) awareness.setLocalStateField('view', pendingView);
    },
    presenting ? PRESENTING_VIEW_INTERVAL_MS : CURSOR_INTERVAL_MS,
  );
}

/** The ledger cell this person types into (null when they stop), for the others' ledgers to mark. */
export function shareLedgerCell(cell: { stepId: string; column: string } | null): void {
  awareness?.setLocalStateField('ledgerCell', cell);
}

export function shareSelection(selection: string[]): void {
  awareness?.setLocalStateField('selection', selection.slice(0, 500));
}
