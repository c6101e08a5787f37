// `npm run bench`: the figures named in the issues, measured against a real Synapse on this
// machine, with two bare matrix-js-sdk clients in Node measured in the same run as the floor.
// The last line printed is one JSON object.
import { chromium, type Browser, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createSynapse, freePort, registerUser, removeSynapseData, startSynapse, stopSynapse, uniqueLocalpart, type HomeserverInfo, type RegisteredUser } from '../tests/homeserver/synapse.ts';
import { joinWhenInvited, startParticipant, waitForMessage, waitForSync, sendMessage } from '../tests/participants/participant.ts';
import { dialogueRoomOptions } from '../src/lib/dialogue/rooms.ts';
import { completeRecovery, cryptoCallbacks, setUpTrust, unlockSecretStorage } from '../src/lib/matrix/trust.ts';
import { createClient, Direction } from 'matrix-js-sdk';
import { buildApp, serveApp } from './serve.ts';
import { benchClustering } from './bench-clustering.ts';
import { benchModeration } from './bench-moderation.ts';
import { crowdRoom, sendFromEveryone, startCrowd, type SentMessage } from '../tests/participants/crowd.ts';
import { waitForMembers } from '../tests/participants/participant.ts';
import { readWholeTimeline, recordSyncDeliveries, unreadableRows } from '../tests/load/timeline-reader.ts';
import { heapUsedMB } from '../tests/load/heap.ts';
import { untilNewestShown } from '../tests/load/watched-room.ts';
import { percentile } from '../tests/load/responsiveness.ts';

const RUNS = 5;
const MESSAGES = 50;
const HISTORY = 1000;
const CLIENT_DIR = '.svelte-kit/output/client';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const gzipBytes = (path: string) => gzipSync(readFileSync(path)).length;

/** JS the sign-in screen needs before it can be used: entry, app, root layout and "/" page, with their static imports. */
function firstLoadJsGzipBytes(): number {
  const manifest = JSON.parse(readFileSync(join(CLIENT_DIR, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[] }>;
  const app = readFileSync('.svelte-kit/generated/client-optimized/app.js', 'utf8');
  const signInNode = /"\/": \[(\d+)\]/.exec(app)?.[1];
  if (!signInNode) throw new Error('cannot find the "/" route in the generated app');
  // SvelteKit marks every route node as an entry; only these four load for the sign-in screen.
  const roots = Object.keys(manifest).filter(
    (key) =>
      key.endsWith('runtime/client/entry.js') ||
      key.endsWith('client-optimized/app.js') ||
      key.endsWith('/nodes/0.js') ||
      key.endsWith(`/nodes/${signInNode}.js`)
  );
  if (roots.length !== 4) throw new Error(`expected 4 first-load roots, found ${roots.length}`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  roots.forEach(visit);
  return [...seen].reduce((sum, key) => sum + gzipBytes(join(CLIENT_DIR, manifest[key].file)), 0);
}

function wasmGzipBytes(): number {
  const dir = join(CLIENT_DIR, '_app/immutable/assets');
  const wasm = readdirSync(dir).find((f) => f.endsWith('.wasm'));
  if (!wasm) throw new Error('no wasm in the build');
  return gzipBytes(join(dir, wasm));
}

// Records, relative to navigation start, when the sync status first reads "syncing", and
// when each message body first appears on screen.
const PAGE_PROBE = `
  window.__seen = new Map();
  new MutationObserver(() => {
    const status = document.querySelector('[data-testid=sync-status]');
    if (window.__syncedAt === undefined && status && status.dataset.status === 'syncing') window.__syncedAt = performance.now();
    for (const body of document.querySelectorAll('[data-testid=body]')) {
      const text = body.textContent.trim();
      if (!window.__seen.has(text)) window.__seen.set(text, Date.now());
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
`;

async function newPage(browser: Browser, baseUrl: string, serviceWorkers: 'allow' | 'block' = 'allow'): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, serviceWorkers });
  await context.addInitScript(PAGE_PROBE);
  return context.newPage();
}

