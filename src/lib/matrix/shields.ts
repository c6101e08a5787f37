// What a message's shield says about its sender, from the crypto layer's verdict
// (getEncryptionInfoForEvent) and whether the person is verified.

export type Shield = 'verified' | 'unverifiedPerson' | 'unverifiedDevice' | 'unknownDevice' | 'identityChanged' | 'warning';

/** The SDK's EventShieldColour and EventShieldReason values, as numbers. */
export interface EncryptionVerdict {
  shieldColour: number;
  shieldReason: number | null;
}

const RED = 2;
const REASON_UNSIGNED_DEVICE = 2;
const REASON_UNKNOWN_DEVICE = 3;
const REASON_VERIFICATION_VIOLATION = 7;

export function shieldOf(verdict: EncryptionVerdict, senderVerified: boolean): Shield {
  switch (verdict.shieldReason) {
    case REASON_UNSIGNED_DEVICE:
      return 'unverifiedDevice';
    case REASON_UNKNOWN_DEVICE:
      return 'unknownDevice';
    case REASON_VERIFICATION_VIOLATION:
      return 'identityChanged';
  }
  if (verdict.shieldColour === RED) return 'warning';
  return senderVerified ? 'verified' : 'unverifiedPerson';
}
