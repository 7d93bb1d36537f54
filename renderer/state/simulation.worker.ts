/// <reference lib="webworker" />
import { caseBands, type CaseBands } from '../../shared/model/caseBands';
import { simulateBoard } from '../../shared/model/simulate';
import type { SimulationReply, SimulationRequest } from './simulationMessages';

/**
 * Runs the business case's simulation (shared/model/simulate.ts) on a thread of its own: on a
 * 2,000-step board 100,000 iterations take a few hundred milliseconds, which the window must not
 * spend. One request at a time; the page drops replies older than its last request.
 */
self.onmessage = (e: MessageEvent<SimulationRequest>) => {
  const { version, input, iterations, board } = e.data;
  try {
    const simulation = simulateBoard(input, { iterations });
    // Each scenario's payback, net value and present value, priced draw by draw, here too: off the window's thread.
    const cases: Record<string, CaseBands> = {};
    for (const sc of input.scenarios) {
      const sim = simulation.scenarios.get(sc.id);
      if (sim) cases[sc.id] = caseBands(sim, sc, board);
    }
    // The per-iteration draws are big: handed over, not copied.
    const buffers = [...simulation.scenarios.values()].flatMap((s) => [s.draws.saving.buffer, s.draws.investment.buffer, s.draws.running.buffer]);
    (self as unknown as Worker).postMessage({ version, ok: true, simulation, cases } satisfies SimulationReply, buffers);
  } catch (err) {
    (self as unknown as Worker).postMessage({ version, ok: false, error: (err as Error).message ?? String(err) } satisfies SimulationReply);
  }
};
