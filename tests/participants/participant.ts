// A scripted Matrix participant: matrix-js-sdk with Rust crypto in Node (in-memory stores),
// against a real homeserver. Used by browser tests that need a second, independent client,
// by `npm run demo` to write demo conversations, and by `npm run bench` as the SDK floor.
import {
  ClientEvent,
  createClient,
  EventType,
  KnownMembership,
  MatrixEventEvent,
  PendingEventOrdering,
  RoomEvent,
  SyncState,
  type MatrixClient,
  type MatrixEvent
} from 'matrix-js-sdk';
import { logger as sdkGlobalLogger, type Logger } from 'matrix-js-sdk/lib/logger.js';
import type { CryptoCallbacks } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { waitForRoomEncryption } from '../../src/lib/dialogue/rooms.ts';
import { registerUser, type HomeserverInfo, type RegisteredUser } from '../homeserver/synapse.ts';

// The SDK logs every sync and key share; scripted runs print only when PARLEY_DEBUG is set.
const verbose = !!process.env.PARLEY_DEBUG;
const quietLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (...args: unknown[]) => verbose && console.warn(...args),
  error: (...args: unknown[]) => verbose && console.error(...args),
  getChild: () => quietLogger
};
(sdkGlobalLogger as unknown as { setLevel(level: string): void }).setLevel(verbose ? 'debug' : 'error');

export interface Participant {
  user: RegisteredUser;
  client: MatrixClient;
  /**
   * Holds this client's /sync requests until `resumeSync` or stop: it still sends and encrypts,
   * but reads nothing meanwhile. A crowd of voters need not decrypt each other's joins and votes
   * (thousands each) while they wait for their turn.
   */
  holdSync(): void;
  /** Lets /sync go again, at once: the next one brings everything since the hold. */
  resumeSync(): void;
  stop(): Promise<void>;
}

export async function waitForSync(client: MatrixClient): Promise<void> {
  if (client.getSyncState() === SyncState.Syncing || client.getSyncState() === SyncState.Prepared) return;
  await new Promise<void>((resolve, reject) => {
    const onSync = (state: SyncState) => {
      if (state === SyncState.Prepared || state === SyncState.Syncing) {
        client.off(ClientEvent.Sync, onSync);
        resolve();
      } else if (state === SyncState.Error) {
        client.off(ClientEvent.Sync, onSync);
        reject(new Error('sync failed'));
      }
    };
    client.on(ClientEvent.Sync, onSync);
  });
}

/** Registers a new user (shared-secret admin API) and starts an encrypting client for them. */
export async function startParticipant(
  hs: HomeserverInfo,
  localpart: string,
  password = `pw-${localpart}-x9`,
  displayName?: string,
  cryptoCallbacks?: CryptoCallbacks
): Promise<Participant> {
  const user = await registerUser(hs, localpart, password);
  let held: Promise<void> | null = null;
  let release = () => undefined as void;
  const fetchFn: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (held && new URL(url).pathname.endsWith('/sync')) {
      // An abort (the SDK's own request timeout) ends the wait; fetch then rejects as aborted.
      const signal = init?.signal;
      await Promise.race([held, new Promise((resolve) => signal?.addEventListener('abort', resolve, { once: true }))]);
    }
    return fetch(input, init);
  };
  const client = createClient({
    fetchFn,
    baseUrl: hs.url,
    userId: user.userId,
    deviceId: user.deviceId,
    accessToken: user.accessToken,
    logger: quietLogger,
    cryptoCallbacks
  });
  await client.initRustCrypto({ useIndexedDB: false });
  if (displayName) await client.setDisplayName(displayName);
  // As the app does: own events wait in a pending list until the server confirms them.
  await client.startClient({ initialSyncLimit: 20, lazyLoadMembers: true, pendingEventOrdering: PendingEventOrdering.Detached });
  await waitForSync(client);
  return {
    user,
    client,
    holdSync() {
      held ??= new Promise<void>((resolve) => (release = resolve));
    },
    resumeSync() {
      held = null;
      release();
      // A hold outlasting the SDK's request timeout leaves it waiting between retries.
      client.retryImmediately();
    },
    async stop() {
      release();
      client.stopClient();
    }
  };
}

/** Resolves once the participant has joined the room and can encrypt to it, accepting an invite if needed. */
export async function joinWhenInvited(p: Participant, roomId: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const room = p.client.getRoom(roomId);
    const membership = room?.getMyMembership();
    if (membership === KnownMembership.Join) {
      // Encrypting needs the room's encryption state, which arrives with the join's sync.
      if (!room?.hasEncryptionStateEvent() || (await p.client.getCrypto()?.isEncryptionEnabledInRoom(roomId))) return;
    } else if (membership === KnownMembership.Invite) {
      await p.client.joinRoom(roomId);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${p.user.userId} was never invited to ${roomId}`);
}

/** Waits until every listed user has joined the room as this participant sees it. */
export async function waitForMembers(p: Participant, roomId: string, userIds: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const room = p.client.getRoom(roomId);
    if (room && userIds.every((id) => room.getMember(id)?.membership === KnownMembership.Join)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`members ${userIds.join(', ')} did not all join ${roomId}`);
}

export async function sendMessage(p: Participant, roomId: string, content: Record<string, unknown>): Promise<string> {
  // As in the app: never send before the client knows the room is encrypted.
  await waitForRoomEncryption(p.client, roomId);
  const { event_id } = await p.client.sendEvent(roomId, EventType.RoomMessage, content as never);
  return event_id;
}

/** Resolves with the first decrypted message in the room whose body satisfies `match`. */
export function waitForMessage(p: Participant, roomId: string, match: (body: string) => boolean, timeoutMs = 30_000): Promise<MatrixEvent> {
  return new Promise((resolve, reject) => {
    const check = (event: MatrixEvent) => {
      if (event.getRoomId() !== roomId || event.getType() !== EventType.RoomMessage) return false;
      const body = (event.getContent() as { body?: unknown }).body;
      if (typeof body === 'string' && match(body)) {
        cleanup();
        resolve(event);
        return true;
      }
      return false;
    };
    const onTimeline = (event: MatrixEvent) => void check(event);
    const onDecrypted = (event: MatrixEvent) => void check(event);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no matching message in ${roomId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      p.client.off(RoomEvent.Timeline, onTimeline);
      p.client.off(MatrixEventEvent.Decrypted, onDecrypted);
    };
    p.client.on(RoomEvent.Timeline, onTimeline);
    p.client.on(MatrixEventEvent.Decrypted, onDecrypted);
    for (const event of p.client.getRoom(roomId)?.getLiveTimeline().getEvents() ?? []) if (check(event)) return;
  });
}
