import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import {
  afterFailure,
  fromBase64,
  newStorageKey,
  NO_ATTEMPTS,
  openVault,
  parseAttempts,
  sealSecrets,
  VaultSchema,
  waitBeforeAttempt,
  watchIdle,
  WrongPassphraseError
} from './app-lock.ts';

const secrets = { accessToken: 'syt_secret_token_value', storageKey: newStorageKey() };
const FAST = 100_000;

describe('vault', () => {
  it('opens with the right passphrase only', async () => {
    const vault = await sealSecrets('correct horse', secrets, FAST);
    expect(v.safeParse(VaultSchema, vault).success).toBe(true);
    await expect(openVault('correct horse', vault)).resolves.toEqual(secrets);
    await expect(openVault('correct hors', vault)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('holds nothing readable: neither the token nor the store key appear in it', async () => {
    const vault = await sealSecrets('123456', secrets, FAST);
    const stored = JSON.stringify(vault);
    expect(stored).not.toContain(secrets.accessToken);
    expect(stored).not.toContain(secrets.storageKey);
    expect(atob(vault.ciphertext)).not.toContain('syt_');
  });

  it('uses a fresh salt and nonce every time', async () => {
    const [a, b] = await Promise.all([sealSecrets('same', secrets, FAST), sealSecrets('same', secrets, FAST)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('treats the same passphrase in another Unicode form as the same', async () => {
    const vault = await sealSecrets('ﬁle Å', secrets, FAST);
    await expect(openVault('file Å', vault)).resolves.toEqual(secrets);
  });

  it('fails on a tampered vault', async () => {
    const vault = await sealSecrets('pin123', secrets, FAST);
    const bytes = fromBase64(vault.ciphertext);
    bytes[0] ^= 1;
    await expect(openVault('pin123', { ...vault, ciphertext: btoa(String.fromCharCode(...bytes)) })).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('makes 32-byte store keys', () => {
    expect(fromBase64(newStorageKey())).toHaveLength(32);
    expect(newStorageKey()).not.toBe(newStorageKey());
  });
});

describe('wrong attempts', () => {
  it('allow three, then wait 30 s, doubling up to 15 minutes', () => {
    let attempts = { ...NO_ATTEMPTS };
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      attempts = afterFailure(attempts, 1_000);
      waits.push(waitBeforeAttempt(attempts, 1_000));
    }
    expect(waits).toEqual([0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000]);
    expect(waitBeforeAttempt(attempts, 1_000 + 900_000)).toBe(0);
  });

  it('read back what was stored, and start afresh from anything else', () => {
    expect(parseAttempts(JSON.stringify({ failures: 4, lockedUntil: 5 }))).toEqual({ failures: 4, lockedUntil: 5 });
    for (const raw of [null, 'x', '{}', '{"failures":-1,"lockedUntil":0}']) expect(parseAttempts(raw)).toEqual(NO_ATTEMPTS);
  });
});

describe('watchIdle', () => {
  it('fires after the idle time, and any input starts it again', () => {
    vi.useFakeTimers();
    try {
      const target = new EventTarget();
      const onIdle = vi.fn();
      const stop = watchIdle(target, 60_000, onIdle);
      vi.advanceTimersByTime(59_000);
      target.dispatchEvent(new Event('keydown'));
      vi.advanceTimersByTime(59_000);
      expect(onIdle).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1_000);
      expect(onIdle).toHaveBeenCalledTimes(1);
      stop();
      vi.advanceTimersByTime(120_000);
      expect(onIdle).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
