// Hostile content against the Matrix-side validators: an attachment's EncryptedFile, the saved
// session in this browser's storage, and the errors a homeserver answers sign-in with.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, everyFieldWrong, hostileContent, hostileStoredText, hostileValue, isBoundedString } from '../testing/hostile-arbitraries.ts';
import { AuthError, classifyAuthError, type AuthErrorCode } from './errors.ts';
import { EXAMPLE_ENCRYPTED_FILE } from './media.fixture.ts';
import { parseEncryptedFile } from './media.ts';
import { isLocked, loadSession } from './session.ts';

describe('parseEncryptedFile', () => {
  it('returns null or an mxc file with AES-CTR key, bounded strings and v2', () => {
    check(hostileContent(EXAMPLE_ENCRYPTED_FILE), (value) => {
      const file = parseEncryptedFile(value);
      if (file === null) return;
      expect(isBoundedString(file.url, 500) && file.url.startsWith('mxc://')).toBe(true);
      expect(file.key).toMatchObject({ kty: 'oct', alg: 'A256CTR', ext: true });
      expect(file.key.key_ops.every((op) => typeof op === 'string')).toBe(true);
      for (const text of [file.key.k, file.iv, file.hashes.sha256]) expect(isBoundedString(text, 100)).toBe(true);
      expect(file.v).toBe('v2');
      expect(parseEncryptedFile(JSON.parse(JSON.stringify(file)))).toEqual(file);
    });
  });

  it('refuses a file whose every field has the wrong type', () => {
    check(everyFieldWrong(EXAMPLE_ENCRYPTED_FILE), (value) => expect(parseEncryptedFile(value)).toBeNull());
  });
});

describe('loadSession', () => {
  const SESSION = { baseUrl: 'https://matrix.example.org', userId: '@alice:example.org', deviceId: 'DEVICE', accessToken: 'syt_token', storageKey: 'a2V5' };
  const LOCKED = {
    baseUrl: 'https://matrix.example.org',
    userId: '@alice:example.org',
    deviceId: 'DEVICE',
    vault: { version: 1, iterations: 600_000, salt: 's'.repeat(24), iv: 'i'.repeat(16), ciphertext: 'c' },
    idleMinutes: 5
  };

  it('loads any stored text as null or a session of the documented shape', () => {
    check(fc.oneof(hostileStoredText(SESSION), hostileStoredText(LOCKED)), (text) => {
      const storage = { getItem: () => text } as unknown as Storage;
      const session = loadSession(storage);
      if (session === null) return;
      expect(URL.canParse(session.baseUrl) && /^@[^:]+:.+$/.test(session.userId) && session.deviceId.length > 0).toBe(true);
      if (isLocked(session)) {
        expect(Number.isInteger(session.idleMinutes) && session.idleMinutes >= 1 && session.idleMinutes <= 1440).toBe(true);
        expect(session.vault.version).toBe(1);
      } else {
        expect(session.accessToken.length).toBeGreaterThan(0);
      }
    });
  });
});

describe('classifyAuthError', () => {
  const CODES: AuthErrorCode[] = [
    'serverMissing', 'serverInvalid', 'serverUnreachable', 'notMatrixServer', 'wrongPassword', 'userTaken', 'usernameInvalid',
    'passwordWeak', 'registrationClosed', 'registrationNeedsMore', 'rateLimited', 'unknown'
  ];
  const serverError = hostileContent({ errcode: 'M_FORBIDDEN', httpStatus: 403, name: 'MatrixError', message: 'Invalid password' });

  it('maps whatever was thrown to an AuthError with a known code', () => {
    check(fc.tuple(fc.oneof(serverError, hostileValue), fc.constantFrom<'signIn' | 'signUp'>('signIn', 'signUp')), ([error, during]) => {
      const classified = classifyAuthError(error, during);
      expect(classified).toBeInstanceOf(AuthError);
      expect(CODES).toContain(classified.code);
    });
  });
});
