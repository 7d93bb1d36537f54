import type * as Y from 'yjs';
import { z } from 'zod';
import { metaMap } from '../model/board.js';
import { sessionTitleSchema } from '../session.js';
import { defineOperation } from './types.js';

/**
 * The facilitator renames the session (meta.title). The host keeps its session list in step
 * with it and refuses the change from anyone else (electron/host/sync/policy.ts).
 */
export const renameSession = defineOperation({
  name: 'renameSession',
  label: 'session title',
  args: z.strictObject({ title: sessionTitleSchema }),
  touches: () => [{ on: 'meta', key: 'title' }],
  run(doc: Y.Doc, { title }, ctx): boolean {
    const meta = metaMap(doc);
    if (meta.get('title') === title) return false;
    doc.transact(() => meta.set('title', title), ctx.origin);
    return true;
  },
});