async function signIn(page: Page, hs: HomeserverInfo, user: RegisteredUser): Promise<number> {
  await page.goto('/');
  await page.getByLabel('Server').fill(hs.url);
  await page.getByLabel('Username').fill(user.localpart);
  await page.getByLabel('Password').fill(user.password);
  const clickAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
  await page.waitForFunction(() => (window as unknown as { __syncedAt?: number }).__syncedAt !== undefined, null, { timeout: 60_000 });
  return (await page.evaluate(() => (window as unknown as { __syncedAt: number }).__syncedAt)) - clickAt;
}

/** The first device of an account sets up its recovery key before rooms appear. */
async function completeTrustSetup(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Set up', exact: true }).click();
  const key = (await page.getByTestId('recovery-key').textContent({ timeout: 60_000 }))!.trim();
  await page.getByLabel('To confirm you kept it, type or paste the recovery key again').fill(key);
  await page.getByRole('button', { name: 'I have kept it' }).click();
  await page.getByTestId('new-room').waitFor();
}

/** History of 1,000 messages in backup; a new device unlocks it with the recovery key and decrypts it all. */
async function backupRestore(hs: HomeserverInfo): Promise<number> {
  const password = 'bench-password-1';
  const author = await startParticipant(hs, uniqueLocalpart('backup'), password, undefined, cryptoCallbacks);
  const recoveryKey = await setUpTrust(author.client, { password });
  const { room_id: roomId } = await author.client.createRoom(dialogueRoomOptions('Backup bench'));
  await joinWhenInvited(author, roomId);
  for (let i = 0; i < HISTORY; i++) await sendMessage(author, roomId, { msgtype: 'm.text', body: `history ${i}` });
  const sessions = (await author.client.getCrypto()!.exportRoomKeys()).filter((k) => k.room_id === roomId).length;
  const headers = { authorization: `Bearer ${author.user.accessToken}` };
  for (let waited = 0; waited < 120_000; waited += 500) {
    const version = (await (await fetch(`${hs.url}/_matrix/client/v3/room_keys/version`, { headers })).json()) as { version: string };
    const stored = (await (await fetch(`${hs.url}/_matrix/client/v3/room_keys/keys/${encodeURIComponent(roomId)}?version=${version.version}`, { headers })).json()) as { sessions?: object };
    if (Object.keys(stored.sessions ?? {}).length >= sessions) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await author.stop();

  const login = (await (await fetch(`${hs.url}/_matrix/client/v3/login`, {
    method: 'POST',
    body: JSON.stringify({ type: 'm.login.password', identifier: { type: 'm.id.user', user: author.user.localpart }, password })
  })).json()) as { access_token: string; device_id: string; user_id: string };
  const device = createClient({ baseUrl: hs.url, userId: login.user_id, deviceId: login.device_id, accessToken: login.access_token, cryptoCallbacks });
  await device.initRustCrypto({ useIndexedDB: false });
  // As in the app: the device has synced (and so knows its account's public keys) first.
  await device.startClient({ initialSyncLimit: 1, lazyLoadMembers: true });
  await waitForSync(device);
  const started = performance.now();
  await unlockSecretStorage(device, { kind: 'recoveryKey', value: recoveryKey });
  await completeRecovery(device, () => undefined);
  // Synapse returns at most 1,000 events a page.
  const mapper = device.getEventMapper();
  const events = [];
  let from: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof device.createMessagesRequest>> = await device.createMessagesRequest(roomId, from, 500, Direction.Backward);
    events.push(...page.chunk.map(mapper).filter((e) => e.getWireType() === 'm.room.encrypted'));
    from = page.chunk.length > 0 ? (page.end ?? null) : null;
  } while (from);
  await Promise.all(events.map((e) => device.decryptEventIfNeeded(e)));
  const elapsed = performance.now() - started;
  const decrypted = events.filter((e) => !e.isDecryptionFailure() && e.getType() === 'm.room.message').length;
  device.stopClient();
  if (decrypted < HISTORY) throw new Error(`only ${decrypted} of ${HISTORY} messages decrypted after restoring the backup`);
  return elapsed;
}

