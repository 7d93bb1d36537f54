import type { CaseBands } from '../../shared/model/caseBands';
import type { Period } from '../../shared/model/money';
import type { Simulation, SimulationInput } from '../../shared/model/simulate';

/** What the page asks the simulation worker (simulation.worker.ts), and what it answers. */
export interface SimulationRequest {
  /** the board's edit count when asked: a reply for an older one is dropped */
  version: number;
  input: SimulationInput;
  iterations: number;
  /** what prices a scenario's draws into its business case (caseBands.ts) */
  board: { period: Period; discountRate: number };
}
export type SimulationReply = { version: number } & ({ ok: true; simulation: Simulation; cases: Record<string, CaseBands> } | { ok: false; error: string });
