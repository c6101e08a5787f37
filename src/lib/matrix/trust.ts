// Cross-signing, secret storage, key backup and devices: everything that lets a person know
// who they are talking to and keep their history when they lose a device. Secret-storage keys
// live only in this module's memory, never in a store.
import type { MatrixClient } from 'matrix-js-sdk';
import type { AuthDict, UIAuthCallback } from 'matrix-js-sdk/lib/interactive-auth.js';
import {
  decodeRecoveryKey,
  deriveRecoveryKeyFromPassphrase,
  type CryptoCallbacks,
  type ImportRoomKeyProgressData
} from 'matrix-js-sdk/lib/crypto-api/index.js';

const secretStorageKeys = new Map<string, Uint8Array<ArrayBuffer>>();

export const cryptoCallbacks: CryptoCallbacks = {
  getSecretStorageKey: async ({ keys }) => {
    for (const keyId of Object.keys(keys)) {
      const key = secretStorageKeys.get(keyId);
      if (key) return [keyId, key];
    }
    return null;
  },
  cacheSecretStorageKey: (keyId, _info, key) => {
    secretStorageKeys.set(keyId, key);
  }
};

export function forgetSecretStorageKeys(): void {
  secretStorageKeys.clear();
}

export type TrustState = 'needsSetup' | 'needsDeviceVerification' | 'ready';

function cryptoOf(client: MatrixClient) {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('end-to-end encryption is not running');
  return crypto;
}

export async function trustStateOf(client: MatrixClient): Promise<TrustState> {
  const crypto = cryptoOf(client);
  const me = client.getSafeUserId();
  if (!(await crypto.userHasCrossSigningKeys(me, true))) return 'needsSetup';
  const device = await crypto.getDeviceVerificationStatus(me, client.getDeviceId() ?? '');
  return device?.crossSigningVerified ? 'ready' : 'needsDeviceVerification';
}

interface UiaError {
  httpStatus?: number;
  data?: { session?: string; flows?: unknown };
}

/** Answers a user-interactive-auth challenge with the account password, when one is asked for. */
export function passwordAuth(client: MatrixClient, password: string | null): UIAuthCallback<void> {
  return async (makeRequest) => {
    try {
      await makeRequest(null as unknown as AuthDict);
    } catch (error) {
      const challenge = error as UiaError;
      if (challenge.httpStatus !== 401 || !challenge.data?.flows || !password) throw error;
      await makeRequest({
        type: 'm.login.password',
        identifier: { type: 'm.id.user', user: client.getSafeUserId() },
        password,
        session: challenge.data.session
      } as AuthDict);
    }
  };
}

/**
 * First sign-in, or after a reset: cross-signing keys, secret storage and an encrypted key
 * backup. Returns the recovery key to show once (also when a passphrase is chosen: the
 * passphrase derives it, and the key still works on its own).
 */
export async function setUpTrust(client: MatrixClient, options: { password: string | null; passphrase?: string; newIdentity?: boolean }): Promise<string> {
  const crypto = cryptoOf(client);
  const generated = await crypto.createRecoveryKeyFromPassphrase(options.passphrase || undefined);
  // Secret storage first, so that new cross-signing keys are stored in it as they are made:
  // after a reset the old storage's key is, by definition, lost.
  await crypto.bootstrapSecretStorage({
    createSecretStorageKey: async () => generated,
    setupNewSecretStorage: true,
    setupNewKeyBackup: true
  });
  await crypto.bootstrapCrossSigning({
    authUploadDeviceSigningKeys: passwordAuth(client, options.password),
    setupNewCrossSigning: options.newIdentity ?? false
  });
  return generated.encodedPrivateKey ?? '';
}

export type RecoveryInput = { kind: 'recoveryKey'; value: string } | { kind: 'passphrase'; value: string };

export type RecoveryErrorCode = 'noSecretStorage' | 'badKey' | 'noPassphrase';

export class RecoveryError extends Error {
  readonly code: RecoveryErrorCode;
  constructor(code: RecoveryErrorCode) {
    super(code);
    this.code = code;
  }
}

/** Checks a recovery key or passphrase against secret storage and keeps it for this session. */
export async function unlockSecretStorage(client: MatrixClient, input: RecoveryInput): Promise<void> {
  const keyId = await client.secretStorage.getDefaultKeyId();
  const described = keyId ? await client.secretStorage.getKey(keyId) : null;
  if (!keyId || !described) throw new RecoveryError('noSecretStorage');
  const [, info] = described;
  let key: Uint8Array<ArrayBuffer>;
  if (input.kind === 'recoveryKey') {
    try {
      key = decodeRecoveryKey(input.value.trim());
    } catch {
      throw new RecoveryError('badKey');
    }
  } else {
    if (!info.passphrase) throw new RecoveryError('noPassphrase');
    key = await deriveRecoveryKeyFromPassphrase(input.value, info.passphrase.salt, info.passphrase.iterations, info.passphrase.bits);
  }
  if (!(await client.secretStorage.checkKey(key, info as never))) throw new RecoveryError('badKey');
  secretStorageKeys.set(keyId, key);
}

export interface RestoreProgress {
  done: number;
  total: number;
}

/** With secret storage unlocked: cross-sign this device and restore history from the backup. */
export async function completeRecovery(client: MatrixClient, onProgress: (p: RestoreProgress) => void): Promise<number> {
  const crypto = cryptoOf(client);
  // The private keys from secret storage are checked against the account's public keys, which
  // a device that has only just signed in may not have fetched yet.
  await crypto.userHasCrossSigningKeys(client.getSafeUserId(), true);
  for (let attempt = 0; attempt < 50 && !(await crypto.getCrossSigningStatus()).publicKeysOnDevice; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // Imports the cross-signing keys from secret storage and signs this device with them.
  await crypto.bootstrapCrossSigning({});
  await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
  return restoreHistory(client, onProgress);
}

/** Restores room keys from the server-side backup with this device's backup key. */
export async function restoreHistory(client: MatrixClient, onProgress: (p: RestoreProgress) => void): Promise<number> {
  const crypto = cryptoOf(client);
  const check = await crypto.checkKeyBackupAndEnable();
  if (!check?.backupInfo) return 0;
  const result = await crypto.restoreKeyBackup({
    progressCallback: (progress: ImportRoomKeyProgressData) => {
      if (progress.stage === 'load_keys') onProgress({ done: progress.successes + progress.failures, total: progress.total });
    }
  });
  return result.imported;
}

/** Starts over: new cross-signing identity, new secret storage, new backup. Old history is lost. */
export async function resetEncryption(client: MatrixClient, password: string, passphrase?: string): Promise<string> {
  forgetSecretStorageKeys();
  // New secret storage and backup, then a new identity stored in it. (The SDK's
  // resetEncryption blanks the old secrets first, which its secret storage then refuses to read.)
  return setUpTrust(client, { password, passphrase, newIdentity: true });
}
