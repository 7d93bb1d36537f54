import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Serve the built web client from `root`. Paths of the single-page app (/, /s/<id>, /join, /remote, /bench) get
 * index.html; anything that resolves outside `root` is a 404.
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://host');
  let rel = decodeURIComponent(url.pathname);
  if (rel === '/' || rel === '/bench' || rel === '/join' || rel === '/remote' || rel.startsWith('/s/')) rel = '/index.html';
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) return notFound(res);
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return notFound(res);
    res.writeHead(200, {
      'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': st.size,
      // Vite puts a content hash in every asset name; index.html must be re-read.
      'Cache-Control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found\n');
}

export function webRootMissingPage(res: ServerResponse, root: string): void {
  res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`The web client is not built (no ${root}). Run: npm run build\n`);
}
