import type { WebSocket } from 'ws';

/**
 * Every message the host sends a connection goes out at the end of the current turn of the event
 * loop, all of that connection's messages in one write. Each socket write is a system call, and in
 * a room of 400 they are most of the host's work (a CPU profile of `npm run bench:room` at 200
 * people: a sixth of it in writev alone, more than everything else the room does). A busy host
 * reads many messages per turn, so the busier it is the more each write carries; an idle one adds
 * no delay but the rest of the turn. Order per connection is kept.
 */
const queued = new Map<WebSocket, Uint8Array[]>();
/** connections to close once what was sent them before has left */
const closing = new Map<WebSocket, { code: number; reason: string }>();
let scheduled = false;

export function send(ws: WebSocket, message: Uint8Array): void {
  if (ws.readyState !== ws.OPEN) return;
  const q = queued.get(ws);
  if (q) q.push(message);
  else queued.set(ws, [message]);
  schedule();
}

/** Close a connection after the messages sent it so far (a close at once would overtake them). */
export function closeAfterSent(ws: WebSocket, code: number, reason: string): void {
  closing.set(ws, { code, reason });
  schedule();
}

function schedule(): void {
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

const onSent = (ws: WebSocket) => (err?: Error) => {
  if (err) ws.terminate();
};

function flush(): void {
  scheduled = false;
  for (const [ws, messages] of queued) {
    if (ws.readyState !== ws.OPEN) continue;
    // ws keeps its net.Socket as _socket; corked, the frames below leave in one writev.
    const socket = (ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    socket?.cork();
    const done = onSent(ws);
    for (const m of messages) ws.send(m, done);
    socket?.uncork();
  }
  queued.clear();
  for (const [ws, { code, reason }] of closing) ws.close(code, reason);
  closing.clear();
}
