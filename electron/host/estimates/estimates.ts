import type * as Y from 'yjs';
import { boardDefaults, elementsMap, fieldOf, readMeta } from '../../../shared/model/board.js';
import { estimatedBy, openEstimate, readEstimates, writeEstimate, type AskedEstimate, type Estimate, type MyEstimateAnswer } from '../../../shared/model/estimate.js';
import { parseAnswer } from '../../../shared/model/estimateAnswer.js';
import { decimalsOf, spreadOf, unitForSpread } from '../../../shared/model/estimateSpread.js';
import { newId } from '../../../shared/model/ids.js';
import { hostOrigin } from '../../../shared/model/origins.js';
import { evidenceField, highField, lowField, sourceField } from '../../../shared/model/range.js';
import { scenariosMap } from '../../../shared/model/scenario.js';
import { ValidationError } from '../../../shared/model/validation.js';
import { setOverride, setStepCost } from '../../../shared/operations/costs.js';
import { estimateRefusal, may } from '../../../shared/permissions.js';
import type { Role } from '../../../shared/session.js';
import type { AsyncStore } from '../store/asyncStore.js';
import { tokenHash } from '../store/tokens.js';
import type { Room } from '../sync/room.js';
import type { Rooms } from '../sync/rooms.js';

export type EstimateResult<T = unknown> = { ok: true; body: T } | { ok: false; status: number; error: string };

const refuse = (status: number, error: string): EstimateResult<never> => ({ ok: false, status, error });

/**
 * Estimates from the floor, run by the host so answers stay secret until the reveal, the way
 * dot-voting ballots do: an answer is a row in the store (EstimateAnswerStore); the doc carries
 * the question, how many have answered and, once revealed, the spread. The reveal writes the
 * median as the likely figure and min/max as its range, with evidence `estimate` and "estimated
 * by N people", into the step (or the to-be's override) through the same operation the details
 * panel uses, in the same transaction as the spread. Over the asynchronous store: on a team
 * server through any node, each doc write committed to PostgreSQL before every node relays it.
 * `people` counts who is connected and may answer, on every node of a team server
 * (team/peopleAcrossNodes.ts asks the others).
 */
export class Estimates {
  constructor(
    private readonly store: AsyncStore,
    private readonly rooms: Rooms,
    /** everyone in the session who may answer (token hashes): on the desktop the room's, on a team server every node's */
    private readonly everyone: PeopleInSession = async (sessionId) => mayAnswerHere(sessionId, rooms),
  ) {}

  /** How many different people are connected who may answer (a person with two windows counts once). */
  private async people(sessionId: string): Promise<number> {
    return (await this.everyone(sessionId)).length;
  }

  /** The estimate's counts as they stand: answers so far, and people here (never fewer than have answered). */
  private async counts(sessionId: string, id: string): Promise<Pick<Estimate, 'answered' | 'people'>> {
    const [answered, people] = await Promise.all([this.store.estimateAnswers.answered(sessionId, id), this.people(sessionId)]);
    return { answered, people: Math.max(answered, people) };
  }

  private find(room: Room, estimateId: string): Estimate | null {
    return readEstimates(room.doc).find((e) => e.id === estimateId) ?? null;
  }

  mine(sessionId: string, token: string): Promise<MyEstimateAnswer> {
    return this.rooms.withLoaded(sessionId, async (room) => {
      const open = openEstimate(readEstimates(room.doc));
      return { estimateId: open?.id ?? null, value: open ? await this.store.estimateAnswers.mine(sessionId, open.id, tokenHash(token)) : null };
    });
  }

  async ask(sessionId: string, role: Role, req: AskedEstimate, now = Date.now()): Promise<EstimateResult<{ estimateId: string }>> {
    const refusal = estimateRefusal(role, 'ask');
    if (refusal) return refuse(403, refusal);
    return this.rooms.withLoaded(sessionId, async (room): Promise<EstimateResult<{ estimateId: string }>> => {
      const people = await this.people(sessionId);
      const step = elementsMap(room.doc).get(req.stepId);
      if (step?.get('kind') !== 'step') return refuse(400, `stepId: ${req.stepId} is not a step on this board`);
      if (fieldOf(step, 'locked') === true) return refuse(409, 'that step is locked: unlock it first, so the estimate can be written into it');
      if (req.scenarioId !== null && !scenariosMap(room.doc).has(req.scenarioId)) return refuse(400, `scenarioId: no to-be ${req.scenarioId} on this board`);
      const id = newId();
      // One estimate at a time: asking cancels the one still open (nothing of it is written).
      room.doc.transact(() => {
        const open = openEstimate(readEstimates(room.doc));
        if (open) writeEstimate(room.doc, { ...open, status: 'cancelled' });
        writeEstimate(room.doc, { id, ...req, status: 'open', askedAt: now, revealedAt: null, answered: 0, people, result: null });
      }, hostOrigin);
      return { ok: true, body: { estimateId: id } };
    });
  }

