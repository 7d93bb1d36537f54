import type * as Y from 'yjs';
import { readBoard } from '../../shared/model/board.js';
import type { Step } from '../../shared/model/step.js';
import type { hostPerTest } from './host.js';

type PerTest = ReturnType<typeof hostPerTest>;

/** The sample info-request board on this test's host, and invites to it. */
export function sampleSession(t: PerTest) {
  const session = t.host().store.sessions.create({ title: 'Info request', template: 'sample-info-request' });
  const token = (role: 'participant' | 'facilitator') => t.host().store.tokens.issue(session.id, role);
  return { session, token };
}

export const stepsOf = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e): e is Step => e.kind === 'step');
/** A step of the sample by its title, as the people in these tests name it. */
export const stepNamed = (doc: Y.Doc, title: string) => stepsOf(doc).find((s) => s.title === title)!;

/** The code and reason the host closes this client's connection with. */
export function nextClose(c: ReturnType<PerTest['client']>): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => c.provider.once('connection-close', (e: { code: number; reason: string } | null) => resolve({ code: e?.code ?? 0, reason: e?.reason ?? '' })));
}