/** A phone on a slow, expensive connection: 400 kbit/s each way and 400 ms round trips. */
const SLOW_NETWORK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

async function throttle(page: Page): Promise<{ transferred: () => number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength));
  return { transferred: () => bytes };
}

/** A first visit over the slow link, no cache: until the sign-in form takes typing, and the bytes it took. */
async function coldStartSignIn(browser: Browser, baseUrl: string): Promise<{ ms: number; bytes: number }> {
  const page = await (await browser.newContext({ baseURL: baseUrl, serviceWorkers: 'block' })).newPage();
  const network = await throttle(page);
  const started = Date.now();
  await page.goto('/', { waitUntil: 'commit' });
  await page.getByLabel('Username').waitFor({ timeout: 60_000 });
  while (!(await page.getByLabel('Username').isEditable())) await new Promise((r) => setTimeout(r, 20));
  const ms = Date.now() - started;
  const bytes = network.transferred();
  await page.context().close();
  return { ms, bytes };
}

/**
 * A returning person (saved session, keys on the device) on the slow link with an empty HTTP
 * cache and no service worker: until their first room is listed. The crypto wasm is most of it.
 */
async function coldStartFirstRoom(page: Page, roomName: string): Promise<number> {
  await throttle(page);
  const started = Date.now();
  await page.reload({ waitUntil: 'commit' });
  await page.getByTestId('rooms').getByRole('link', { name: roomName }).waitFor({ timeout: 180_000 });
  return Date.now() - started;
}

async function reloadToSynced(page: Page): Promise<number> {
  await page.reload();
  await page.waitForFunction(() => (window as unknown as { __syncedAt?: number }).__syncedAt !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __syncedAt: number }).__syncedAt);
}

async function browserSendToPeer(sender: Page, receiver: Page, tag: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const text = `bench ${tag} ${i}`;
    await sender.getByTestId('composer').fill(text);
    const sentAt = Date.now();
    await sender.getByTestId('composer').press('Enter');
    await receiver.waitForFunction((t) => (window as unknown as { __seen: Map<string, number> }).__seen.has(t), text, { timeout: 30_000 });
    latencies.push((await receiver.evaluate((t) => (window as unknown as { __seen: Map<string, number> }).__seen.get(t)!, text)) - sentAt);
  }
  return latencies;
}

async function sdkFloor(hs: HomeserverInfo): Promise<number[]> {
  const a = await startParticipant(hs, uniqueLocalpart('floor-a'));
  const b = await startParticipant(hs, uniqueLocalpart('floor-b'));
  const { room_id: roomId } = await a.client.createRoom({ ...dialogueRoomOptions('Floor'), invite: [b.user.userId] });
  await joinWhenInvited(b, roomId);
  const latencies: number[] = [];
  // Message -1 is the warm-up that sets up the Olm and Megolm sessions, as in the browser run.
  for (let i = -1; i < MESSAGES; i++) {
    const text = `floor ${i}`;
    const received = waitForMessage(b, roomId, (body) => body === text);
    const sentAt = Date.now();
    await sendMessage(a, roomId, { msgtype: 'm.text', body: text });
    await received;
    if (i >= 0) latencies.push(Date.now() - sentAt);
  }
  await a.stop();
  await b.stop();
  return latencies;
}

/** A person signed in, with a crowd of scripted participants in one room with them, the room open. */
async function watchedCrowdRoom(browser: Browser, baseUrl: string, hs: HomeserverInfo, size: number, name: string) {
  const page = await newPage(browser, baseUrl);
  const deliveries = await recordSyncDeliveries(page);
  const person = await registerUser(hs, uniqueLocalpart('bench-watch'), 'bench-password-1');
  await signIn(page, hs, person);
  await completeTrustSetup(page);
  const crowd = await startCrowd(hs, size, uniqueLocalpart('benchcrowd'));
  const roomId = await crowdRoom(crowd, name, [person.userId]);
  await page.getByTestId('invites').getByRole('button', { name: 'Accept' }).click();
  await page.getByTestId('rooms').getByRole('link', { name }).click();
  await waitForMembers(crowd.members[0], roomId, [person.userId], 60_000);
  return { page, deliveries, crowd, roomId };
}

