// The stock y-websocket server (@y/websocket-server's setupWSConnection, no auth, no persistence)
// for `npm run bench:room` to load beside Brownpaper's host. Prints {"port":N} once listening.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server });
wss.on('connection', (ws, req) => setupWSConnection(ws, req));
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
