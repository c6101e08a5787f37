// The one owner of the MatrixClient: starts it from a saved session, keeps the sync status,
// guards the crypto store against a second tab, and signs out by wiping everything local.
// This module pulls in matrix-js-sdk; the sign-in screen imports it only after it paints.
import {
  ClientEvent,
  createClient,
  Filter,
  HttpApiEvent,
  IndexedDBStore,
  PendingEventOrdering,
  SetPresence,
  type MatrixClient,
  type SyncState
} from 'matrix-js-sdk';
import { get, writable, type Readable } from 'svelte/store';
import { privacyStore, QUIET, type PrivacySettings, type PrivacyStore } from '../safety/privacy.ts';
import { connectionsRestricted, connectPolicy, restrictConnections } from '../safety/csp.ts';
import { appConfig } from '../config.ts';
import { syncFilterDefinition, TIMELINE_LIMIT } from './sync-filter.ts';
import { classifyAuthError, AuthError } from './errors.ts';
import { resolveHomeserver } from './discovery.ts';
import {
  clearSession,
  isLocked,
  loadSession,
  markSignedOut,
  saveSession,
  storePrefix,
  tabLockName,
  type LockedSession,
  type StoredSession
} from './session.ts';
import {
  afterFailure,
  fromBase64,
  newStorageKey,
  NO_ATTEMPTS,
  openVault,
  parseAttempts,
  sealSecrets,
  waitBeforeAttempt,
  WrongPassphraseError,
  type LockSecrets
} from '../safety/app-lock.ts';
import { initialSyncView, nextSyncView, type SdkSyncState, type SyncView } from './sync-status.ts';
import { cryptoCallbacks, forgetSecretStorageKeys, trustStateOf, type TrustState } from './trust.ts';
import { listenForVerificationRequests } from './verification.ts';
import { decryptRestoredEchoes } from './restored-echoes.ts';
import { reEmitEveryDecryption } from './decryption.ts';

export type ClientPhase =
  | { phase: 'signedOut' }
  | { phase: 'starting'; session: StoredSession }
  /** An app lock is set and not yet opened: nothing of the account is in memory. */
  | { phase: 'locked'; session: LockedSession }
  | { phase: 'ready'; session: StoredSession; client: MatrixClient }
  | { phase: 'otherTab'; session: StoredSession }
  | { phase: 'failed'; session: StoredSession; reason: string };

export const clientState = writable<ClientPhase>({ phase: 'signedOut' });

let currentPrivacy: PrivacyStore | null = null;
let stopFollowingPrivacy: (() => void) | null = null;
const privacyView = writable<PrivacySettings>({ ...QUIET });
/** The signed-in person's privacy choices on this device (quiet until they change them). */
export const privacySettings: Readable<PrivacySettings> = { subscribe: privacyView.subscribe };

export function changePrivacy(settings: PrivacySettings): void {
  currentPrivacy?.set(settings);
  // Presence goes with each sync request; turning it on takes effect from the next start.
  const state = get(clientState);
  if (state.phase === 'ready' && !settings.presence) void state.client.setSyncPresence(SetPresence.Offline);
}

function followPrivacy(prefix: string): PrivacySettings {
  stopFollowingPrivacy?.();
  currentPrivacy = privacyStore(localStorage, `${prefix}:privacy`);
  stopFollowingPrivacy = currentPrivacy.subscribe((settings) => privacyView.set(settings));
  return get(currentPrivacy);
}

function forgetPrivacy(): void {
  stopFollowingPrivacy?.();
  stopFollowingPrivacy = currentPrivacy = null;
  privacyView.set({ ...QUIET });
}
export const syncView = writable<SyncView>(initialSyncView);
/** Where this device stands with cross-signing; 'checking' until the first sync. */
export const trustState = writable<TrustState | 'checking' | 'skipped'>('checking');

// The password typed at sign-in is kept in memory only until trust is set up, because the
// server may ask for it once more to upload the cross-signing keys.
let signInPassword: string | null = null;
export function takeSignInPassword(): string | null {
  const password = signInPassword;
  signInPassword = null;
  return password;
}

const DEVICE_NAME = 'Parley web';

let releaseTabLock: (() => void) | null = null;
let startPromise: Promise<void> | null = null;

/** Holds a Web Lock for as long as this tab owns the crypto store; false if another tab does. */
async function acquireTabLock(name: string): Promise<boolean> {
  if (!('locks' in navigator)) return true;
  return new Promise<boolean>((resolve) => {
    void navigator.locks.request(name, { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(false);
        return undefined;
      }
      resolve(true);
      return new Promise<void>((release) => {
        releaseTabLock = release;
      });
    });
  });
}

