// After `vite build`: moves SvelteKit's inline start-up script into a file of its own and puts a
// strict Content-Security-Policy in the page, so that no inline script runs and nothing loads
// from anywhere but the app itself. Connections are narrowed further at run time, to the chosen
// homeserver, once it is known (src/lib/safety/csp.ts).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATIC_POLICY } from '../src/lib/safety/csp.ts';

const buildDir = process.argv[2] ?? 'build';
const pagePath = join(buildDir, 'index.html');
let page = readFileSync(pagePath, 'utf8');

const inline = /<script>([\s\S]*?)<\/script>/g;
const scripts = [...page.matchAll(inline)];
if (scripts.length !== 1) throw new Error(`expected SvelteKit's one start-up script in ${pagePath}, found ${scripts.length}`);
const body = scripts[0][1];
const name = `_app/immutable/start-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.js`;
writeFileSync(join(buildDir, name), body);
// A classic (not module) script, so that document.currentScript still finds its container.
page = page.replace(scripts[0][0], `<script src="/${name}"></script>`);

if (page.includes('http-equiv="Content-Security-Policy"')) throw new Error('the page already has a policy');
page = page.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${STATIC_POLICY}" />`);
writeFileSync(pagePath, page);
console.log(`hardened ${pagePath}: start-up script in /${name}, policy set`);
