// Starts and stops a real Synapse from the Debian sid root that provision.sh builds, or
// points at an existing homeserver named by PARLEY_HOMESERVER_URL. Used by Playwright's
// global setup, by tests that need a homeserver of their own, by the demo and the bench.
import { spawn, execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export interface HomeserverInfo {
  /** Client-server API base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  serverName: string;
  registrationSecret: string;
  /** Host path of the SQLite database, or null for an external homeserver. */
  databasePath: string | null;
  /** Process id of the running Synapse, or null for an external homeserver. */
  pid: number | null;
  /** Folder holding config, database and log (inside the chroot), null when external. */
  dataDir: string | null;
  root: string | null;
}

export function externalHomeserver(): HomeserverInfo | null {
  const url = process.env.PARLEY_HOMESERVER_URL;
  if (!url) return null;
  return {
    url: url.replace(/\/$/, ''),
    serverName: process.env.PARLEY_SERVER_NAME ?? new URL(url).hostname,
    registrationSecret: process.env.PARLEY_REGISTRATION_SECRET ?? '',
    databasePath: null,
    pid: null,
    dataDir: null,
    root: null
  };
}

export function provisionSynapseRoot(): string {
  const out = execFileSync('bash', [join(here, 'provision.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8'
  });
  return out.trim().split('\n').pop()!;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function configYaml(port: number, inRootDir: string, secret: string): string {
  // Written whole rather than patched from --generate-config, so that no generated default
  // (report_stats, trusted key servers naming matrix.org) can slip through.
  return `server_name: "localhost"
pid_file: ${inRootDir}/homeserver.pid
listeners:
  - port: ${port}
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: ${inRootDir}/homeserver.db
media_store_path: ${inRootDir}/media_store
signing_key_path: ${inRootDir}/signing.key
registration_shared_secret: "${secret}"
macaroon_secret_key: "${randomBytes(24).toString('hex')}"
form_secret: "${randomBytes(24).toString('hex')}"
report_stats: false
enable_registration: true
enable_registration_without_verification: true
trusted_key_servers: []
suppress_key_server_warning: true
url_preview_enabled: false
presence:
  enabled: false
rc_message: {per_second: 1000, burst_count: 1000}
rc_registration: {per_second: 1000, burst_count: 1000}
rc_login:
  address: {per_second: 1000, burst_count: 1000}
  account: {per_second: 1000, burst_count: 1000}
  failed_attempts: {per_second: 1000, burst_count: 1000}
rc_joins:
  local: {per_second: 1000, burst_count: 1000}
rc_joins_per_room: {per_second: 1000, burst_count: 1000}
rc_invites:
  per_room: {per_second: 1000, burst_count: 1000}
  per_user: {per_second: 1000, burst_count: 1000}
  per_issuer: {per_second: 1000, burst_count: 1000}
rc_key_requests: {per_second: 1000, burst_count: 1000}
rc_3pid_validation: {per_second: 1000, burst_count: 1000}
rc_admin_redaction: {per_second: 1000, burst_count: 1000}
rc_room_creation: {per_second: 1000, burst_count: 1000}
rc_delayed_event_mgmt: {per_second: 1000, burst_count: 1000}
`;
}

/** Creates a fresh Synapse data folder inside the root with its own port and secrets. */
export async function createSynapse(name: string, port?: number): Promise<HomeserverInfo> {
  const root = provisionSynapseRoot();
  const chosenPort = port ?? (await freePort());
  const inRootDir = `/data/${name}-${chosenPort}`;
  const dataDir = join(root, inRootDir);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(join(dataDir, 'media_store'), { recursive: true });
  const secret = randomBytes(24).toString('hex');
  writeFileSync(join(dataDir, 'homeserver.yaml'), configYaml(chosenPort, inRootDir, secret));
  execFileSync('chroot', [root, 'python3', '-m', 'synapse.app.homeserver', '-c',
    `${inRootDir}/homeserver.yaml`, '--generate-keys'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return {
    url: `http://127.0.0.1:${chosenPort}`,
    serverName: 'localhost',
    registrationSecret: secret,
    databasePath: join(dataDir, 'homeserver.db'),
    pid: null,
    dataDir: inRootDir,
    root
  };
}

async function waitForVersions(url: string, timeoutMs: number, logPath: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/_matrix/client/versions`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const tail = existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n') : '';
  throw new Error(`Synapse did not answer at ${url} within ${timeoutMs} ms\n${tail}`);
}

/** Starts (or restarts) the Synapse of a data folder made by createSynapse. */
export async function startSynapse(info: HomeserverInfo): Promise<HomeserverInfo> {
  if (!info.root || !info.dataDir) throw new Error('an external homeserver cannot be started here');
  const logPath = join(info.root, info.dataDir, 'synapse.log');
  const log = openSync(logPath, 'a');
  // Detached, so that a test worker or the demo can stop and start it independently of
  // whichever process created it.
  const child = spawn('chroot', [info.root, 'sh', '-c',
    `cd ${info.dataDir} && exec python3 -m synapse.app.homeserver -c ${info.dataDir}/homeserver.yaml`],
    { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  const started = { ...info, pid: child.pid ?? null };
  await waitForVersions(info.url, 60_000, logPath);
  return started;
}

/** Stops Synapse; with 'SIGKILL' it dies as in a crash. */
export async function stopSynapse(info: HomeserverInfo, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!info.pid) return;
  try {
    process.kill(info.pid, signal);
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      process.kill(info.pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(info.pid, 'SIGKILL');
}

export function removeSynapseData(info: HomeserverInfo): void {
  if (info.root && info.dataDir) rmSync(join(info.root, info.dataDir), { recursive: true, force: true });
}

export interface RegisteredUser {
  userId: string;
  localpart: string;
  password: string;
  accessToken: string;
  deviceId: string;
}

/** Registers a user through Synapse's shared-secret admin registration API. */
export async function registerUser(
  hs: HomeserverInfo,
  localpart: string,
  password: string,
  admin = false
): Promise<RegisteredUser> {
  if (!hs.registrationSecret) throw new Error('PARLEY_REGISTRATION_SECRET is needed to create users');
  const endpoint = `${hs.url}/_synapse/admin/v1/register`;
  const { nonce } = (await (await fetch(endpoint)).json()) as { nonce: string };
  const mac = createHmac('sha1', hs.registrationSecret)
    .update(`${nonce}\0${localpart}\0${password}\0${admin ? 'admin' : 'notadmin'}`)
    .digest('hex');
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nonce, username: localpart, password, admin, mac })
  });
  const body = (await response.json()) as { user_id?: string; access_token?: string; device_id?: string; error?: string };
  if (!response.ok || !body.user_id) throw new Error(`registering ${localpart} failed: ${JSON.stringify(body)}`);
  return { userId: body.user_id, localpart, password, accessToken: body.access_token!, deviceId: body.device_id! };
}

/** A localpart no other test or run has used: tests never share users. */
export function uniqueLocalpart(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`.toLowerCase();
}