async function requestAuth<T>(baseUrl: string, during: 'signIn' | 'signUp', call: (client: MatrixClient) => Promise<T>): Promise<T> {
  const bare = createClient({ baseUrl });
  try {
    return await call(bare);
  } catch (error) {
    throw classifyAuthError(error, during);
  }
}

interface LoginLikeResponse {
  user_id: string;
  device_id?: string;
  access_token?: string;
}

function sessionFrom(baseUrl: string, response: LoginLikeResponse): StoredSession {
  if (!response.access_token || !response.device_id) throw new AuthError('unknown', 'no access token');
  // Every new device's crypto store is encrypted at rest from the start, with a key of its own.
  return { baseUrl, userId: response.user_id, deviceId: response.device_id, accessToken: response.access_token, storageKey: newStorageKey() };
}

export async function signIn(server: string, username: string, password: string): Promise<void> {
  const baseUrl = await resolveHomeserver(server);
  const response = await requestAuth(baseUrl, 'signIn', (bare) =>
    bare.loginRequest({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: username.trim() },
      password,
      initial_device_display_name: DEVICE_NAME
    })
  );
  signInPassword = password;
  await begin(sessionFrom(baseUrl, response));
}

export async function signUp(server: string, username: string, password: string): Promise<void> {
  const baseUrl = await resolveHomeserver(server);
  const response = await requestAuth(baseUrl, 'signUp', async (bare) => {
    const params = {
      username: username.trim(),
      password,
      initial_device_display_name: DEVICE_NAME,
      inhibit_login: false
    };
    try {
      return await bare.registerRequest(params);
    } catch (error) {
      // User-interactive auth: the first call returns the flows. Parley asks for nothing
      // beyond a name and password, so only a server that offers m.login.dummy will do.
      const data = (error as { data?: { session?: string; flows?: { stages: string[] }[] } }).data;
      if (!data?.flows) throw error;
      const dummyOnly = data.flows.some((flow) => flow.stages.length === 1 && flow.stages[0] === 'm.login.dummy');
      if (!dummyOnly) throw new AuthError('registrationNeedsMore');
      return bare.registerRequest({ ...params, auth: { type: 'm.login.dummy', session: data.session } });
    }
  });
  signInPassword = password;
  await begin(sessionFrom(baseUrl, response as LoginLikeResponse));
}

/**
 * Starts fetching and compiling the crypto wasm (2.1 MB) while the person is still typing, so
 * that signing in does not wait for it afterwards. Safe to call more than once.
 */
export function prepareCrypto(): void {
  void import('@matrix-org/matrix-sdk-crypto-wasm').then((wasm) => wasm.initAsync()).catch(() => undefined);
}

async function begin(session: StoredSession): Promise<void> {
  saveSession(localStorage, session);
  await startSavedSession();
}

/** Starts the client from the saved session, if any. Safe to call more than once. */
export function startSavedSession(): Promise<void> {
  startPromise ??= startOnce().finally(() => {
    startPromise = null;
  });
  return startPromise;
}

