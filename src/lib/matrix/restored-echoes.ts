// Messages still unsent when the page closed come back after a reload: matrix-js-sdk keeps their
// encrypted form (never the plaintext) and decrypts it again. The Rust crypto refuses them because
// a local echo's id (`~!room:m…`) is not an event ID, so the person would see their own unsent
// message as invalid content, with nothing to read before retrying it. The key is on this device:
// such a message is decrypted under a stand-in ID instead.
import { MatrixEvent, RoomEvent, type MatrixClient } from 'matrix-js-sdk';
import type { CryptoBackend } from 'matrix-js-sdk/lib/common-crypto/CryptoBackend.js';

/** The SDK's ids for events the server has not confirmed start with '~'. */
export function isLocalEchoId(id: string | undefined): id is string {
  return id?.startsWith('~') ?? false;
}

/** A syntactically valid event ID (no ':', so no server name to parse) standing in for a local echo's. */
export function standInEventId(localId: string): string {
  return `$parley-unsent-${localId.replace(/[^A-Za-z0-9]/g, '_')}`;
}

async function decryptUnderStandInId(crypto: CryptoBackend, event: MatrixEvent): Promise<void> {
  const standIn = new MatrixEvent({ ...event.event, event_id: standInEventId(event.getId()!) });
  // attemptDecryption keeps the SDK's own bookkeeping (state, failure reason, Decrypted event);
  // only the decryption itself reads the stand-in.
  const decryptStandIn = { decryptEvent: () => crypto.decryptEvent(standIn) } as unknown as CryptoBackend;
  await event.attemptDecryption(decryptStandIn, { isRetry: true });
}

/** Decrypts each restored unsent message that failed only because of its local id. */
export function decryptRestoredEchoes(client: MatrixClient): void {
  client.on(RoomEvent.LocalEchoUpdated, (event) => {
    const crypto = client.getCrypto() as CryptoBackend | undefined;
    if (crypto && event.isDecryptionFailure() && isLocalEchoId(event.getId())) void decryptUnderStandInId(crypto, event);
  });
}
