import { elementsMap, fieldOf, readElement } from '../../../shared/model/board.js';
import { absoluteBox } from '../../../shared/model/grid.js';
import type { Box } from '../../../shared/model/geometry.js';
import { newId } from '../../../shared/model/ids.js';
import { newNote } from '../../../shared/model/note.js';
import { hostOrigin } from '../../../shared/model/origins.js';
import {
  inPrivateArea,
  MAX_PRIVATE_CARDS,
  MAX_PRIVATE_CARDS_EACH,
  openPrivateRound,
  privateAreaBox,
  readPrivateRounds,
  writePrivateRound,
  type MyPrivateCards,
  type PrivateArea,
  type PrivateCardRequest,
  type PrivateRound,
  type PrivateRoundRequest,
} from '../../../shared/model/privateRound.js';
import { longText } from '../../../shared/model/fields.js';
import { addNote } from '../../../shared/operations/addCard.js';
import { boardGrid } from '../../../shared/operations/boardGrid.js';
import { privateRoundRefusal } from '../../../shared/permissions.js';
import type { Role } from '../../../shared/session.js';
import type { StoredPrivateCard } from '../store/privateCards.js';
import type { AsyncStore } from '../store/asyncStore.js';
import { tokenHash } from '../store/tokens.js';
import type { Rooms } from '../sync/rooms.js';
import * as Y from 'yjs';

export type PrivateResult<T = unknown> = { ok: true; body: T } | { ok: false; status: number; error: string };

const refuse = (status: number, error: string): { ok: false; status: number; error: string } => ({ ok: false, status, error });
/** A new private card's size: a sticky note's, which it becomes on the reveal. */
const cardSize = (() => {
  const n = newNote({ x: 0, y: 0, order: 'a0' });
  return { w: n.w, h: n.h };
})();
const LONG_TEXT_MAX = longText.maxLength ?? 20_000;

/**
 * Private rounds, run by the host so what people write stays theirs until the reveal: the cards
 * are rows in the store (PrivateCardStore), given back only to their author; the doc carries the
 * round, its counts and blank placeholders (privateRoundsMap, host origin). The facilitator
 * starts, reveals and cancels; participants and the facilitator write their own cards.
 * Written over the asynchronous store: on a team server a card is written through any node and
 * kept in PostgreSQL. Starting, revealing and every card go through Rooms.exclusive: the board
 * read with everything committed by any node and the session locked until the change is, so a
 * card is either in the reveal or refused (the round is over), never cleared unshown.
 */
export class PrivateRounds {
  constructor(
    private readonly store: AsyncStore,
    private readonly rooms: Rooms,
  ) {}

  mine(sessionId: string, token: string): Promise<MyPrivateCards> {
    return this.rooms.withLoaded(sessionId, async (room) => {
      const round = openPrivateRound(readPrivateRounds(room.doc));
      return { roundId: round?.id ?? null, cards: round ? (await this.store.privateCards.mine(sessionId, round.id, tokenHash(token))).map(plain) : [] };
    });
  }

  /** The facilitator's actions on a round: start, reveal, cancel. */
  async run(sessionId: string, role: Role, req: PrivateRoundRequest, now = Date.now()): Promise<PrivateResult> {
    const refusal = privateRoundRefusal(role, 'run', req.action);
    if (refusal) return refuse(403, refusal);
    // Under the session's lock, on the board with everything committed (Rooms.exclusive): a card
    // written through another node is in the store before this reads the round's cards, or is
    // written after the round is over and refused.
    let ended: string | null = null;
    const result = await this.rooms.exclusive(sessionId, async (board): Promise<PrivateResult> => {
      const rounds = readPrivateRounds(board);
      if (req.action === 'start') {
        if (openPrivateRound(rounds)) return refuse(409, 'a private round is on already; reveal or cancel it first');
        const name = areaName(board, req.area);
        if (name === null) return refuse(400, `area: ${req.area.kind} ${'id' in req.area ? req.area.id : ''} is not on this board`);
        const round: PrivateRound = {
          id: newId(),
          area: req.area,
          areaName: name,
          othersSee: req.othersSee,
          status: 'open',
          startedAt: now,
          endedAt: null,
          anonymous: null,
          written: 0,
          writers: 0,
          placeholders: [],
        };
        board.transact(() => writePrivateRound(board, round), hostOrigin);
        return { ok: true, body: { roundId: round.id } };
      }
      const round = rounds.find((r) => r.id === req.roundId);
      if (!round) return refuse(404, `roundId: no private round ${req.roundId}`);
      if (round.status !== 'open') return refuse(409, `this private round is ${round.status === 'revealed' ? 'revealed' : 'cancelled'} already`);
      const cards = await this.store.privateCards.all(sessionId, round.id);
      if (req.action === 'cancel') {
        board.transact(() => writePrivateRound(board, { ...round, status: 'cancelled', endedAt: now, placeholders: [] }), hostOrigin);
      } else {
        // One transaction: every card onto the board as a note, through the operation that adds
        // notes, and the round marked revealed. Anonymous: no signature, one colour, shuffled, so
        // neither the order nor the colour says whose a card is.
        const shown = req.anonymous ? shuffle(cards) : cards;
        board.transact(() => {
          for (const c of shown) {
            const text = req.anonymous || !c.authorName ? c.text : `${c.text}\n— ${c.authorName}`.slice(0, LONG_TEXT_MAX);
            addNote.run(board, { x: c.x, y: c.y, text, color: req.anonymous ? 'yellow' : c.color }, { origin: hostOrigin, now });
          }
          writePrivateRound(board, { ...round, status: 'revealed', endedAt: now, anonymous: req.anonymous, placeholders: [] });
        }, hostOrigin);
      }
      ended = round.id;
      return { ok: true, body: { roundId: round.id, cards: cards.length } };
    });
    // The round's end is committed: any card written from now on finds it over, so the rest go.
    if (ended) await this.store.privateCards.clear(sessionId, ended);
    return result;
  }

