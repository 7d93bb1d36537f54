import * as Y from 'yjs';
import { localOrigin, templateOrigin } from '../model/origins.js';
import type { TemplateId } from '../model/board.js';
import { initBoard } from './initBoard.js';
import type { OperationContext } from './types.js';

/** A bare board for operation tests: no UI, no host. */
export function boardFrom(template: TemplateId = 'blank'): Y.Doc {
  const doc = new Y.Doc();
  initBoard.run(doc, { title: 'Test', template }, { origin: templateOrigin, now: 1 });
  return doc;
}

export const ctx: OperationContext = { origin: localOrigin, now: 1000 };

/** Exchange everything two docs have, both ways, as a reconnect would. */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}
