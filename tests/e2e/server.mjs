// Tiny static server for e2e tests, the bench and the demo (TOOLING.md §8: never file://).
// Routes are matched on the request path (query ignored), so one server can stand in for several
// hostnames mapped onto it with --host-resolver-rules.
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * @typedef {object} RouteSpec
 * @property {string} [file]        absolute path of a file to serve (read on each request)
 * @property {string|Buffer} [body] literal body
 * @property {number} [status]      default 200
 * @property {string} [type]        content-type (default from the file extension, else text/html)
 * @property {Record<string,string>} [headers]
 * @property {(req: http.IncomingMessage, res: http.ServerResponse) => void} [handler]
 */

/**
 * Start a server on 127.0.0.1:<random port>.
 * @param {Record<string, RouteSpec|string|((req: http.IncomingMessage, res: http.ServerResponse) => void)>} routes
 *   path → spec; a string value is a file path; a function value is a raw handler.
 * @param {{ tls?: { key: string|Buffer, cert: string|Buffer } }} [options] serve https with this
 *   (self-signed, test-only) key pair: for HSTS-preloaded hosts, which the browser always upgrades.
 * @returns {Promise<{ port: number, origin: string, url: (p: string) => string, hits: string[],
 *   routes: Record<string, any>, close: () => Promise<void> }>}
 */
export async function startServer(routes = {}, { tls } = {}) {
  const table = { ...routes };
  /** @type {string[]} */
  const hits = [];
  const handle = (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    hits.push(`${req.headers.host ?? ''}${pathname}`);
    let spec = table[pathname];
    if (spec === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end('not found');
      return;
    }
    if (typeof spec === 'function') return spec(req, res);
    if (typeof spec === 'string') spec = { file: spec };
    if (spec.handler) return spec.handler(req, res);
    try {
      const body = spec.file ? readFileSync(spec.file) : (spec.body ?? '');
      const ext = spec.file ? spec.file.slice(spec.file.lastIndexOf('.')) : '';
      res.writeHead(spec.status ?? 200, {
        'content-type': spec.type ?? TYPES[ext] ?? 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...spec.headers,
      });
      res.end(body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  };
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    port,
    origin,
    url: (p) => origin + p,
    hits,
    routes: table,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** A neutral grey placeholder "photo" (SVG), so local copies of pages don't show broken images. */
export function placeholderImage(label = 'image (local copy)') {
  return {
    type: 'image/svg+xml',
    body: `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">
<rect width="800" height="450" fill="#c9ced6"/><path d="M0 360 L220 200 L380 320 L520 230 L800 400 L800 450 L0 450Z" fill="#aab1bc"/>
<circle cx="640" cy="110" r="46" fill="#dde1e7"/>
<text x="400" y="240" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#555">${label}</text></svg>`,
  };
}
