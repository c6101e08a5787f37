// The saved sign-in of this browser: enough to restore the same device and its crypto store.
import * as v from 'valibot';
import { VaultSchema } from '../safety/app-lock.ts';

const SESSION_KEY = 'parley.session';

const device = {
  baseUrl: v.pipe(v.string(), v.url()),
  userId: v.pipe(v.string(), v.regex(/^@[^:]+:.+$/)),
  deviceId: v.pipe(v.string(), v.minLength(1))
};

const StoredSessionSchema = v.object({
  ...device,
  accessToken: v.pipe(v.string(), v.minLength(1)),
  /** The crypto store's key (base64), beside the session while no app lock seals it. */
  storageKey: v.optional(v.pipe(v.string(), v.minLength(1)))
});

/** With an app lock, the access token and the store's key exist only sealed in the vault. */
const LockedSessionSchema = v.object({
  ...device,
  vault: VaultSchema,
  idleMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60))
});

export type StoredSession = v.InferOutput<typeof StoredSessionSchema>;
export type LockedSession = v.InferOutput<typeof LockedSessionSchema>;

export function isLocked(session: StoredSession | LockedSession): session is LockedSession {
  return 'vault' in session;
}

export function loadSession(storage: Storage): StoredSession | LockedSession | null {
  const raw = storage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const parsed = v.safeParse(v.union([LockedSessionSchema, StoredSessionSchema]), JSON.parse(raw));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage, session: StoredSession | LockedSession): void {
  const schema = isLocked(session) ? LockedSessionSchema : StoredSessionSchema;
  storage.setItem(SESSION_KEY, JSON.stringify(v.parse(schema, session)));
}

export function clearSession(storage: Storage): void {
  storage.removeItem(SESSION_KEY);
}

/** Every local database of one user's device starts with this, so sign-out can find them all. */
export function storePrefix(session: Pick<StoredSession, 'userId' | 'deviceId'>): string {
  return `parley:${session.userId}:${session.deviceId}`;
}

/** Name of the Web Lock that keeps a second tab from opening the same crypto store. */
export function tabLockName(session: Pick<StoredSession, 'userId' | 'deviceId'>): string {
  return `${storePrefix(session)}:client`;
}

const NOTICE_KEY = 'parley.signedOutNotice';
export type SignedOutNotice = 'remoteSignOut';

/** Remembers, for the sign-in screen, why this tab was signed out without being asked. */
export function markSignedOut(storage: Storage, notice: SignedOutNotice): void {
  storage.setItem(NOTICE_KEY, notice);
}

/** The pending notice, shown once. */
export function signedOutNotice(storage: Storage): SignedOutNotice | null {
  const notice = storage.getItem(NOTICE_KEY);
  storage.removeItem(NOTICE_KEY);
  return notice === 'remoteSignOut' ? notice : null;
}
