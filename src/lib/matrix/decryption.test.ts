import { DecryptionFailureCode } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { describe, expect, it } from 'vitest';
import { failureReadability } from './decryption';

// Bodies as matrix-js-sdk 43 with Rust crypto produced them for lone surrogates (seen against Synapse).
const LONE_HIGH = '** Unable to decrypt: DecryptionError: unexpected end of hex escape at line 1 column 75 **';
const LONE_LOW = '** Unable to decrypt: DecryptionError: lone leading surrogate in hex escape at line 1 column 74 **';

describe('failureReadability', () => {
  it('calls content the sender encoded wrongly malformed', () => {
    expect(failureReadability(DecryptionFailureCode.UNKNOWN_ERROR, LONE_HIGH)).toBe('malformed');
    expect(failureReadability(DecryptionFailureCode.UNKNOWN_ERROR, LONE_LOW)).toBe('malformed');
  });

  it('keeps missing keys and other failures undecryptable', () => {
    expect(failureReadability(DecryptionFailureCode.MEGOLM_UNKNOWN_INBOUND_SESSION_ID, LONE_HIGH)).toBe('undecryptable');
    expect(failureReadability(DecryptionFailureCode.UNKNOWN_ERROR, '** Unable to decrypt: DecryptionError: The sender device is not known **')).toBe('undecryptable');
    expect(failureReadability(DecryptionFailureCode.UNKNOWN_ERROR, undefined)).toBe('undecryptable');
    expect(failureReadability(null, LONE_HIGH)).toBe('undecryptable');
  });
});
