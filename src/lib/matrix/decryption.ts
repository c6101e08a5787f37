// Whether an encrypted event can be read. The Rust crypto decrypts and then parses the plaintext
// as JSON; content JSON cannot carry (a lone UTF-16 surrogate, which the sender's JSON encoder
// escapes) fails that parse after the keys worked. That is malformed content from the sender, not
// a missing key, and the person is told so rather than asked to fix their keys. An event still
// being decrypted is neither: under load the crypto may take a moment to reach it.
import { EventType, MatrixEventEvent, RoomEvent, type MatrixClient, type MatrixEvent } from 'matrix-js-sdk';
import { DecryptionFailureCode } from 'matrix-js-sdk/lib/crypto-api/index.js';

export type Readability = 'readable' | 'decrypting' | 'undecryptable' | 'malformed';

// The SDK's body for a failed decryption, ending in the JSON parser's position of the error.
const PLAINTEXT_PARSE_FAILURE = /^\*\* Unable to decrypt: DecryptionError: [^\n]* at line \d+ column \d+ \*\*$/;

/** Classifies a failure from its code and the body the SDK put in its place. */
export function failureReadability(code: DecryptionFailureCode | null, body: unknown): 'undecryptable' | 'malformed' {
  return code === DecryptionFailureCode.UNKNOWN_ERROR && typeof body === 'string' && PLAINTEXT_PARSE_FAILURE.test(body) ? 'malformed' : 'undecryptable';
}

export function readabilityOf(event: MatrixEvent): Readability {
  if (event.isDecryptionFailure()) return failureReadability(event.decryptionFailureReason, (event.getContent() as { body?: unknown }).body);
  if (event.getType() !== EventType.RoomMessageEncrypted) return 'readable';
  return event.isBeingDecrypted() ? 'decrypting' : 'undecryptable';
}

/**
 * Passes every timeline event's Decrypted on to the client, where the views listen. matrix-js-sdk
 * does so only for events made by an event mapper that has not yet met an already-known event
 * in its batch (its `preventReEmit` flag then stays set for the rest of the batch): after a sync
 * gap, such messages were decrypted but stayed "Decrypting…" on screen. Re-emitting is idempotent
 * per event, so events the SDK already passes on are heard once.
 */
export function reEmitEveryDecryption(client: MatrixClient): () => void {
  const onTimeline = (event: MatrixEvent) => {
    if (event.isEncrypted()) client.reEmitter.reEmit(event, [MatrixEventEvent.Decrypted]);
  };
  client.on(RoomEvent.Timeline, onTimeline);
  return () => client.off(RoomEvent.Timeline, onTimeline);
}
