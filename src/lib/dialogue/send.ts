// Sending, retrying and discarding messages. A message that failed because the network or
// the server was away is sent again, in order, as soon as sync works again; the SDK keeps
// its transaction id, so the server stores it once even if the first attempt did reach it.
import { ClientEvent, EventStatus, EventType, SyncState, type MatrixClient, type MatrixEvent } from 'matrix-js-sdk';
import DOMPurify from 'dompurify';
import { composeText } from './markdown.ts';
import { waitForRoomEncryption } from './rooms.ts';
import { createMatrixSanitizer, type MatrixHtmlSanitizer } from './sanitize.ts';

let sanitizer: MatrixHtmlSanitizer | null = null;
export function browserSanitizer(): MatrixHtmlSanitizer {
  sanitizer ??= createMatrixSanitizer(window as unknown as Parameters<typeof DOMPurify>[0] & Window);
  return sanitizer;
}

/**
 * Sends a message, encrypted. Throws NotEncryptedError, before anything leaves the device,
 * when the room's encryption is not (yet) known: Parley never sends what people write in clear.
 */
/** Key under which an outgoing message carries its detected language (inside the encrypted content). */
export const LANGUAGE_KEY = 'org.parley.language';

export async function sendText(client: MatrixClient, roomId: string, text: string, replyTo?: string, language?: string | null): Promise<void> {
  const content: Record<string, unknown> = { ...composeText(text, browserSanitizer()) };
  if (replyTo) content['m.relates_to'] = { 'm.in_reply_to': { event_id: replyTo } };
  if (language) content[LANGUAGE_KEY] = language;
  await waitForRoomEncryption(client, roomId);
  try {
    await client.sendEvent(roomId, EventType.RoomMessage, content as never);
  } catch {
    // The local echo is now marked failed and stays in the timeline with retry and discard.
  }
}

export async function retrySend(client: MatrixClient, event: MatrixEvent): Promise<void> {
  const room = client.getRoom(event.getRoomId() ?? '');
  if (!room || event.status !== EventStatus.NOT_SENT) return;
  try {
    await client.resendEvent(event, room);
  } catch {
    // Still failing: it stays marked failed.
  }
}

export function discardSend(client: MatrixClient, event: MatrixEvent): void {
  client.cancelPendingEvent(event);
}

const PREPARE_INTERVAL_MS = 10_000;
const lastPrepared = new Map<string, number>();

/**
 * While someone types, the room key is shared ahead of time (as Element does), so that pressing
 * Enter only has to encrypt and send. At most once every ten seconds per room.
 */
export function prepareToSend(client: MatrixClient, roomId: string): void {
  const room = client.getRoom(roomId);
  const now = Date.now();
  if (!room || now - (lastPrepared.get(roomId) ?? 0) < PREPARE_INTERVAL_MS) return;
  lastPrepared.set(roomId, now);
  client.getCrypto()?.prepareToEncrypt(room);
}

const IN_FLIGHT: (EventStatus | null)[] = [EventStatus.ENCRYPTING, EventStatus.SENDING, EventStatus.QUEUED];
const isInFlight = (event: MatrixEvent) => IN_FLIGHT.includes(event.status);

function anyPendingEvent(client: MatrixClient, test: (event: MatrixEvent) => boolean): boolean {
  return client.getRooms().some((room) => room.getPendingEvents().some(test));
}

/** Messages being encrypted or sent right now: leaving the page would lose or garble them. */
export function hasMessagesInFlight(client: MatrixClient): boolean {
  return anyPendingEvent(client, isInFlight);
}

/**
 * Messages a reload would lose: those in flight, and unsent ones that were never encrypted
 * (written offline before the room key could be shared). The SDK keeps unsent messages across a
 * reload in encrypted form only, never as plaintext.
 */
export function hasMessagesToLose(client: MatrixClient): boolean {
  return anyPendingEvent(client, (event) => isInFlight(event) || (event.status === EventStatus.NOT_SENT && !event.isEncrypted()));
}

function failedForConnectivity(event: MatrixEvent): boolean {
  const error = event.error as { name?: string; httpStatus?: number } | null;
  if (!error) return true;
  return error.name === 'ConnectionError' || error.name === 'TypeError' || (error.httpStatus ?? 0) >= 500 || !error.httpStatus;
}

/** Re-sends, oldest first, the messages that failed while the server could not be reached. */
export function resendWhenBackOnline(client: MatrixClient): () => void {
  let wasOffline = false;
  let running = false;
  const onSync = async (state: SyncState) => {
    if (state === SyncState.Reconnecting || state === SyncState.Error) wasOffline = true;
    if (state !== SyncState.Syncing || !wasOffline || running) return;
    wasOffline = false;
    running = true;
    try {
      for (const room of client.getRooms()) {
        // A copy: the SDK's own list loses each message as its remote echo comes, which would skip the next.
        for (const event of [...room.getPendingEvents()]) {
          if (event.status === EventStatus.NOT_SENT && failedForConnectivity(event)) await retrySend(client, event);
        }
      }
    } finally {
      running = false;
    }
  };
  client.on(ClientEvent.Sync, onSync);
  return () => client.off(ClientEvent.Sync, onSync);
}
