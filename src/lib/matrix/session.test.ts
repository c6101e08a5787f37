import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, isLocked, loadSession, saveSession, storePrefix, tabLockName, type LockedSession, type StoredSession } from './session.ts';
import { sealSecrets } from '../safety/app-lock.ts';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

const KEY = 'parley.session';

const session: StoredSession = {
  baseUrl: 'https://matrix.example.org',
  userId: '@alice:example.org',
  deviceId: 'ABCDEFGH',
  accessToken: 'syt_secret_token'
};

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
});

describe('saveSession / loadSession', () => {
  it('round-trips a session', () => {
    saveSession(storage, session);
    expect(loadSession(storage)).toEqual(session);
  });

  it('stores the session as JSON under one key', () => {
    saveSession(storage, session);
    expect(storage.length).toBe(1);
    expect(JSON.parse(storage.getItem(KEY) ?? 'null')).toEqual(session);
  });

  it('round-trips a local http server with a port and a user ID with a port', () => {
    const local = { ...session, baseUrl: 'http://127.0.0.1:8008', userId: '@bob:localhost:8448' };
    saveSession(storage, local);
    expect(loadSession(storage)).toEqual(local);
  });

  it('does not save extra fields', () => {
    saveSession(storage, { ...session, password: 'hunter2' } as StoredSession);
    expect(storage.getItem(KEY)).not.toContain('hunter2');
    expect(loadSession(storage)).toEqual(session);
  });

  it('refuses to save an invalid session and leaves storage untouched', () => {
    expect(() => saveSession(storage, { ...session, userId: 'alice' })).toThrow();
    expect(() => saveSession(storage, { ...session, accessToken: '' })).toThrow();
    expect(() => saveSession(storage, { ...session, baseUrl: 'not a url' })).toThrow();
    expect(storage.length).toBe(0);
  });

  it('overwrites an earlier session', () => {
    saveSession(storage, session);
    const other = { ...session, deviceId: 'NEWDEVICE', accessToken: 'new' };
    saveSession(storage, other);
    expect(loadSession(storage)).toEqual(other);
  });

  it('loads null when nothing is stored', () => {
    expect(loadSession(storage)).toBeNull();
  });

  it.each(['', '{', 'not json', '{"baseUrl":', 'undefined', "{'single': 'quotes'}"])('loads null for invalid JSON %j', (raw) => {
    storage.setItem(KEY, raw);
    expect(loadSession(storage)).toBeNull();
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a string', 'session'],
    ['an array', [session]],
    ['an empty object', {}],
    ['a missing access token', { ...session, accessToken: undefined }],
    ['an empty access token', { ...session, accessToken: '' }],
    ['an empty device ID', { ...session, deviceId: '' }],
    ['a numeric device ID', { ...session, deviceId: 12345 }],
    ['a user ID without @', { ...session, userId: 'alice:example.org' }],
    ['a user ID without server', { ...session, userId: '@alice' }],
    ['a base URL that is not a URL', { ...session, baseUrl: 'matrix.example.org' }],
    ['a numeric base URL', { ...session, baseUrl: 8008 }],
    ['a token that is an object', { ...session, accessToken: { token: 'x' } }]
  ])('loads null for %s', (_label, value) => {
    storage.setItem(KEY, JSON.stringify(value));
    expect(loadSession(storage)).toBeNull();
  });

  it('ignores other keys in storage', () => {
    storage.setItem('parley.other', JSON.stringify(session));
    expect(loadSession(storage)).toBeNull();
  });
});

describe('a session with an app lock', () => {
  it('keeps only the sealed vault: no access token or store key beside it', async () => {
    const storage = new MemoryStorage();
    const vault = await sealSecrets('passphrase', { accessToken: 'syt_token', storageKey: 'c2VjcmV0' }, 100_000);
    const locked: LockedSession = { baseUrl: session.baseUrl, userId: session.userId, deviceId: session.deviceId, vault, idleMinutes: 5 };
    saveSession(storage, locked);
    const loaded = loadSession(storage);
    expect(loaded).toEqual(locked);
    expect(loaded && isLocked(loaded)).toBe(true);
    expect(storage.getItem(KEY)).not.toContain('syt_token');
    expect(storage.getItem(KEY)).not.toContain('c2VjcmV0');
  });

  it('an open session with its store key is not locked', () => {
    const storage = new MemoryStorage();
    saveSession(storage, { ...session, storageKey: 'c2VjcmV0' });
    const loaded = loadSession(storage);
    expect(loaded && isLocked(loaded)).toBe(false);
    expect(loaded).toEqual({ ...session, storageKey: 'c2VjcmV0' });
  });

  it('rejects a vault with a broken shape', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, JSON.stringify({ baseUrl: session.baseUrl, userId: session.userId, deviceId: session.deviceId, vault: { version: 2 }, idleMinutes: 5 }));
    expect(loadSession(storage)).toBeNull();
  });
});

describe('clearSession', () => {
  it('removes the saved session and nothing else', () => {
    storage.setItem('unrelated', 'keep');
    saveSession(storage, session);
    clearSession(storage);
    expect(loadSession(storage)).toBeNull();
    expect(storage.getItem('unrelated')).toBe('keep');
  });
});

describe('storePrefix and tabLockName', () => {
  it('name the user and device', () => {
    expect(storePrefix(session)).toBe('parley:@alice:example.org:ABCDEFGH');
    expect(tabLockName(session)).toBe('parley:@alice:example.org:ABCDEFGH:client');
  });

  it('start the lock name with the store prefix', () => {
    expect(tabLockName(session).startsWith(storePrefix(session))).toBe(true);
  });

  it('are distinct for every user and device combination', () => {
    const combos = [
      { userId: '@alice:example.org', deviceId: 'D1' },
      { userId: '@alice:example.org', deviceId: 'D2' },
      { userId: '@bob:example.org', deviceId: 'D1' },
      { userId: '@bob:example.org', deviceId: 'D2' },
      { userId: '@alice:other.example', deviceId: 'D1' }
    ];
    const prefixes = combos.map(storePrefix);
    const locks = combos.map(tabLockName);
    expect(new Set(prefixes).size).toBe(combos.length);
    expect(new Set(locks).size).toBe(combos.length);
    // No lock name equals any store prefix.
    for (const lock of locks) expect(prefixes).not.toContain(lock);
  });
});
