import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { closeCodes } from '../../../shared/sync/closeCodes.js';
import { Fanout } from '../cluster/fanout.js';
import { HostError } from '../hostError.js';
import { clientAddress, trustedProxySet } from '../http/clientAddress.js';
import { requestPath } from '../http/requestPath.js';
import { setSecurityHeaders } from '../http/securityHeaders.js';
import { serveStatic, webRootMissingPage } from '../http/staticFiles.js';
import { limits } from '../limits.js';
import { stderrLogger, type Logger } from '../log.js';
import { openPostgresStore, type PostgresStore } from '../store/postgres/store.js';
import { readUpgrade, withRole, type AuthResult } from '../sync/auth.js';
import { ConnectionCount } from '../sync/connectionCount.js';
import { serveConnection } from '../sync/connection.js';
import { forgetOldBases } from '../sync/earlierEpochs.js';
import { joinRoom } from '../sync/joinRoom.js';
import type { Peer } from '../sync/room.js';
import { Rooms } from '../sync/rooms.js';
import { WrongCodesInRedis } from './wrongCodesInRedis.js';
import { PeopleAcrossNodes } from './peopleAcrossNodes.js';
import { mayAnswerHere } from '../estimates/estimates.js';
import { AutomaticCheckpointsOnce } from '../history/automaticCheckpointsOnce.js';
import { DatabaseReach } from './databaseReach.js';
import { Removals } from './removals.js';
import { teamApi } from './teamApi.js';
import { TeamLibrary } from './teamLibrary.js';
import { nodeCluster } from './nodeLink.js';

export interface TeamServerOptions {
  port: number;
  bind: string;
  /** postgres://… : sessions, logs and tokens */
  postgres: string;
  /** redis://… : the other nodes */
  redis: string;
  /** the built web client (dist/web) */
  webRoot: string;
  /** where people reach the nodes (the load balancer's address), for the links the API hands out; this node's own address when absent */
  publicUrl?: string;
  /** the load balancers' addresses, whose X-Forwarded-For names the person (http/clientAddress.ts) */
  trustedProxies?: readonly string[];
  logger?: Logger;
}

export interface TeamServer {
  /** http://ADDRESS:PORT as bound */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * One node of a team server (issue 21): the desktop host's sync endpoint and web client, with
 * the sessions in PostgreSQL and the other nodes reached through Redis. Each room commits a
 * turn's updates to PostgreSQL, then relays them to its clients and publishes them for the same
 * session's rooms on the other nodes (write before relay, as on the desktop). Start-up is all or
 * nothing: a store or a Redis it cannot reach, a port it cannot take, closes what was opened and
 * rejects with one line.
 */
export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const logger = options.logger ?? stderrLogger;
  const store: PostgresStore = await openPostgresStore(options.postgres);
  try {
    await forgetOldBases(store.updates, logger);
  } catch (e) {
    logger('warn', `could not forget old folded documents (${(e as Error).message}); tried again at the next start`);
  }
  const fanout = new Fanout(options.redis);
  try {
    await fanout.start();
  } catch (e) {
    await store.close();
    throw new HostError((e as Error).message);
  }
  const library = new TeamLibrary(store, logger);
  const rooms: Rooms = new Rooms(
    store.updates,
    logger,
    store.sessions,
    // A room folds afresh only when nobody is in its session on any node (people, below).
    nodeCluster(
      fanout,
      logger,
      (sessionId) => library.committed(sessionId),
      (sessionId): Promise<string | null> => people.keepsFromFolding(sessionId),
    ),
  );
  const removals = new Removals(fanout, rooms, store.tokens, logger);
  const people = new PeopleAcrossNodes(fanout, rooms, mayAnswerHere, logger);
  const automaticCheckpoints = new AutomaticCheckpointsOnce(store, logger);
  const wrongCodes = new WrongCodesInRedis(options.redis, limits.joinFailuresPerWindow, limits.joinFailureWindowMs);
  try {
    await Promise.all([removals.start(), people.start(), wrongCodes.start()]);
  } catch (e) {
    fanout.close();
    wrongCodes.close();
    library.close();
    await store.close();
    throw new HostError(`cannot reach Redis for the team server: ${(e as Error).message}`);
  }
  const connections = new ConnectionCount(limits);
  let url = '';
  const proxies = trustedProxySet(options.trustedProxies);
  const api = teamApi({
    store,
    rooms,
    library,
    wrongCodes,
    everyone: people.everyone,
    checkpointKept: (sessionId, at) => automaticCheckpoints.kept(sessionId, at),
    clientAddress: (req) => clientAddress(req, proxies),
    removals,
    publicUrl: () => options.publicUrl?.replace(/\/$/, '') ?? url,
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.messageBytes });
  const database = new DatabaseReach(logger);

