import { may } from '../../../../shared/permissions.js';
import { StepListError, readStepTable } from '../../import/readStepTable.js';
import { ApiError, type Handlers } from './types.js';

/** A step list's file read for the import dialog (electron/host/import): the table of cells, nothing written. */
export const importingHandlers: Handlers<'readStepList'> = {
  readStepList: async ({ req, role, body }) => {
    if (!may(role, 'importSteps')) throw new ApiError(403, 'only the facilitator imports a step list');
    const query = new URL(req.url ?? '/', 'http://host').searchParams;
    const name = (query.get('name') ?? 'the file').slice(0, 200);
    try {
      return await readStepTable(body, name, query.get('sheet') ?? undefined);
    } catch (e) {
      if (e instanceof StepListError) throw new ApiError(400, e.message);
      throw e;
    }
  },
};
