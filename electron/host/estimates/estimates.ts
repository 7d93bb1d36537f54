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
import type { Store } from '../store/store.js';
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
 * panel uses, in the same transaction as the spread.
 */
export class Estimates {
  constructor(
    private readonly store: Store,
    private readonly rooms: Rooms,
  ) {}

  /** How many different people are connected who may answer (a person with two windows counts once). */
  private people(room: Room): number {
    return new Set([...room.peers].filter((p) => may(p.role, 'answerEstimate')).map((p) => p.token)).size;
  }

  /** The estimate's counts as they stand: answers so far, and people here (never fewer than have answered). */
  private counts(sessionId: string, room: Room, id: string): Pick<Estimate, 'answered' | 'people'> {
    const answered = this.store.estimateAnswers.answered(sessionId, id);
    return { answered, people: Math.max(answered, this.people(room)) };
  }

  private find(room: Room, estimateId: string): Estimate | null {
    return readEstimates(room.doc).find((e) => e.id === estimateId) ?? null;
  }

  mine(sessionId: string, token: string): MyEstimateAnswer {
    return this.rooms.with(sessionId, (room) => {
      const open = openEstimate(readEstimates(room.doc));
      return { estimateId: open?.id ?? null, value: open ? this.store.estimateAnswers.mine(sessionId, open.id, tokenHash(token)) : null };
    });
  }

  ask(sessionId: string, role: Role, req: AskedEstimate, now = Date.now()): EstimateResult<{ estimateId: string }> {
    const refusal = estimateRefusal(role, 'ask');
    if (refusal) return refuse(403, refusal);
    return this.rooms.with(sessionId, (room) => {
      const step = elementsMap(room.doc).get(req.stepId);
      if (step?.get('kind') !== 'step') return refuse(400, `stepId: ${req.stepId} is not a step on this board`);
      if (fieldOf(step, 'locked') === true) return refuse(409, 'that step is locked: unlock it first, so the estimate can be written into it');
      if (req.scenarioId !== null && !scenariosMap(room.doc).has(req.scenarioId)) return refuse(400, `scenarioId: no to-be ${req.scenarioId} on this board`);
      const id = newId();
      // One estimate at a time: asking cancels the one still open (nothing of it is written).
      room.doc.transact(() => {
        const open = openEstimate(readEstimates(room.doc));
        if (open) writeEstimate(room.doc, { ...open, status: 'cancelled' });
        writeEstimate(room.doc, { id, ...req, status: 'open', askedAt: now, revealedAt: null, answered: 0, people: this.people(room), result: null });
      }, hostOrigin);
      return { ok: true, body: { estimateId: id } };
    });
  }

  answer(sessionId: string, role: Role, token: string, req: { estimateId: string; text: string }, now = Date.now()): EstimateResult<MyEstimateAnswer> {
    const refusal = estimateRefusal(role, 'answer');
    if (refusal) return refuse(403, refusal);
    return this.rooms.with(sessionId, (room) => {
      const estimate = this.find(room, req.estimateId);
      if (!estimate) return refuse(404, `estimateId: no estimate ${req.estimateId}`);
      if (estimate.status !== 'open') return refuse(409, estimate.status === 'revealed' ? 'the answers are revealed; answering is over' : 'this estimate was cancelled');
      const parsed = parseAnswer(estimate.field, req.text, readMeta(room.doc) ?? boardDefaults);
      if (!parsed.ok) return refuse(400, parsed.error);
      this.store.estimateAnswers.answer(sessionId, estimate.id, tokenHash(token), parsed.value, now);
      room.doc.transact(() => writeEstimate(room.doc, { ...estimate, ...this.counts(sessionId, room, estimate.id) }), hostOrigin);
      return { ok: true, body: { estimateId: estimate.id, value: parsed.value } };
    });
  }

  reveal(sessionId: string, role: Role, estimateId: string, now = Date.now()): EstimateResult<{ estimateId: string; written: boolean }> {
    const refusal = estimateRefusal(role, 'reveal');
    if (refusal) return refuse(403, refusal);
    return this.rooms.with(sessionId, (room) => {
      const estimate = this.find(room, estimateId);
      if (!estimate) return refuse(404, `estimateId: no estimate ${estimateId}`);
      if (estimate.status !== 'open') return refuse(409, estimate.status === 'revealed' ? 'this estimate is revealed already' : 'this estimate was cancelled');
      const result = spreadOf(this.store.estimateAnswers.values(sessionId, estimateId), decimalsOf(estimate.field));
      let written = false;
      try {
        room.doc.transact(() => {
          written = result !== null && writeIntoStep(room.doc, estimate, result);
          writeEstimate(room.doc, { ...estimate, ...this.counts(sessionId, room, estimateId), status: 'revealed', revealedAt: now, result });
        }, hostOrigin);
      } catch (e) {
        // The step changed under the question (a figure the spread no longer fits): say so, write nothing.
        if (e instanceof ValidationError) return refuse(409, `the spread could not be written into the step: ${e.message}`);
        throw e;
      }
      return { ok: true, body: { estimateId, written } };
    });
  }

  cancel(sessionId: string, role: Role, estimateId: string): EstimateResult<{ estimateId: string }> {
    const refusal = estimateRefusal(role, 'cancel');
    if (refusal) return refuse(403, refusal);
    return this.rooms.with(sessionId, (room) => {
      const estimate = this.find(room, estimateId);
      if (!estimate) return refuse(404, `estimateId: no estimate ${estimateId}`);
      if (estimate.status !== 'open') return refuse(409, estimate.status === 'revealed' ? 'this estimate is revealed already' : 'this estimate was cancelled already');
      room.doc.transact(() => writeEstimate(room.doc, { ...estimate, status: 'cancelled' }), hostOrigin);
      return { ok: true, body: { estimateId } };
    });
  }
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