async function startOnce(): Promise<void> {
  const current = get(clientState);
  if (current.phase === 'ready' || current.phase === 'starting') return;
  const saved = loadSession(localStorage);
  if (!saved) {
    clientState.set({ phase: 'signedOut' });
    return;
  }
  if (isLocked(saved) && !unlockedSecrets) {
    appLock.set({ idleMinutes: saved.idleMinutes });
    clientState.set({ phase: 'locked', session: saved });
    return;
  }
  const session = openSession(saved);
  clientState.set({ phase: 'starting', session });
  if (!(await acquireTabLock(tabLockName(session)))) {
    clientState.set({ phase: 'otherTab', session });
    return;
  }
  try {
    // From here on the page may reach the app, this homeserver and the deployment's translation services only.
    restrictConnections(document, connectPolicy(session.baseUrl, (await appConfig()).translationServices));
    const prefix = storePrefix(session);
    const store = new IndexedDBStore({ indexedDB: window.indexedDB, localStorage, dbName: `${prefix}:sync` });
    await store.startup();
    const client = createClient({
      baseUrl: session.baseUrl,
      userId: session.userId,
      deviceId: session.deviceId,
      accessToken: session.accessToken,
      store,
      timelineSupport: true,
      cryptoCallbacks
    });
    await client.initRustCrypto({
      cryptoDatabasePrefix: `${prefix}:crypto`,
      storageKey: session.storageKey ? fromBase64(session.storageKey) : undefined
    });
    syncView.set(initialSyncView);
    const saveSoon = keepSyncStoreSaved(store);
    client.on(ClientEvent.Sync, (state: SyncState, _prev, data) => {
      syncView.update((view) => nextSyncView(view, state as SdkSyncState, data?.error as never, navigator.onLine));
      if ((state === 'PREPARED' || state === 'SYNCING') && get(trustState) === 'checking' && !trustCheckRunning) void refreshTrustState(client);
      if (state === 'PREPARED' || state === 'SYNCING') saveSoon();
    });
    // Signed out from another device: the token is gone, so everything local goes too.
    client.on(HttpApiEvent.SessionLoggedOut, () => {
      markSignedOut(sessionStorage, 'remoteSignOut');
      void signOut();
    });
    listenForVerificationRequests(client);
    decryptRestoredEchoes(client);
    reEmitEveryDecryption(client);
    const privacy = followPrivacy(prefix);
    const filter = new Filter(session.userId);
    filter.setDefinition(syncFilterDefinition());
    await client.startClient({
      filter,
      initialSyncLimit: TIMELINE_LIMIT,
      lazyLoadMembers: true,
      pendingEventOrdering: PendingEventOrdering.Detached,
      disablePresence: !privacy.presence
    });
    clientState.set({ phase: 'ready', session, client });
  } catch (error) {
    releaseTabLock?.();
    releaseTabLock = null;
    clientState.set({ phase: 'failed', session, reason: error instanceof Error ? error.message : String(error) });
  }
}

// --- App lock: the token and the store key sealed with the person's passphrase.

let unlockedSecrets: LockSecrets | null = null;
/** The lock on this device: its idle time, null when none is set, 'unavailable' for a store made without a key. */
export const appLock = writable<{ idleMinutes: number } | null | 'unavailable'>(null);
const ATTEMPTS_KEY = 'parley.unlockAttempts';

export class UnlockError extends Error {
  name = 'UnlockError';
  /** How long before the next attempt is allowed (0: the passphrase was wrong, try again now). */
  readonly waitMs: number;
  constructor(waitMs: number) {
    super(waitMs > 0 ? 'wait' : 'wrong passphrase');
    this.waitMs = waitMs;
  }
}

function openSession(saved: StoredSession | LockedSession): StoredSession {
  if (!isLocked(saved)) {
    appLock.set(saved.storageKey ? null : 'unavailable');
    return saved;
  }
  const { vault: _vault, idleMinutes, ...device } = saved;
  appLock.set({ idleMinutes });
  return { ...device, ...unlockedSecrets! };
}

/** Opens the vault with the passphrase and starts the client; wrong attempts wait longer and longer. */
export async function unlock(passphrase: string): Promise<void> {
  const saved = loadSession(localStorage);
  if (!saved || !isLocked(saved)) return startSavedSession();
  const attempts = parseAttempts(localStorage.getItem(ATTEMPTS_KEY));
  const wait = waitBeforeAttempt(attempts, Date.now());
  if (wait > 0) throw new UnlockError(wait);
  try {
    unlockedSecrets = await openVault(passphrase, saved.vault);
  } catch (error) {
    if (!(error instanceof WrongPassphraseError)) throw error;
    const next = afterFailure(attempts, Date.now());
    localStorage.setItem(ATTEMPTS_KEY, JSON.stringify(next));
    throw new UnlockError(waitBeforeAttempt(next, Date.now()));
  }
  localStorage.setItem(ATTEMPTS_KEY, JSON.stringify(NO_ATTEMPTS));
  await startSavedSession();
}

/** Seals this device's secrets with a passphrase: from now on a copied profile opens nothing. */
export async function setAppLock(passphrase: string, idleMinutes: number): Promise<void> {
  const state = get(clientState);
  if (state.phase !== 'ready' || !state.session.storageKey) throw new Error('no store key to seal');
  const secrets = { accessToken: state.session.accessToken, storageKey: state.session.storageKey };
  const vault = await sealSecrets(passphrase, secrets);
  const { baseUrl, userId, deviceId } = state.session;
  saveSession(localStorage, { baseUrl, userId, deviceId, vault, idleMinutes });
  unlockedSecrets = secrets;
  appLock.set({ idleMinutes });
}

