import { describe, expect, it } from 'vitest';
import { VerificationPhase } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { isFreshRequest } from './verification.ts';

describe('isFreshRequest', () => {
  const started = 1_000_000;
  it('accepts requests made while this client runs', () => {
    expect(isFreshRequest(started + 10, VerificationPhase.Requested, started)).toBe(true);
    expect(isFreshRequest(started - 1_000, VerificationPhase.Requested, started)).toBe(true);
  });

  it('ignores requests from before this device signed in, finished ones and unknown ages', () => {
    expect(isFreshRequest(started - 60_000, VerificationPhase.Requested, started)).toBe(false);
    expect(isFreshRequest(started + 10, VerificationPhase.Done, started)).toBe(false);
    expect(isFreshRequest(started + 10, VerificationPhase.Cancelled, started)).toBe(false);
    expect(isFreshRequest(null, VerificationPhase.Requested, started)).toBe(false);
  });
});
