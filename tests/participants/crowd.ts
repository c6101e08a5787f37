// Many scripted participants at once, for the load and fault tests, the benchmark and the demo:
// each is a real matrix-js-sdk client with Rust crypto (in-memory stores) on the homeserver.
import { Direction, EventType, type MatrixClient } from 'matrix-js-sdk';
import { uniqueLocalpart, type HomeserverInfo } from '../homeserver/synapse.ts';
import { dialogueRoomOptions } from '../../src/lib/dialogue/rooms.ts';
import { joinWhenInvited, startParticipant, type Participant } from './participant.ts';

/** Runs `task` over `items` with at most `limit` at a time, keeping results in item order. */
export async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface Crowd {
  members: Participant[];
  stop(): Promise<void>;
}

/** Signs up `size` people and starts their clients, a few at a time (crypto set-up is the slow part). */
export async function startCrowd(hs: HomeserverInfo, size: number, prefix: string, concurrency = 8): Promise<Crowd> {
  const started: Participant[] = [];
  try {
    await inBatches(Array.from({ length: size }, (_, i) => i), concurrency, async (i) => {
      started.push(await startParticipant(hs, uniqueLocalpart(`${prefix}${i}`)));
    });
  } catch (error) {
    await Promise.all(started.map((p) => p.stop()));
    throw error;
  }
  return { members: started, stop: async () => void (await Promise.all(started.map((p) => p.stop()))) };
}

/** The first member creates an encrypted room inviting the others (and `alsoInvite`); everyone joins. */
export async function crowdRoom(crowd: Crowd, name: string, alsoInvite: string[] = []): Promise<string> {
  const [host, ...others] = crowd.members;
  const { room_id: roomId } = await host.client.createRoom({
    ...dialogueRoomOptions(name),
    invite: [...others.map((p) => p.user.userId), ...alsoInvite]
  });
  await joinWhenInvited(host, roomId);
  await inBatches(others, 10, (p) => joinWhenInvited(p, roomId, 120_000));
  return roomId;
}

export interface SentMessage {
  sender: string;
  body: string;
  eventId: string;
  /** When the server confirmed it (ms since epoch, this machine's clock). */
  sentAt: number;
}

/**
 * Every member sends `perMember` messages, all members at once, each member's in order (with
 * `pauseMs` between two, to keep a conversation going). The body names the sender and the
 * sequence number, so a reader can check order and duplicates.
 */
export async function sendFromEveryone(crowd: Crowd, roomId: string, perMember: number, tag: string, pauseMs = 0): Promise<SentMessage[]> {
  const perSender = await Promise.all(
    crowd.members.map(async (p, m) => {
      const sent: SentMessage[] = [];
      for (let i = 0; i < perMember; i++) {
        if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
        const body = messageBody(tag, m, i);
        const { event_id } = await sendWithRetry(p.client, roomId, body);
        sent.push({ sender: p.user.userId, body, eventId: event_id, sentAt: Date.now() });
      }
      return sent;
    })
  );
  return perSender.flat();
}

export function messageBody(tag: string, member: number, index: number): string {
  return `load ${tag} m${member} #${index}`;
}

/** Parses a body written by messageBody; null for anything else. */
export function parseMessageBody(tag: string, body: string): { member: number; index: number } | null {
  const match = new RegExp(`^load ${tag} m(\\d+) #(\\d+)$`).exec(body);
  return match ? { member: Number(match[1]), index: Number(match[2]) } : null;
}

/**
 * Sends one message, trying again while the server is away. The SDK keeps the transaction id
 * across resends, so a message the server did store is not stored twice.
 */
export async function sendWithRetry(client: MatrixClient, roomId: string, body: string, timeoutMs = 120_000): Promise<{ event_id: string }> {
  const deadline = Date.now() + timeoutMs;
  try {
    return await client.sendEvent(roomId, EventType.RoomMessage, { msgtype: 'm.text', body } as never);
  } catch (error) {
    const room = client.getRoom(roomId);
    const pending = room?.getPendingEvents().find((event) => (event.getContent() as { body?: string }).body === body);
    if (!room || !pending) throw error;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      try {
        await client.resendEvent(pending, room);
        return { event_id: pending.getId()! };
      } catch {
        // The server is still away: try again.
      }
    }
    throw error;
  }
}

/** The id of the room's newest event, as the server orders them. */
export async function newestEventId(p: Participant, roomId: string): Promise<string> {
  const page = await p.client.createMessagesRequest(roomId, null, 1, Direction.Backward);
  return page.chunk[0].event_id;
}

/** The room's event IDs in the server's order, oldest first, read with /messages a page at a time. */
export async function roomEventIds(p: Participant, roomId: string): Promise<string[]> {
  const ids: string[] = [];
  let from: string | null = null;
  for (;;) {
    const page = await p.client.createMessagesRequest(roomId, from, 500, Direction.Forward);
    ids.push(...page.chunk.map((event) => event.event_id));
    if (!page.end || page.chunk.length === 0) return ids;
    from = page.end;
  }
}