/**
 * Waits until the newest message sent has come in a sync, and returns each message's delivery.
 * Syncs arrive in order, so no older one comes by sync after it; those left out fell in a
 * sync gap and come by paging back.
 */
async function untilNewestDelivered(page: Page, deliveries: () => Promise<Record<string, number>>, sent: SentMessage[]): Promise<Record<string, number>> {
  const newest = sent.reduce((a, b) => (b.sentAt > a.sentAt ? b : a));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const delivered = await deliveries();
    if (newest.eventId in delivered) return delivered;
    if (Date.now() > deadline) throw new Error('the newest message never came in a sync');
    await page.waitForTimeout(250);
  }
}

/** 50 people send 20 messages each at once while a person watches: delivery to the browser, and what it could not decrypt. */
async function loadRun(browser: Browser, baseUrl: string, hs: HomeserverInfo) {
  const { page, deliveries, crowd, roomId } = await watchedCrowdRoom(browser, baseUrl, hs, 50, 'Bench crowd');
  try {
    const sent = await sendFromEveryone(crowd, roomId, 20, 'bench');
    const delivered = await untilNewestDelivered(page, deliveries, sent);
    await untilNewestShown(page, crowd, roomId);
    const rows = await readWholeTimeline(page);
    const latencies = sent.filter((m) => m.eventId in delivered).map((m) => delivered[m.eventId]);
    const senderOf = new Map(sent.map((m) => [m.eventId, m.sender]));
    const undecryptable = unreadableRows(rows);
    return {
      loadP50Ms: Math.round(percentile(latencies, 50)),
      loadP95Ms: Math.round(percentile(latencies, 95)),
      loadDeliveredBySync: latencies.length,
      loadShown: rows.filter((row) => sent.some((m) => m.body === row.body)).length,
      loadUndecryptable: undecryptable.length,
      // One sender's every message: a key never shared with the browser; many senders: keys late.
      loadUndecryptableSenders: new Set(undecryptable.map((row) => senderOf.get(row.id))).size
    };
  } finally {
    await crowd.stop();
    await page.context().close();
  }
}

/** JS heap after scrolling a 10,000-message room from its newest message back to its start. */
async function heapAfterScrolling(browser: Browser, baseUrl: string, hs: HomeserverInfo, messages: number): Promise<number> {
  const { page, deliveries, crowd, roomId } = await watchedCrowdRoom(browser, baseUrl, hs, 10, 'Bench long room');
  try {
    await untilNewestDelivered(page, deliveries, await sendFromEveryone(crowd, roomId, messages / 10, 'long'));
    // Read from the newest message once it is on screen, as the big-room test does.
    await untilNewestShown(page, crowd, roomId, 600_000);
    await readWholeTimeline(page, 3_600_000);
    return Math.round((await heapUsedMB(page)) * 10) / 10;
  } finally {
    await crowd.stop();
    await page.context().close();
  }
}

/** The homeserver is killed and started again: how long until the app syncs again by itself. */
async function restartRecovery(page: Page, hs: HomeserverInfo): Promise<{ ms: number; hs: HomeserverInfo }> {
  const status = () => page.getByTestId('sync-status').getAttribute('data-status');
  await stopSynapse(hs, 'SIGKILL');
  while ((await status()) === 'syncing') await page.waitForTimeout(100);
  const restarted = await startSynapse(hs);
  const backAt = Date.now();
  while ((await status()) !== 'syncing') await page.waitForTimeout(50);
  return { ms: Date.now() - backAt, hs: restarted };
}

