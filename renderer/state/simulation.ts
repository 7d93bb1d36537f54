import { create } from 'zustand';
import type { BoardElement } from '../../shared/model/board';
import { rangedFields, highField, lowField } from '../../shared/model/range';
import type { CaseBands } from '../../shared/model/caseBands';
import { boardDefaults } from '../../shared/model/board';
import { hasRanges, simulationInput, type Simulation } from '../../shared/model/simulate';
import { elementList, useBoard } from './boardStore';
import type { SimulationReply, SimulationRequest } from './simulationMessages';

/** Iterations per run: what the issue asks for, and what the command line draws too. */
const simulationIterations = 100_000;
/** A burst of edits (typing, dragging) runs the simulation once, this long after the last one. */
const DEBOUNCE_MS = 150;

export interface SimulationState {
  /** the board holds a range somewhere: its totals are bands once `result` is in */
  ranged: boolean;
  /** the last simulation of the board (of this edit or, while the next runs, of one a moment ago); null without ranges */
  result: Simulation | null;
  /** each scenario's business case as bands (caseBands.ts), by scenario id, with `result` */
  cases: Record<string, CaseBands>;
  /** why the last run failed, one line; null when it did not */
  error: string | null;
}

const idle: SimulationState = { ranged: false, result: null, cases: {}, error: null };
/** The business case's P10 / P50 / P90, written only by bindSimulation; components read it. */
export const useSimulation = create<SimulationState>(() => idle);

/** The fields of an element the simulation reads: a change to any other (a move, a title) does not run it again. */
const readFields: Partial<Record<BoardElement['kind'], readonly string[]>> = {
  step: ['costMode', 'firstTimeRight', 'scenarioId', 'stageId', ...rangedFields.flatMap((f) => [f, lowField(f), highField(f)])],
  stage: ['order'],
  connector: ['fromId', 'toId'],
};

function figuresChanged(prev: Record<string, BoardElement>, next: Record<string, BoardElement>): boolean {
  for (const id in next) {
    const a = prev[id];
    const b = next[id];
    if (a === b) continue;
    const fields = readFields[b.kind];
    if (!a) {
      if (fields) return true;
      continue;
    }
    if (fields?.some((f) => (a as unknown as Record<string, unknown>)[f] !== (b as unknown as Record<string, unknown>)[f])) return true;
  }
  for (const id in prev) if (!(id in next) && readFields[prev[id].kind]) return true;
  return false;
}

/**
 * Keeps the simulation in step with the board: reads the board store (which only bindBoard
 * writes), and a short while after the figures change sends the board to the simulation worker;
 * a reply for an older board is dropped. A board without ranges is not simulated at all: its
 * figures stay exact. Returns the unbind function.
 */
export function bindSimulation(store = useBoard): () => void {
  let worker: Worker | null = null;
  let version = 0;
  /** a run is on the worker: the next waits for it, so edits faster than runs do not queue up */
  let busy = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const start = () => {
    const w = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<SimulationReply>) => {
      busy = false;
      const reply = e.data;
      if (reply.version === version)
        useSimulation.setState(reply.ok ? { result: reply.simulation, cases: reply.cases, error: null } : { result: null, cases: {}, error: `The ranges could not be simulated: ${reply.error}` });
      if (again) run();
    };
    // A worker that failed is not trusted again: the next edit starts a new one.
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      worker = null;
      busy = false;
      useSimulation.setState({ result: null, cases: {}, error: `The ranges could not be simulated: ${e.message}` });
    };
    return w;
  };

  const run = () => {
    timer = null;
    if (busy) {
      again = true;
      return;
    }
    again = false;
    const { elements, scenarios, meta } = store.getState();
    const { period, discountRate } = meta ?? boardDefaults;
    version++;
    // Whether to simulate at all, on the snapshot's list the cost view made already: the worker's
    // input, sorted for a run that repeats, is made only for a board that has a range.
    const { all, steps } = elementList(elements);
    if (!hasRanges({ steps, stages: [], connectors: [], scenarios })) {
      useSimulation.setState(idle);
      return;
    }
    const input = simulationInput(all, scenarios);
    useSimulation.setState({ ranged: true });
    worker ??= start();
    busy = true;
    worker.postMessage({ version, input, iterations: simulationIterations, board: { period, discountRate } } satisfies SimulationRequest);
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.scenarios !== prev.scenarios ||
      s.meta?.period !== prev.meta?.period ||
      s.meta?.discountRate !== prev.meta?.discountRate ||
      (s.elements !== prev.elements && figuresChanged(prev.elements, s.elements))
    )
      schedule();
  });
  run();
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    worker?.terminate();
    useSimulation.setState(idle);
  };
}
