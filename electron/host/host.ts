import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { newToken } from './store/tokens.js';
import { WebSocketServer } from 'ws';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { handleApi, sameSecret } from './http/api.js';
import { asyncOverSqlite } from './store/sqliteAsync.js';
import { computerUser, ownerService, type Owner } from './owner.js';
import { setSecurityHeaders } from './http/securityHeaders.js';
import { requestPath } from './http/requestPath.js';
import { limits, type ConnectionLimits } from './limits.js';
import { ConnectionCount } from './sync/connectionCount.js';
import { serveStatic, webRootMissingPage } from './http/staticFiles.js';
import { stderrLogger, type Logger } from './log.js';
import { openStore, type Store } from './store/store.js';
import { authorizeUpgrade } from './sync/auth.js';
import { serveConnection } from './sync/connection.js';
import type { Peer } from './sync/room.js';
import { Rooms } from './sync/rooms.js';
import { forgetOldBases } from './sync/earlierEpochs.js';
import { joinRoom } from './sync/joinRoom.js';
import { startWalSync } from './store/walSync.js';
import { DailyBackups } from './store/dailyBackups.js';
import { writeHostFile, removeHostFile, readHostFile } from './hostFile.js';
import { JoinCodes } from './join/joinCodes.js';
import { FailureLimiter } from './join/rateLimit.js';
import { Voting } from './voting/voting.js';
import { Estimates } from './estimates/estimates.js';
import { PrivateRounds } from './privateRounds/privateRounds.js';
import { History } from './history/history.js';
import { AutomaticCheckpoints } from './history/automaticCheckpoints.js';
import { hostOrigin } from '../../shared/model/origins.js';
import { renameSession } from '../../shared/operations/renameSession.js';
import { HostError } from './hostError.js';
import { copyDoc } from './export/copyDoc.js';
import { hostingState, lanInterfaces, openLan, roomAddress, type LanListener } from './lan.js';
import type { HostingState, StartHosting } from '../../shared/hosting.js';

/** A frame larger than this closes the connection (ws answers 1009); see limits.ts. */
const MAX_MESSAGE_BYTES = limits.messageBytes;

export interface HostOptions {
  dataDir: string;
  port: number;
  /** Address to listen on; 127.0.0.1 unless the facilitator hosts on the LAN. */
  bind?: string;
  /** The built web client (dist/web). */
  webRoot: string;
  /** Turn on the owner API (session list/create) with this key; `true` makes one up. */
  owner?: string | true;
  logger?: Logger;
  /** Accept the shared sync benchmark's own top-level maps (`brownpaper host --bench`); never in a workshop. */
  benchMaps?: boolean;
  /** Lower connection limits than limits.ts's (tests reach their edge with a few sockets). */
  connectionLimits?: ConnectionLimits;
  /** The SQLite binding to load (the desktop app's Electron build); Node's own when absent. */
  nativeBinding?: string;
  /** The daily backup's first run, in ms after the start (a minute; tests set it to reach it). */
  firstBackupAfterMs?: number;
}

