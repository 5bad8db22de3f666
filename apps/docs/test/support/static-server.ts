/**
 * A static file server for the built site (`apps/docs/dist`) on 127.0.0.1, as
 * a web server serves VitePress output: `/dir/` is `/dir/index.html`, and
 * `/page` is `/page.html` when that exists. Anything else is a 404.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The file that answers `urlPath` under `root`, or `null` (also for paths that leave `root`). */
export async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  for (const candidate of path.endsWith('/') ? [join(full, 'index.html')] : [full, `${full}.html`]) {
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

/** A running server; `origin` is `http://127.0.0.1:PORT`. */
export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serve `root` on an ephemeral port of 127.0.0.1. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    void resolveFile(root, req.url ?? '/').then((file) => {
      if (file === null) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      // Hashed assets are immutable, as a production server would say: the browser
      // then keeps them (and their compiled code) across the pages of a crawl.
      const cache = file.startsWith(join(root, 'assets', sep)) ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
      createReadStream(file).pipe(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