  async answer(sessionId: string, role: Role, token: string, req: { estimateId: string; text: string }, now = Date.now()): Promise<EstimateResult<MyEstimateAnswer>> {
    const refusal = estimateRefusal(role, 'answer');
    if (refusal) return refuse(403, refusal);
    return this.rooms.withLoaded(sessionId, async (room): Promise<EstimateResult<MyEstimateAnswer>> => {
      const estimate = this.find(room, req.estimateId);
      if (!estimate) return refuse(404, `estimateId: no estimate ${req.estimateId}`);
      if (estimate.status !== 'open') return refuse(409, estimate.status === 'revealed' ? 'the answers are revealed; answering is over' : 'this estimate was cancelled');
      const parsed = parseAnswer(estimate.field, req.text, readMeta(room.doc) ?? boardDefaults);
      if (!parsed.ok) return refuse(400, parsed.error);
      await this.store.estimateAnswers.answer(sessionId, estimate.id, tokenHash(token), parsed.value, now);
      const counts = await this.counts(sessionId, estimate.id);
      // As it is now: revealed or cancelled meanwhile (another node), its counts stay as they were.
      const current = this.find(room, estimate.id);
      if (current?.status === 'open') room.doc.transact(() => writeEstimate(room.doc, { ...current, ...counts }), hostOrigin);
      return { ok: true, body: { estimateId: estimate.id, value: parsed.value } };
    });
  }

  async reveal(sessionId: string, role: Role, estimateId: string, now = Date.now()): Promise<EstimateResult<{ estimateId: string; written: boolean }>> {
    const refusal = estimateRefusal(role, 'reveal');
    if (refusal) return refuse(403, refusal);
    return this.rooms.withLoaded(sessionId, async (room): Promise<EstimateResult<{ estimateId: string; written: boolean }>> => {
      const values = await this.store.estimateAnswers.values(sessionId, estimateId);
      const counts = await this.counts(sessionId, estimateId);
      // Checked after the store has answered, on the doc as it is then.
      const estimate = this.find(room, estimateId);
      if (!estimate) return refuse(404, `estimateId: no estimate ${estimateId}`);
      if (estimate.status !== 'open') return refuse(409, estimate.status === 'revealed' ? 'this estimate is revealed already' : 'this estimate was cancelled');
      const result = spreadOf(values, decimalsOf(estimate.field));
      let written = false;
      try {
        room.doc.transact(() => {
          written = result !== null && writeIntoStep(room.doc, estimate, result);
          writeEstimate(room.doc, { ...estimate, ...counts, status: 'revealed', revealedAt: now, result });
        }, hostOrigin);
      } catch (e) {
        // The step changed under the question (a figure the spread no longer fits): say so, write nothing.
        if (e instanceof ValidationError) return refuse(409, `the spread could not be written into the step: ${e.message}`);
        throw e;
      }
      return { ok: true, body: { estimateId, written } };
    });
  }

  async cancel(sessionId: string, role: Role, estimateId: string): Promise<EstimateResult<{ estimateId: string }>> {
    const refusal = estimateRefusal(role, 'cancel');
    if (refusal) return refuse(403, refusal);
    return this.rooms.withLoaded(sessionId, (room): EstimateResult<{ estimateId: string }> => {
      const estimate = this.find(room, estimateId);
      if (!estimate) return refuse(404, `estimateId: no estimate ${estimateId}`);
      if (estimate.status !== 'open') return refuse(409, estimate.status === 'revealed' ? 'this estimate is revealed already' : 'this estimate was cancelled already');
      room.doc.transact(() => writeEstimate(room.doc, { ...estimate, status: 'cancelled' }), hostOrigin);
      return { ok: true, body: { estimateId } };
    });
  }
}

/** Who is in a session and may answer an estimate: their token hashes (a person with two windows is one). */
export type PeopleInSession = (sessionId: string) => Promise<string[]>;

/** This host's (or node's) own people in a session who may answer. */
export function mayAnswerHere(sessionId: string, rooms: Rooms): string[] {
  const peers = rooms.get(sessionId)?.peers ?? [];
  return [...new Set([...peers].filter((p) => may(p.role, 'answerEstimate')).map((p) => tokenHash(p.token)))];
}

/**
 * The spread into the figure it was asked for, with the operation the details panel uses: the
 * median as the likely figure, min and max as its range when the answers differ (else no
 * range), evidence `estimate`, source "estimated by N people". A wait or process time is shown
 * in the unit its answers read best in. False when nothing was written (the step is gone or locked).
 */
function writeIntoStep(doc: Y.Doc, estimate: Estimate, spread: { n: number; min: number; median: number; max: number }): boolean {
  const f = estimate.field;
  const ranged = spread.min !== spread.max;
  const values = {
    [f]: spread.median,
    [lowField(f)]: ranged ? spread.min : null,
    [highField(f)]: ranged ? spread.max : null,
    [evidenceField(f)]: 'estimate',
    [sourceField(f)]: estimatedBy(spread.n),
  };
  const ctx = { origin: hostOrigin, now: Date.now() };
  if (estimate.scenarioId !== null) return setOverride.run(doc, { scenarioId: estimate.scenarioId, stepId: estimate.stepId, values: values as never }, ctx);
  const unit = f === 'waitMinutes' ? { waitUnit: unitForSpread(spread) } : f === 'processMinutes' ? { processUnit: unitForSpread(spread) } : {};
  return setStepCost.run(doc, { id: estimate.stepId, patch: { ...values, ...unit } }, ctx);
}