async function main() {
  let hs = await startSynapse(await createSynapse('bench'));
  buildApp();
  const server = await serveApp(await freePort(), '');
  const browser = await chromium.launch({
    executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  const results: Record<string, number> = {};
  try {
    Object.assign(results, {
      firstLoadJsGzipBytes: firstLoadJsGzipBytes(),
      wasmGzipBytes: wasmGzipBytes()
    });

    const signInTimes: number[] = [];
    const reloadTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const user = await registerUser(hs, uniqueLocalpart('bench'), 'bench-password-1');
      const page = await newPage(browser, server.url);
      signInTimes.push(await signIn(page, hs, user));
      reloadTimes.push(await reloadToSynced(page));
      await page.context().close();
    }
    results.signInToSyncedMs = Math.round(median(signInTimes));
    results.reloadToSyncedMs = Math.round(median(reloadTimes));

    const alice = await registerUser(hs, uniqueLocalpart('bench-a'), 'bench-password-1');
    const bob = await registerUser(hs, uniqueLocalpart('bench-b'), 'bench-password-1');
    const alicePage = await newPage(browser, server.url);
    // Bob's device is later timed from an empty cache: no service worker may answer for the network.
    const bobPage = await newPage(browser, server.url, 'block');
    await signIn(alicePage, hs, alice);
    await signIn(bobPage, hs, bob);
    await completeTrustSetup(alicePage);
    await completeTrustSetup(bobPage);
    await alicePage.getByTestId('new-room').click();
    await alicePage.getByLabel('Room name').fill('Bench room');
    await alicePage.getByRole('button', { name: 'Create', exact: true }).click();
    await alicePage.getByLabel('Matrix ID to invite').fill(bob.userId);
    await alicePage.getByRole('button', { name: 'Invite', exact: true }).click();
    await bobPage.getByTestId('invites').getByRole('button', { name: 'Accept' }).click();
    await bobPage.getByTestId('rooms').getByRole('link', { name: 'Bench room' }).click();
    await bobPage.getByTestId('composer').waitFor();
    // One warm-up message sets up the Olm and Megolm sessions, as in the floor below.
    await browserSendToPeer(alicePage, bobPage, 'warm-up', 1);
    const browserLatencies = await browserSendToPeer(alicePage, bobPage, 'measured', MESSAGES);
    results.sendToPeerP50Ms = Math.round(percentile(browserLatencies, 50));
    results.sendToPeerP95Ms = Math.round(percentile(browserLatencies, 95));

    const floor = await sdkFloor(hs);
    results.sdkFloorSendToPeerP50Ms = Math.round(percentile(floor, 50));
    results.sdkFloorSendToPeerP95Ms = Math.round(percentile(floor, 95));
    results.backupRestore1000Ms = Math.round(await backupRestore(hs));

    const cold = [];
    for (let i = 0; i < RUNS; i++) cold.push(await coldStartSignIn(browser, server.url));
    results.coldStartSignInMs = Math.round(median(cold.map((run) => run.ms)));
    results.firstLoadTransferBytes = Math.round(median(cold.map((run) => run.bytes)));
    results.coldStartFirstRoomMs = await coldStartFirstRoom(bobPage, 'Bench room');

    const recovery = await restartRecovery(alicePage, hs);
    hs = recovery.hs;
    results.restartRecoveryMs = recovery.ms;
    Object.assign(results, await loadRun(browser, server.url, hs));
    results.heapAfter10kMB = await heapAfterScrolling(browser, server.url, hs, 10_000);
  } finally {
    await browser.close();
    await server.close();
    await stopSynapse(hs);
    removeSynapseData(hs);
  }
  // Opinion-group clustering of 1,000 × 300 in a worker thread, once the homeserver and browser are gone.
  Object.assign(results, await benchClustering());
  Object.assign(results, await benchModeration());
  // Last, after every client has stopped logging: the figures as one JSON line.
  console.log(JSON.stringify(results));
  process.exit(0);
}

void main();
