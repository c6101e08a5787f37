import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encryptAttachment, decryptAttachment } from 'matrix-encrypt-attachment';
import { parseEncryptedFile } from './media.ts';
import { EXAMPLE_ENCRYPTED_FILE } from './media.fixture.ts';

describe('parseEncryptedFile', () => {
  it('accepts a v2 AES-CTR file with a SHA-256 hash', () => {
    expect(parseEncryptedFile(EXAMPLE_ENCRYPTED_FILE)).toEqual(EXAMPLE_ENCRYPTED_FILE);
  });

  it('accepts what matrix-encrypt-attachment produces, and that decrypts back', async () => {
    const plaintext = new TextEncoder().encode('minutes');
    const { data, info } = await encryptAttachment(plaintext.buffer as ArrayBuffer);
    const parsed = parseEncryptedFile({ ...info, url: 'mxc://example.org/x' });
    expect(parsed).not.toBeNull();
    expect(new TextDecoder().decode(await decryptAttachment(data, parsed!))).toBe('minutes');
  });

  it.each([
    ['version 1', { ...EXAMPLE_ENCRYPTED_FILE, v: 'v1' }],
    ['a non-mxc url', { ...EXAMPLE_ENCRYPTED_FILE, url: 'https://example.org/x' }],
    ['a key that is not extractable', { ...EXAMPLE_ENCRYPTED_FILE, key: { ...EXAMPLE_ENCRYPTED_FILE.key, ext: false } }],
    ['no hash', { ...EXAMPLE_ENCRYPTED_FILE, hashes: {} }],
    ['null', null]
  ])('refuses %s', (_, value) => {
    expect(parseEncryptedFile(value)).toBeNull();
  });

  it('never throws on random input', () => {
    fc.assert(fc.property(fc.anything(), (value) => {
      parseEncryptedFile(value);
    }));
  });
});
