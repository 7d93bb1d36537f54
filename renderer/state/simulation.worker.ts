/// <reference lib="webworker" />
import { simulateBoard } from '../../shared/model/simulate';
import type { SimulationReply, SimulationRequest } from './simulationMessages';

/**
 * Runs the business case's simulation (shared/model/simulate.ts) on a thread of its own: on a
 * 2,000-step board 100,000 iterations take a few hundred milliseconds, which the window must not
 * spend. One request at a time; the page drops replies older than its last request.
 */
self.onmessage = (e: MessageEvent<SimulationRequest>) => {
  const { version, input, iterations } = e.data;
  try {
    const simulation = simulateBoard(input, { iterations });
    // The per-iteration draws are big: handed over, not copied.
    const buffers = [...simulation.scenarios.values()].flatMap((s) => [s.draws.saving.buffer, s.draws.investment.buffer, s.draws.running.buffer]);
    (self as unknown as Worker).postMessage({ version, ok: true, simulation } satisfies SimulationReply, buffers);
  } catch (err) {
    (self as unknown as Worker).postMessage({ version, ok: false, error: (err as Error).message ?? String(err) } satisfies SimulationReply);
  }
};
