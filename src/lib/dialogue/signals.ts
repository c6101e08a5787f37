// What others can learn about a person's attention: read receipts and typing notices. Receipts
// are private (m.read.private: only the person's own devices see them) unless the person chose
// public ones; typing notices are sent only when the person turned them on.
import { ReceiptType, type MatrixClient } from 'matrix-js-sdk';

/** Marks the room read up to its latest event from someone else, privately unless `publicReceipt`. */
export async function markRead(client: MatrixClient, roomId: string, publicReceipt: boolean): Promise<void> {
  const room = client.getRoom(roomId);
  const me = client.getSafeUserId();
  const latest = room
    ?.getLiveTimeline()
    .getEvents()
    .findLast((event) => event.getId()?.startsWith('$') && event.getSender() !== me);
  const eventId = latest?.getId();
  if (!room || !latest || !eventId || room.hasUserReadEvent(me, eventId)) return;
  await client.sendReadReceipt(latest, publicReceipt ? ReceiptType.Read : ReceiptType.ReadPrivate);
}

const TYPING_TIMEOUT_MS = 5_000;
const TYPING_REPEAT_MS = 4_000;

/** Typing notices for one room, at most one every few seconds, and a stop when the draft is sent or cleared. */
export function typingNotifier(client: MatrixClient, roomId: string, now: () => number = Date.now) {
  let lastSent = -Infinity;
  return {
    typed(): void {
      if (now() - lastSent < TYPING_REPEAT_MS) return;
      lastSent = now();
      void client.sendTyping(roomId, true, TYPING_TIMEOUT_MS).catch(() => undefined);
    },
    stopped(): void {
      if (lastSent === -Infinity) return;
      lastSent = -Infinity;
      void client.sendTyping(roomId, false, 0).catch(() => undefined);
    }
  };
}