export interface Host {
  /** http://ADDRESS:PORT as bound */
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  readonly ownerToken: string | null;
  /** Hosting on the network for the people in the room (this machine is always served on `url`). */
  readonly hosting: {
    state(): HostingState;
    start(options: StartHosting): Promise<HostingState>;
    /** Close the network listener, disconnect everyone who came through it, end the join codes. */
    stop(): Promise<HostingState>;
  };
  /** The owner's actions (session list, hosting), for the desktop's IPC and the HTTP owner routes. */
  readonly owner: Owner;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<Host> {
  const logger = options.logger ?? stderrLogger;
  const bind = options.bind ?? '127.0.0.1';
  const webRoot = options.webRoot;
  const ownerToken = options.owner === true ? newToken() : (options.owner ?? null);
  await refuseSecondHost(options.dataDir);
  const store = openStore(options.dataDir, { create: true, nativeBinding: options.nativeBinding });
  /** the same store for the code the team server shares (http/, voting/, estimates/, privateRounds/, history/): each call committed when it resolves */
  const asyncStore = asyncOverSqlite(store);
  const rooms = new Rooms(store.updates, logger, store.sessions);
  const walSync = startWalSync(store.db.name);
  const backups = new DailyBackups(options.dataDir, logger);
  const codes = new JoinCodes();
  const limiter = new FailureLimiter(limits.joinFailuresPerWindow, limits.joinFailureWindowMs);
  const voting = new Voting(asyncStore, rooms);
  const estimates = new Estimates(asyncStore, rooms);
  const privateRounds = new PrivateRounds(asyncStore, rooms);
  const automaticCheckpoints = new AutomaticCheckpoints(store);
  const history = new History(asyncStore, rooms, Date.now, (sessionId, at) => automaticCheckpoints.kept(sessionId, at));
  const connections = new ConnectionCount(options.connectionLimits ?? limits);
  /** Remove a person: revoke the token they joined with and close every connection that used it. */
  const kick = (sessionId: string, clientId: number): boolean => {
    const room = rooms.get(sessionId);
    const peer = room && [...room.peers].find((p) => p.awarenessIds.has(clientId));
    if (!room || !peer) return false;
    store.tokens.revoke(peer.token);
    for (const p of [...room.peers]) if (p.token === peer.token) p.ws.close(closeCodes.revoked, 'removed by the facilitator');
    logger('info', `session ${sessionId}: removed ${peer.role} ${peer.tokenHint}`);
    return true;
  };
  /** A copy of a session's board as it is now, for an export made after this turn (the room may unload meanwhile). */
  const boardCopy = (sessionId: string) => rooms.with(sessionId, (room) => copyDoc(room.doc));
  let localUrl = '';
  /** where people in the room reach this host (`--bind 0.0.0.0`: the Wi-Fi/Ethernet address) */
  let roomUrl = '';
  let lan: LanListener | null = null;
  const publicUrl = () => lan?.url ?? roomUrl;

  const hosting: Host['hosting'] = {
    state: () => hostingState(lan),
    async start(options) {
      if (lan) await hosting.stop();
      lan = await openLan(onRequest(true), onUpgrade(true), options);
      logger('info', `hosting on the network at ${lan.url}`);
      return hostingState(lan);
    },
    async stop() {
      if (!lan) return hostingState(null);
      const closing = lan;
      lan = null;
      codes.clear();
      for (const ws of wss.clients) if (remote.has(ws)) ws.close(closeCodes.hostingStopped, 'the facilitator stopped hosting');
      await closing.close();
      logger('info', 'stopped hosting on the network');
      return hostingState(null);
    },
  };

  const owner = ownerService(store, hosting, {
    disconnect(sessionId) {
      for (const p of [...(rooms.get(sessionId)?.peers ?? [])]) p.ws.close(closeCodes.sessionDeleted, 'the session was moved to the trash');
    },
    // The board's title is the session's: written into the doc (the room keeps the list in step), so everyone in it sees the new one.
    rename(sessionId, title) {
      rooms.with(sessionId, (room) => renameSession.run(room.doc, { title }, { origin: hostOrigin, now: Date.now() }));
    },
  });
  // What has been in the trash for 30 days goes for good, once per start.
  const purged = store.sessions.purgeExpired();
  if (purged) logger('info', `removed ${purged} session${purged === 1 ? '' : 's'} deleted more than 30 days ago`);
  void forgetOldBases(store.updates, logger);

  const ownerRefusal = 'this needs the owner key (the link `brownpaper host --owner` prints, or the desktop app)';
  const ownerKey = { matches: (key: string) => ownerToken !== null && sameSecret(key, ownerToken), refusal: ownerRefusal, whose: () => ({ name: computerUser() }) };
  const noOwner = { matches: () => false, refusal: ownerRefusal, whose: () => ({ name: '' }) };

  /** Connections that came in over the network listener, closed when hosting stops. */
  const remote = new WeakSet<import('ws').WebSocket>();

  const onRequest =
    (viaLan: boolean): http.RequestListener =>
    (req, res) => {
      setSecurityHeaders(res);
      if (requestPath(req) === null) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('malformed address\n');
        return;
      }
      // The owner API (session list, hosting) answers only on this machine's own listener.
      handleApi(req, res, {
        store: asyncStore,
        dataDir: path.dirname(store.db.name),
        codes,
        limiter,
        kick,
        publicUrl,
        localUrl: () => localUrl,
        ownerKey: viaLan ? noOwner : ownerKey,
        voting,
        estimates,
        privateRounds,
        history,
        owner,
        boardCopy,
      })
        .then((handled) => {
          if (handled) return;
          if (req.method !== 'GET' && req.method !== 'HEAD') {
            res.writeHead(405).end();
            return;
          }
          if (!fs.existsSync(webRoot)) return webRootMissingPage(res, webRoot);
          serveStatic(webRoot, req, res);
        })
        .catch((e: Error) => {
          logger('error', `HTTP ${req.method} ${req.url}: ${e.message}`);
          if (!res.headersSent) res.writeHead(500).end();
        });
    };

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const onUpgrade = (viaLan: boolean) => (req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
    const auth = requestPath(req) === null ? ({ ok: false, status: 400, reason: 'malformed address' } as const) : authorizeUpgrade(req, store);
    const place = auth.ok ? connections.admit(auth.sessionId, req.socket.remoteAddress ?? '') : auth;
    if (!place.ok) {
      logger('warn', `refused a sync connection from ${req.socket.remoteAddress}: ${place.reason}`);
      socket.end(`HTTP/1.1 ${place.status} ${http.STATUS_CODES[place.status]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${place.reason}\n`);
      return;
    }
    if (!auth.ok) return;
    socket.once('close', place.release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (viaLan) remote.add(ws);
      const peer: Peer = { ws, role: auth.role, token: auth.token, tokenHint: auth.token.slice(0, 6), awarenessIds: new Set(), epoch: auth.epoch };
      void joinRoom(rooms, ws, auth.sessionId, logger, (room) => {
        automaticCheckpoints.watch(room);
        serveConnection(ws, room, peer, logger, () => rooms.release(room), { benchMaps: options.benchMaps });
      });
    });
  };
  const server = http.createServer(onRequest(false));
  server.on('upgrade', onUpgrade(false));

  // Start-up is all or nothing: from here on, a failure closes what was opened (listener, rooms,
  // WAL sync, database) before it is reported, so no half-started host stays alive on a port
  // nobody was told about.
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      void lan?.close();
      lan = null;
      for (const ws of wss.clients) ws.close(closeCodes.goingAway, 'the host is shutting down');
      void rooms.closeAll();
      wss.close();
      server.close(() => {
        removeHostFile(options.dataDir, process.pid);
        void Promise.all([walSync.stop(), backups.stop()]).finally(() => {
          // Closing the last connection checkpoints the log into the database file and syncs it.
          store.close();
          resolve();
        });
      });
      server.closeAllConnections();
    });
    return closing;
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      void close();
      if (e.code === 'EADDRINUSE') reject(new HostError(`port ${options.port} is already in use on ${bind}`));
      else if (e.code === 'EADDRNOTAVAIL') reject(new HostError(`cannot listen on ${bind}: no such address on this machine`));
      else if (e.code === 'EACCES') reject(new HostError(`not allowed to listen on ${bind}:${options.port}`));
      else reject(new HostError(`cannot listen on ${bind}:${options.port}: ${e.message}`));
    };
    server.once('error', onError);
    server.listen(options.port, bind, () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (e) => logger('error', `HTTP server: ${e.message}`));
  const { port } = server.address() as AddressInfo;
  const hostPart = bind.includes(':') ? `[${bind}]` : bind;
  const url = `http://${hostPart}:${port}`;
  // A host bound to every interface is reached at 127.0.0.1 from this machine, and at its
  // Wi-Fi/Ethernet address from the room; hosting.start adds a network listener to a host
  // bound to 127.0.0.1 (the desktop app's), and join links then carry its address.
  const everywhere = bind === '0.0.0.0' || bind === '::';
  localUrl = everywhere ? `http://127.0.0.1:${port}` : url;
  roomUrl = everywhere ? `http://${roomAddress(lanInterfaces()) ?? '127.0.0.1'}:${port}` : url;
  try {
    writeHostFile(options.dataDir, { url: localUrl, pid: process.pid });
  } catch (e) {
    await close();
    throw new HostError(`cannot write ${path.join(path.resolve(options.dataDir), 'host.json')}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  backups.start(options.firstBackupAfterMs);

  return { url, port, store, ownerToken, hosting, owner, close };
}

/**
 * One host per data dir: a second one (another `brownpaper host`, or the app beside the CLI's
 * host) would serve the same sessions with two diverging docs. The first is named by its
 * host.json when its process is alive and its address still answers; a stale file (a crash,
 * a process id reused after a restart) does not block the start.
 */
async function refuseSecondHost(dataDir: string): Promise<void> {
  const first = readHostFile(dataDir);
  if (!first || first.pid === process.pid) return;
  const answers = await fetch(first.url, { signal: AbortSignal.timeout(1500) }).then(
    () => true,
    () => false,
  );
  if (answers) throw new HostError(`another Brownpaper host (process ${first.pid}, ${first.url}) already serves ${path.resolve(dataDir)}; stop it first or use another --data`);
}
