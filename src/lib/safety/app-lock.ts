// The app lock. The secrets that open this device's account and keys (the access token and the
// key the crypto store is encrypted with) are sealed with a key derived from the person's
// passphrase or PIN, so that a copied browser profile yields neither. Wrong attempts wait longer
// and longer; a forgotten passphrase means signing in again with the recovery key.
import * as v from 'valibot';

const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSPHRASE_LENGTH = 6;

export interface LockSecrets {
  accessToken: string;
  /** The crypto store's key, base64. */
  storageKey: string;
}

export const VaultSchema = v.object({
  version: v.literal(1),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(100_000), v.maxValue(10_000_000)),
  salt: v.pipe(v.string(), v.minLength(16), v.maxLength(64)),
  iv: v.pipe(v.string(), v.minLength(16), v.maxLength(32)),
  ciphertext: v.pipe(v.string(), v.minLength(1), v.maxLength(10_000))
});
export type Vault = v.InferOutput<typeof VaultSchema>;

const SecretsSchema = v.object({ accessToken: v.pipe(v.string(), v.minLength(1)), storageKey: v.pipe(v.string(), v.minLength(1)) });

export class WrongPassphraseError extends Error {
  name = 'WrongPassphraseError';
}

export function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** A fresh random key for a new crypto store (32 bytes, as the Rust crypto store wants). */
export function newStorageKey(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

async function derive(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFKC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function sealSecrets(passphrase: string, secrets: LockSecrets, iterations = PBKDF2_ITERATIONS): Promise<Vault> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await derive(passphrase, salt, iterations);
  const plaintext = new TextEncoder().encode(JSON.stringify(v.parse(SecretsSchema, secrets)));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext));
  return { version: 1, iterations, salt: toBase64(salt), iv: toBase64(iv), ciphertext: toBase64(ciphertext) };
}

/** The secrets, or WrongPassphraseError (AES-GCM authenticates: a wrong key never yields garbage). */
export async function openVault(passphrase: string, vault: Vault): Promise<LockSecrets> {
  const key = await derive(passphrase, fromBase64(vault.salt), vault.iterations);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(vault.iv) }, key, fromBase64(vault.ciphertext));
  } catch {
    throw new WrongPassphraseError();
  }
  return v.parse(SecretsSchema, JSON.parse(new TextDecoder().decode(plaintext)));
}

// --- Wrong attempts: three free, then a wait that doubles from 30 seconds up to 15 minutes.

const FREE_ATTEMPTS = 3;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

const AttemptsSchema = v.object({ failures: v.pipe(v.number(), v.integer(), v.minValue(0)), lockedUntil: v.number() });
export type Attempts = v.InferOutput<typeof AttemptsSchema>;
export const NO_ATTEMPTS: Attempts = { failures: 0, lockedUntil: 0 };

export function parseAttempts(raw: string | null): Attempts {
  try {
    const parsed = v.safeParse(AttemptsSchema, JSON.parse(raw ?? 'null'));
    return parsed.success ? parsed.output : { ...NO_ATTEMPTS };
  } catch {
    return { ...NO_ATTEMPTS };
  }
}

export function afterFailure(attempts: Attempts, now: number): Attempts {
  const failures = attempts.failures + 1;
  const extra = failures - FREE_ATTEMPTS;
  const wait = extra > 0 ? Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (extra - 1)) : 0;
  return { failures, lockedUntil: now + wait };
}

/** How long until the next attempt is allowed, in milliseconds (0: now). */
export function waitBeforeAttempt(attempts: Attempts, now: number): number {
  return Math.max(0, attempts.lockedUntil - now);
}

// --- Idle: the app locks itself after a quiet period the person chose.

export const IDLE_CHOICES_MINUTES = [1, 5, 15, 60] as const;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` after `idleMs` without any input; returns a stop function. */
export function watchIdle(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>, idleMs: number, onIdle: () => void): () => void {
  let timer = setTimeout(onIdle, idleMs);
  const reset = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, idleMs);
  };
  for (const event of ACTIVITY_EVENTS) target.addEventListener(event, reset, { passive: true } as AddEventListenerOptions);
  return () => {
    clearTimeout(timer);
    for (const event of ACTIVITY_EVENTS) target.removeEventListener(event, reset);
  };
}
