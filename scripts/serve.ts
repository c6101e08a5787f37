// Builds the static app and serves build/ exactly as a deployment would: the files, index.html
// for every route (a single-page app), .wasm as application/wasm, and the security headers a
// host should add. Used by the browser tests, `npm run demo` and `npm run bench`; run directly
// (`node scripts/serve.ts <dir> <port>`) it serves until stopped.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8'
};

/** What a host should send with every response (the page's own policy travels in its meta tag). */
const SECURITY_HEADERS = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()'
};

export function buildApp(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Compressible types: everything but images already compressed. */
const COMPRESS = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg', '.webmanifest', '.txt']);

export async function serveStatic(dir: string, port: number, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
  const root = resolve(dir);
  // Compressed once per file and kept, as a host with precompressed files would serve them.
  const gzipped = new Map<string, Uint8Array>();
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    const immutable = file.includes(`${join(root, '_app', 'immutable')}`);
    const gzip = COMPRESS.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    let body: Uint8Array = readFileSync(file);
    if (gzip) {
      const cached = immutable ? gzipped.get(file) : undefined;
      body = cached ?? gzipSync(body);
      if (immutable) gzipped.set(file, body);
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {})
    });
    response.end(body);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  return { url: `http://${host}:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/** Serves the built app, with config.json proposing the given homeserver. */
export async function serveApp(port: number, defaultServer: string): Promise<{ url: string; close(): Promise<void> }> {
  writeFileSync(join('build', 'config.json'), JSON.stringify({ defaultServer }));
  return serveStatic('build', port);
}

if (import.meta.main) {
  const [dir = 'build', port = '4173'] = process.argv.slice(2);
  const { url } = await serveStatic(dir, Number(port));
  console.log(`serving ${dir} at ${url}`);
}
