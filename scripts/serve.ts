// Builds the static app and serves it with `vite preview` (which sends .wasm as application/wasm),
// writing config.json so the sign-in form proposes the given homeserver.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function buildApp(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function serveApp(port: number, defaultServer: string): Promise<{ url: string; process: ChildProcess }> {
  // `vite preview` serves SvelteKit's client output; build/ is what a deployment copies.
  for (const dir of ['.svelte-kit/output/client', 'build']) writeFileSync(join(dir, 'config.json'), JSON.stringify({ defaultServer }));
  // Vite runs as this process's direct child (not under npx), so that killing it stops it.
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PARLEY_APP_PORT: String(port) }
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    // Another server answering on the port must not be mistaken for ours.
    if (exited) throw new Error(`vite preview exited: is port ${port} in use?`);
    try {
      if ((await fetch(url)).ok) return { url, process: child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview did not answer at ${url}`);
}
