import { describe, expect, it } from 'vitest';
import { shieldOf } from './shields.ts';

// EventShieldColour: NONE 0, GREY 1, RED 2. EventShieldReason: UNSIGNED_DEVICE 2, UNKNOWN_DEVICE 3, VERIFICATION_VIOLATION 7.
describe('shieldOf', () => {
  it('is verified only when the crypto layer has no complaint and the person is verified', () => {
    expect(shieldOf({ shieldColour: 0, shieldReason: null }, true)).toBe('verified');
    expect(shieldOf({ shieldColour: 0, shieldReason: null }, false)).toBe('unverifiedPerson');
  });

  it('names device problems whatever the person', () => {
    expect(shieldOf({ shieldColour: 2, shieldReason: 2 }, true)).toBe('unverifiedDevice');
    expect(shieldOf({ shieldColour: 1, shieldReason: 3 }, true)).toBe('unknownDevice');
    expect(shieldOf({ shieldColour: 2, shieldReason: 7 }, false)).toBe('identityChanged');
  });

  it('warns on any other red verdict', () => {
    expect(shieldOf({ shieldColour: 2, shieldReason: 5 }, true)).toBe('warning');
    expect(shieldOf({ shieldColour: 1, shieldReason: 4 }, false)).toBe('unverifiedPerson');
  });
});