  /** A writer's actions on their own cards; answers with all of their cards. */
  async write(sessionId: string, role: Role, token: string, req: PrivateCardRequest, now = Date.now()): Promise<PrivateResult<MyPrivateCards>> {
    const refusal = privateRoundRefusal(role, 'write');
    if (refusal) return refuse(403, refusal);
    const author = tokenHash(token);
    // Under the session's lock (see run): the round read here is the round as committed.
    return this.rooms.exclusive(sessionId, async (board): Promise<PrivateResult<MyPrivateCards>> => {
      const round = openPrivateRound(readPrivateRounds(board));
      if (!round) return refuse(409, 'no private round is on');
      const cards = this.store.privateCards;
      const area = areaBoxNow(board, round.area);
      if (area === 'gone') return refuse(409, 'the private round’s area is no longer on the board');
      if (req.action === 'add') {
        if (req.roundId !== round.id) return refuse(409, 'roundId: that private round is over');
        const box = { x: req.x, y: req.y, ...cardSize };
        if (!inPrivateArea(area, box)) return refuse(400, `x, y: the card is outside ${round.areaName}, where the private round is`);
        if ((await cards.mine(sessionId, round.id, author)).length >= MAX_PRIVATE_CARDS_EACH)
          return refuse(409, `you have written ${MAX_PRIVATE_CARDS_EACH} cards in this round, the most one person may`);
        if (round.written >= MAX_PRIVATE_CARDS) return refuse(409, `this round holds ${MAX_PRIVATE_CARDS} cards, the most it may`);
        await cards.add(sessionId, round.id, { id: newId(), ...box, text: req.text ?? '', color: req.color ?? 'yellow', author, authorName: req.author?.trim() ?? '', createdAt: now });
      } else {
        const card = await cards.get(sessionId, round.id, req.id);
        // Someone else's card answers as a missing one: its existence is not to be probed.
        if (!card || card.author !== author) return refuse(404, `id: you have no private card ${req.id} in this round`);
        if (req.action === 'edit') await cards.edit(card.id, req.text);
        else if (req.action === 'move') {
          if (!inPrivateArea(area, { x: req.x, y: req.y, w: card.w, h: card.h })) return refuse(400, `x, y: the card would leave ${round.areaName}, where the private round is`);
          await cards.move(card.id, req.x, req.y);
        } else await cards.remove(card.id);
      }
      // Text edits change nothing anyone else sees: the doc is written only when the counts or
      // the placeholders change (writePrivateRound skips unchanged fields).
      if (req.action !== 'edit') {
        const all = await cards.all(sessionId, round.id);
        const next: PrivateRound = {
          ...round,
          written: all.length,
          writers: new Set(all.map((c) => c.author)).size,
          placeholders: round.othersSee === 'placeholders' ? all.map(({ id, x, y, w, h }) => ({ id, x, y, w, h })) : [],
        };
        board.transact(() => writePrivateRound(board, next), hostOrigin);
      }
      const answer: MyPrivateCards = { roundId: round.id, cards: (await cards.mine(sessionId, round.id, author)).map(plain) };
      return { ok: true, body: answer };
    });
  }
}

const plain = ({ id, x, y, w, h, text, color }: StoredPrivateCard) => ({ id, x, y, w, h, text, color });

function frameBoxIn(doc: Y.Doc): (id: string) => Box | null {
  const grid = boardGrid(doc);
  return (id) => {
    const m = elementsMap(doc).get(id);
    if (!(m instanceof Y.Map) || m.get('kind') !== 'frame') return null;
    const r = readElement(id, m);
    return r.ok && r.value.kind === 'frame' ? absoluteBox(r.value, grid) : null;
  };
}

function areaBoxNow(doc: Y.Doc, area: PrivateArea): Box | null | 'gone' {
  return privateAreaBox(area, boardGrid(doc), frameBoxIn(doc));
}

/** The area's name as the banner says it, or null when it is not on the board. */
function areaName(doc: Y.Doc, area: PrivateArea): string | null {
  if (area.kind === 'board') return 'the whole board';
  const m = elementsMap(doc).get(area.id);
  if (!(m instanceof Y.Map) || m.get('kind') !== area.kind) return null;
  const name = String(fieldOf(m, 'name') ?? '').trim();
  return `${area.kind === 'frame' ? 'frame' : 'lane'} “${(name || (area.kind === 'frame' ? 'Frame' : 'Lane')).slice(0, 180)}”`;
}

function shuffle<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0] % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