  const server = http.createServer((req, res) => {
    setSecurityHeaders(res);
    if (requestPath(req) === null) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('malformed address\n');
      return;
    }
    // The team server's front door is its facilitators' sign-in (renderer/route.ts reads ?team);
    // participants come with a link (/join#code=…, /s/<id>#token=…) and never pass here.
    if (req.url === '/' && (req.method === 'GET' || req.method === 'HEAD')) return void res.writeHead(302, { Location: '/?team' }).end();
    api(req, res)
      .then((handled) => {
        if (handled) return;
        if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
        if (!fs.existsSync(options.webRoot)) return webRootMissingPage(res, options.webRoot);
        serveStatic(options.webRoot, req, res);
      })
      .catch((e: Error) => {
        // PostgreSQL out of reach, mostly: one line for the caller, one for the log.
        logger('error', `HTTP ${req.method} ${req.url}: ${e.message}`);
        if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: 'the server cannot reach its database; try again in a moment' }));
      });
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, reason: string) => {
      logger('warn', `refused a sync connection from ${req.socket.remoteAddress}: ${reason}`);
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${reason}\n`);
    };
    const asked = requestPath(req) === null ? ({ ok: false, status: 400, reason: 'malformed address' } as const) : readUpgrade(req);
    if (!asked.ok) return refuse(asked.status, asked.reason);
    store.tokens.verify(asked.sessionId, asked.token).then(
      (role) => {
        database.answered();
        upgrade(req, socket, head, withRole(asked, role));
      },
      (e: Error) => {
        // The database is away: the client is told so in the close it reads, and reconnects; the log says so once.
        database.failed(e);
        wss.handleUpgrade(req, socket, head, (ws) => ws.close(closeCodes.storageFailed, 'the server cannot reach its database; reconnecting'));
      },
    );
  });

  function upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, auth: AuthResult) {
    const from = clientAddress(req, proxies);
    const place = auth.ok ? connections.admit(auth.sessionId, from) : auth;
    if (!place.ok || !auth.ok) {
      const why = place.ok ? auth : place;
      if (!why.ok) {
        logger('warn', `refused a sync connection from ${from}: ${why.reason}`);
        socket.end(`HTTP/1.1 ${why.status} ${http.STATUS_CODES[why.status]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${why.reason}\n`);
      }
      return;
    }
    socket.once('close', place.release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      const peer: Peer = { ws, role: auth.role, token: auth.token, tokenHint: auth.token.slice(0, 6), awarenessIds: new Set(), epoch: auth.epoch };
      void joinRoom(rooms, ws, auth.sessionId, logger, (room) => serveConnection(ws, room, peer, logger, () => rooms.release(room)), {
        epoch: auth.epoch,
        // The opening checkpoint is in PostgreSQL before anyone sees the board, as on the desktop.
        before: (room) => automaticCheckpoints.watch(room),
      });
    });
  }

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const ws of wss.clients) ws.close(closeCodes.goingAway, 'the server is shutting down');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rooms.closeAll();
      wss.close();
      removals.close();
      library.close();
      people.close();
      wrongCodes.close();
      fanout.close();
      await store.close();
    })();
    return closing;
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      void close();
      if (e.code === 'EADDRINUSE') reject(new HostError(`port ${options.port} is already in use on ${options.bind}`));
      else if (e.code === 'EADDRNOTAVAIL') reject(new HostError(`cannot listen on ${options.bind}: no such address on this machine`));
      else if (e.code === 'EACCES') reject(new HostError(`not allowed to listen on ${options.bind}:${options.port}`));
      else reject(new HostError(`cannot listen on ${options.bind}:${options.port}: ${e.message}`));
    };
    server.once('error', onError);
    server.listen(options.port, options.bind, () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (e) => logger('error', `HTTP server: ${e.message}`));
  const { port } = server.address() as AddressInfo;
  const hostPart = options.bind.includes(':') ? `[${options.bind}]` : options.bind;
  url = `http://${hostPart}:${port}`;
  return { url, port, close };
}
