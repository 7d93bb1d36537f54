import type * as Y from 'yjs';
import { idSchema } from '../model/ids.js';
import { scenariosMap } from '../model/scenario.js';
import { ValidationError } from '../model/validation.js';

/**
 * The scenario a new step is made in: the to-be picked on the board, so the step exists only
 * there (scenarioSteps.ts); null or left out for the as-is map. The renderer passes it.
 */
export const toBeArg = { scenarioId: idSchema.nullable().optional() };

/** The scenario id a new step gets; a scenario that is not on the board is refused, and nothing is made. */
export function toBeScenario(doc: Y.Doc, scenarioId: string | null | undefined): string | null {
  if (scenarioId === null || scenarioId === undefined) return null;
  if (!scenariosMap(doc).has(scenarioId)) throw new ValidationError(`scenarioId: no scenario ${scenarioId} on this board; the step was not added`);
  return scenarioId;
}
