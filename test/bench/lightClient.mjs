// A light client of the y-websocket protocol, for loads of hundreds of people on one machine:
// a raw `ws` socket that writes edits and moves a pointer without a Y.Doc of its own. Its edits
// are Yjs updates encoded by hand (one new key of a top-level map each: no origins to look up),
// and what it receives is only counted: the edits by the key each carries, presence by the
// states each awareness message holds. Used by `npm run bench:room` and test/host/room.test.ts.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

const SYNC = 0;
const AWARENESS = 1;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
/** A Yjs Item whose parent is named and which has a key (parentSub), content "any" (ref 8). */
const ITEM_IN_ROOT_MAP = 0x20 | 8;

/** Wall-clock milliseconds with sub-ms precision, comparable across worker threads. */
export const wallNow = () => performance.timeOrigin + performance.now();

/** The key an edit writes: who, which of their edits, and when it was sent (read back by every receiver). */
export const editKey = (who, seq, at = wallNow()) => `e${who}.${seq}@${at.toFixed(3)}`;
const editKeys = /e(\d+)\.(\d+)@(\d+\.\d+)/g;

/** A Yjs update (V1) setting `map[key] = value` from `client` at `clock`: what Y.Map#set encodes for a new key. */
export function encodeMapSet(client, clock, map, key, value) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client's structs
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, ITEM_IN_ROOT_MAP);
  encoding.writeVarUint(e, 1); // the parent is a root type, by name
  encoding.writeVarString(e, map);
  encoding.writeVarString(e, key);
  encoding.writeVarUint(e, 1); // one value
  encoding.writeAny(e, value);
  encoding.writeVarUint(e, 0); // an empty delete set
  return encoding.toUint8Array(e);
}

function frame(type, write) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

export class LightClient {
  /** edits received: `${who}.${seq}` → ms from send to arrival (only the first arrival counts) */
  received = new Map();
  awarenessMessages = 0;
  /** sync update messages received (a hall's host sends its edits once a tick) */
  updateMessages = 0;
  /** states received per client id (all awareness messages together) */
  statesFrom = new Map();
  clock = 0;
  awarenessClock = 0;
  /** resolves once the host has sent its sync step 1 (the room has taken us in) */
  opened;
  /** called after each message received (tests wait on it) */
  onChange = () => {};

  /**
   * @param url ws://…/sync/<session>?token=… (or the stock server's ws://…/<room>)
   * @param who a small number naming this client in edit keys
   * @param options clientId (awareness and Yjs client id), map (the top-level map edits go to),
   *   localAddress (a loopback address of its own: the host counts connections per address)
   */
  constructor(url, who, { clientId, map, localAddress, name = `Person ${who}` } = {}) {
    this.who = who;
    this.whoText = String(who);
    this.clientId = clientId ?? 1_000_000 + who;
    this.map = map;
    this.name = name;
    this.ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: HTTP ${res.statusCode}`)));
      this.resolveOpened = resolve;
    });
    this.ws.on('message', (data) => {
      this.onMessage(data);
      this.onChange();
    });
  }

  onMessage(data) {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === SYNC) {
      const st = decoding.readVarUint(d);
      if (st === STEP1) {
        // The host asks what we have that it lacks: nothing but what we have sent.
        this.ws.send(frame(SYNC, (e) => (encoding.writeVarUint(e, STEP2), encoding.writeVarUint8Array(e, new Uint8Array([0, 0])))));
        this.resolveOpened();
        return;
      }
      if (st !== UPDATE && st !== STEP2) return;
      if (st === UPDATE) this.updateMessages++;
      const now = wallNow();
      const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
      for (const m of text.matchAll(editKeys)) {
        const id = `${m[1]}.${m[2]}`;
        if (m[1] !== this.whoText && !this.received.has(id)) this.received.set(id, now - Number(m[3]));
      }
    } else if (type === AWARENESS) {
      this.awarenessMessages++;
      const u = decoding.createDecoder(decoding.readVarUint8Array(d));
      for (let n = decoding.readVarUint(u); n > 0; n--) {
        const id = decoding.readVarUint(u);
        decoding.readVarUint(u);
        decoding.readVarString(u);
        this.statesFrom.set(id, (this.statesFrom.get(id) ?? 0) + 1);
      }
    }
  }

  /** One edit: a new key of the map, its value the edit's number. Returns the key. */
  edit(seq) {
    const key = editKey(this.who, seq);
    const update = encodeMapSet(this.clientId, this.clock++, this.map, key, seq);
    this.send(frame(SYNC, (e) => (encoding.writeVarUint(e, UPDATE), encoding.writeVarUint8Array(e, update))));
    return key;
  }

  /** The pointer moves: this person's whole presence state, as the web client sends it. */
  move(x, y) {
    const state = JSON.stringify({ user: { name: this.name, color: '#1f6feb' }, cursor: { x: Math.round(x), y: Math.round(y) }, selection: [] });
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, this.clientId);
    encoding.writeVarUint(update, ++this.awarenessClock);
    encoding.writeVarString(update, state);
    this.send(frame(AWARENESS, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(update))));
  }

  send(message) {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  close() {
    this.ws.terminate();
  }
}
