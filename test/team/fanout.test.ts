import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import { Fanout } from '../../electron/host/cluster/fanout.js';
import { NodeMessages } from '../../electron/host/team/nodeMessages.js';
import { testRedisUrl } from '../servers/database.js';
import { freePort } from '../servers/process.js';
import { startRedis } from '../servers/redis.js';

const nodes: Fanout[] = [];
afterEach(() => nodes.splice(0).forEach((n) => n.close()));
async function node(url: string) {
  const n = new Fanout(url);
  nodes.push(n);
  await n.start();
  return n;
}

function oneEdit(change: (doc: Y.Doc) => void): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  change(doc);
  return { doc, update: update! };
}

describe("the team server's fan-out between nodes (a real Redis)", () => {
  it("a node hears the updates another node publishes for a session it has open, and never its own or another session's", async () => {
    const [a, b] = await Promise.all([node(testRedisUrl()), node(testRedisUrl())]);
    expect(a.nodeId).not.toBe(b.nodeId);
    const onA: Uint8Array[] = [];
    const onB: { update: Uint8Array; from: string }[] = [];
    const otherSession: Uint8Array[] = [];
    let wake: (() => void) | null = null;
    const heardByB = (n: number) => new Promise<void>((r) => (onB.length >= n ? r() : (wake = () => onB.length >= n && r())));
    await a.follow('order-to-cash', (update) => onA.push(update));
    await b.follow('order-to-cash', (update, from) => (onB.push({ update, from }), wake?.()));
    await b.follow('another-session', (update) => otherSession.push(update));

    const { doc, update } = oneEdit((d) => d.getMap('meta').set('title', 'Order to cash, as A wrote it'));
    await a.publish('order-to-cash', update);
    await heardByB(1);
    expect(onB).toEqual([{ update, from: a.nodeId }]);
    const bsDoc = new Y.Doc();
    Y.applyUpdate(bsDoc, onB[0].update);
    expect(bsDoc.getMap('meta').toJSON()).toEqual(doc.getMap('meta').toJSON());

    // B publishes, then A: Redis delivers a channel's messages in the order published, so once
    // A's second update reaches B, B's own would have reached it before, had it not been skipped.
    const fromB = oneEdit((d) => d.getMap('meta').set('currency', 'EUR')).update;
    await b.publish('order-to-cash', fromB);
    const again = oneEdit((d) => d.getMap('meta').set('title', 'again')).update;
    await a.publish('order-to-cash', again);
    await heardByB(2);
    expect(onB.map((m) => m.update)).toEqual([update, again]);
    expect(onA).toEqual([fromB]);
    expect(otherSession).toEqual([]);
  });

  it('after Redis is stopped and started again, both nodes resume and updates reach the other node again', async () => {
    const redis = await startRedis();
    try {
      const [a, b] = await Promise.all([node(redis.url), node(redis.url)]);
      const heard: Uint8Array[] = [];
      let wake: (() => void) | null = null;
      await b.follow('s1', (u) => (heard.push(u), wake?.()));
      const arrived = (n: number) => new Promise<void>((r) => (heard.length >= n ? r() : (wake = () => heard.length >= n && r())));
      const first = oneEdit((d) => d.getMap('meta').set('title', 'before the restart')).update;
      await a.publish('s1', first);
      await arrived(1);

      const resumed = Promise.all([a, b].map((n) => new Promise<void>((r) => n.onResumed(r))));
      await redis.stop();
      await redis.start();
      await resumed;

      const second = oneEdit((d) => d.getMap('meta').set('title', 'after the restart')).update;
      await a.publish('s1', second);
      await arrived(2);
      expect(heard).toEqual([first, second]);
    } finally {
      await redis.remove();
    }
  });

  it('a Redis nobody answers on is refused in one line', async () => {
    const port = await freePort();
    const n = new Fanout(`redis://127.0.0.1:${port}`);
    // ioredis retries a refused connection; the first refusal is what start() reports.
    const refused = await n.start().then(
      () => null,
      (e: Error) => e,
    );
    expect(refused?.message).toMatch(/^cannot reach Redis for the team server's fan-out: .*ECONNREFUSED/);
  });
});

describe('JSON messages between nodes (team/nodeMessages.ts, a real Redis)', () => {
  it('a node hears what another tells on the channel as the schema reads it; what is not JSON or not of the schema is dropped with one line, and what follows still arrives', async () => {
    const [a, b] = await Promise.all([node(testRedisUrl()), node(testRedisUrl())]);
    const schema = z.strictObject({ type: z.literal('ended'), sessionId: z.string() });
    const lines: string[] = [];
    const onA = new NodeMessages(a, 'removal', schema, () => {});
    const onB = new NodeMessages(b, 'removal', schema, (_level, line) => void lines.push(line));
    const heard: z.infer<typeof schema>[] = [];
    let wake: (() => void) | null = null;
    await onB.follow((m) => (heard.push(m), wake?.()));
    // A node of another version, and a stray publisher, on the same channel: then one of ours.
    await a.publish('all', new TextEncoder().encode(JSON.stringify({ type: 'ended', sessionId: 42 })), 'removal');
    await a.publish('all', new TextEncoder().encode('not json'), 'removal');
    const arrived = new Promise<void>((r) => (wake = r));
    expect(await onA.publish({ type: 'ended', sessionId: 'order-to-cash' })).toBe(1);
    await arrived;
    expect(heard).toEqual([{ type: 'ended', sessionId: 'order-to-cash' }]);
    expect(lines).toEqual(['a message on the removal channel was not one of ours and was dropped (1 so far)']);
  });
});
