import type { Simulation, SimulationInput } from '../../shared/model/simulate';

/** What the page asks the simulation worker (simulation.worker.ts), and what it answers. */
export interface SimulationRequest {
  /** the board's edit count when asked: a reply for an older one is dropped */
  version: number;
  input: SimulationInput;
  iterations: number;
}
export type SimulationReply = { version: number } & ({ ok: true; simulation: Simulation } | { ok: false; error: string });