/** Takes the lock off, after the passphrase is given again. */
export async function removeAppLock(passphrase: string): Promise<void> {
  const saved = loadSession(localStorage);
  if (!saved || !isLocked(saved)) return;
  let secrets: LockSecrets;
  try {
    secrets = await openVault(passphrase, saved.vault);
  } catch {
    throw new UnlockError(0);
  }
  const { baseUrl, userId, deviceId } = saved;
  saveSession(localStorage, { baseUrl, userId, deviceId, ...secrets });
  appLock.set(null);
}

const IN_FLIGHT_WAIT_MS = 10_000;

/**
 * Locks now: the page reloads, so nothing of the account stays in memory or on screen. While
 * `busy()` (a message still being encrypted or sent, which would be lost) it waits a little.
 */
export async function lockNow(busy: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
  while (busy() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  unlockedSecrets = null;
  location.reload();
}

const SYNC_SAVE_DELAY_MS = 3_000;

/**
 * The SDK writes its sync store only every five minutes; what was read just before the network
 * went would be missing offline. So it is written a few seconds after each sync that changed
 * something (at most once per delay), and when the page is hidden or left.
 */
function keepSyncStoreSaved(store: IndexedDBStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    void store.save(true).catch(() => undefined);
  };
  addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && save());
  return () => {
    timer ??= setTimeout(save, SYNC_SAVE_DELAY_MS);
  };
}

let trustCheckRunning = false;
export async function refreshTrustState(client: MatrixClient): Promise<void> {
  trustCheckRunning = true;
  try {
    trustState.set(await trustStateOf(client));
  } catch {
    // Keys could not be queried (offline): ask again on the next sync.
    trustState.set('checking');
  } finally {
    trustCheckRunning = false;
  }
}

/** Ends the device on the server, then wipes session, sync store, crypto store and caches. */
export async function signOut(): Promise<void> {
  const state = get(clientState);
  const session = 'session' in state ? state.session : loadSession(localStorage);
  if (state.phase === 'ready') {
    try {
      await state.client.logout(true);
    } catch {
      // The device may already be gone on the server; local data is wiped regardless.
      state.client.stopClient();
    }
    await state.client.clearStores({ cryptoDatabasePrefix: session ? `${storePrefix(session)}:crypto` : undefined });
  }
  if (session) await wipeLocalData(storePrefix(session));
  clearSession(localStorage);
  forgetSecretStorageKeys();
  signInPassword = null;
  trustState.set('checking');
  releaseTabLock?.();
  releaseTabLock = null;
  syncView.set(initialSyncView);
  forgetPrivacy();
  unlockedSecrets = null;
  appLock.set(null);
  // The page's policy allows only the old homeserver: start over from the app's own policy
  // (a notice for the sign-in screen waits in session storage).
  if (connectionsRestricted()) {
    location.replace('/');
    return;
  }
  clientState.set({ phase: 'signedOut' });
}

async function deleteDatabases(matches: (name: string) => boolean): Promise<void> {
  const databases = (await indexedDB.databases?.()) ?? [];
  await Promise.all(
    databases
      .map((db) => db.name)
      .filter((name): name is string => !!name && matches(name))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          })
      )
  );
}

async function deleteCaches(): Promise<void> {
  if ('caches' in window) {
    for (const key of await caches.keys()) await caches.delete(key);
  }
}

async function wipeLocalData(prefix: string): Promise<void> {
  // The colon keeps device D1's sign-out from matching device D10's databases.
  await deleteDatabases((name) => name.includes(`${prefix}:`));
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('mx_') || key.startsWith('mxjssdk_') || key.includes(`${prefix}:`)) localStorage.removeItem(key);
  }
  await deleteCaches();
}

const LOGOUT_WAIT_MS = 1_500;

/**
 * "Exit and erase": signs this device out and wipes everything Parley keeps in this browser
 * (every account's session, sync and crypto stores, settings, caches and service worker). The
 * server is asked to end the device, but not waited for long: leaving comes first.
 */
export async function eraseThisBrowser(): Promise<void> {
  const state = get(clientState);
  if (state.phase === 'ready') {
    await Promise.race([state.client.logout(true).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, LOGOUT_WAIT_MS))]);
    state.client.stopClient();
    await state.client.clearStores({ cryptoDatabasePrefix: `${storePrefix(state.session)}:crypto` }).catch(() => undefined);
  }
  forgetPrivacy();
  unlockedSecrets = null;
  appLock.set(null);
  clientState.set({ phase: 'signedOut' });
  releaseTabLock?.();
  releaseTabLock = null;
  await deleteDatabases(() => true);
  localStorage.clear();
  sessionStorage.clear();
  await deleteCaches();
  for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? []) await registration.unregister();
}
