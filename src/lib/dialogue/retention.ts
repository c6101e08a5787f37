// Disappearing messages. A facilitator sets the room's message lifetime (m.room.retention
// max_lifetime); every member's client hides messages older than that and drops them from
// memory, and a person who chose to also redacts their own expired messages on the server.
import { EventType, KnownMembership, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk';
import { parseRetention, retentionContent } from './events.ts';

export const RETENTION_EVENT = 'm.room.retention';

export function retentionOf(room: Room): number | null {
  return parseRetention(room.currentState.getStateEvents(RETENTION_EVENT, '')?.getContent());
}

export function isExpired(ts: number, lifetimeMs: number | null, now: number): boolean {
  return lifetimeMs !== null && ts + lifetimeMs <= now;
}

/** When the next of these events expires, or null. */
export function nextExpiry(timestamps: number[], lifetimeMs: number | null, now: number): number | null {
  if (lifetimeMs === null) return null;
  const upcoming = timestamps.map((ts) => ts + lifetimeMs).filter((at) => at > now);
  return upcoming.length > 0 ? Math.min(...upcoming) : null;
}

export async function setRetention(client: MatrixClient, roomId: string, lifetimeMs: number | null): Promise<void> {
  await client.sendStateEvent(roomId, RETENTION_EVENT as never, retentionContent(lifetimeMs) as never, '');
}

const MESSAGE_TYPES = new Set<string>([EventType.RoomMessage, EventType.RoomMessageEncrypted]);
const SWEEP_MS = 1_000;

function expiredMessages(room: Room, now: number): MatrixEvent[] {
  const lifetime = retentionOf(room);
  if (lifetime === null) return [];
  return room
    .getLiveTimeline()
    .getEvents()
    .filter((event) => MESSAGE_TYPES.has(event.getType()) && event.getId()?.startsWith('$') && isExpired(event.getTs(), lifetime, now));
}

/**
 * Every second, drops expired messages from this client's rooms; when `redactOwn()` says so,
 * the person's own expired messages are first redacted on the server.
 */
export function expireMessages(client: MatrixClient, redactOwn: () => boolean): () => void {
  const me = client.getSafeUserId();
  const sweep = () => {
    const now = Date.now();
    for (const room of client.getRooms()) {
      if (room.getMyMembership() !== KnownMembership.Join) continue;
      for (const event of expiredMessages(room, now)) {
        const eventId = event.getId()!;
        if (redactOwn() && event.getSender() === me && !event.isRedacted()) {
          void client.redactEvent(room.roomId, eventId, undefined, { reason: 'expired' }).catch(() => undefined);
        }
        room.removeEvent(eventId);
      }
    }
  };
  const timer = setInterval(sweep, SWEEP_MS);
  return () => clearInterval(timer);
}
