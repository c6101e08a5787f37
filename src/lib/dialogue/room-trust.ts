// Who is in a room and how far they can be trusted: verified people, their devices, identity
// changes that must be acknowledged, each message's shield, and the room's "only verified
// devices" policy, which every Parley client in the room applies when it encrypts.
import { ClientEvent, MatrixEventEvent, RoomEvent, RoomStateEvent, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk';
import { CryptoEvent } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { readable, type Readable } from 'svelte/store';
import * as v from 'valibot';
import { shieldOf, type Shield } from '../matrix/shields.ts';
import { disambiguatedNames, lookAlikeNames } from './names.ts';

/** Room policy state event. Set by facilitators; it holds a setting, never anything people write. */
export const TRUST_POLICY_EVENT = 'org.parley.room.trust_policy';
const TrustPolicySchema = v.object({ only_verified_devices: v.boolean() });

export interface MemberTrust {
  userId: string;
  name: string;
  verified: boolean;
  /** A person once verified whose identity was reset: must be acknowledged before sending. */
  identityChanged: boolean;
  /** The display name looks like another member's. */
  lookAlike: boolean;
}

export interface ExcludedDevice {
  userId: string;
  name: string;
  deviceId: string;
  deviceName: string;
}

export interface RoomTrust {
  members: MemberTrust[];
  shields: Map<string, Shield>;
  onlyVerifiedDevices: boolean;
  canChangePolicy: boolean;
  /** With the policy on: the devices that will not receive new messages, and so cannot read them. */
  excludedDevices: ExcludedDevice[];
}

const empty: RoomTrust = { members: [], shields: new Map(), onlyVerifiedDevices: false, canChangePolicy: false, excludedDevices: [] };

export function onlyVerifiedDevicesPolicy(room: Room): boolean {
  const content = room.currentState.getStateEvents(TRUST_POLICY_EVENT, '')?.getContent();
  const parsed = v.safeParse(TrustPolicySchema, content);
  return parsed.success && parsed.output.only_verified_devices;
}

/**
 * Applies every room's policy to the SDK, which then encrypts only to verified devices there:
 * for all rooms at once and whenever a policy event arrives, not only for the room on screen.
 */
export function applyTrustPolicies(client: MatrixClient): () => void {
  const apply = (room: Room) => room.setBlacklistUnverifiedDevices(onlyVerifiedDevicesPolicy(room));
  client.getRooms().forEach(apply);
  const onState = (event: MatrixEvent) => {
    if (event.getType() !== TRUST_POLICY_EVENT) return;
    const room = client.getRoom(event.getRoomId() ?? '');
    if (room) apply(room);
  };
  client.on(RoomStateEvent.Events, onState);
  client.on(ClientEvent.Room, apply);
  return () => {
    client.off(RoomStateEvent.Events, onState);
    client.off(ClientEvent.Room, apply);
  };
}

export async function setOnlyVerifiedDevices(client: MatrixClient, roomId: string, enabled: boolean): Promise<void> {
  await client.sendStateEvent(roomId, TRUST_POLICY_EVENT as never, { only_verified_devices: enabled } as never, '');
}

type People = Omit<RoomTrust, 'shields'>;

/** Members, their verification, the policy and the devices it excludes: changes rarely. */
async function peopleOf(client: MatrixClient, room: Room): Promise<People> {
  const crypto = client.getCrypto();
  if (!crypto) return empty;
  const me = client.getSafeUserId();
  const onlyVerifiedDevices = onlyVerifiedDevicesPolicy(room);
  const joined = room.getJoinedMembers();
  const named = joined.map((m) => ({ userId: m.userId, displayName: m.rawDisplayName }));
  const names = disambiguatedNames(named);
  const lookAlikes = lookAlikeNames(named);
  const members = await Promise.all(
    joined.map(async (member) => {
      const status = await crypto.getUserVerificationStatus(member.userId);
      return {
        userId: member.userId,
        name: names.get(member.userId) ?? member.userId,
        verified: status.isCrossSigningVerified(),
        identityChanged: member.userId !== me && status.wasCrossSigningVerified() && !status.isCrossSigningVerified(),
        lookAlike: lookAlikes.has(member.userId)
      };
    })
  );
  const excludedDevices: ExcludedDevice[] = [];
  if (onlyVerifiedDevices) {
    const deviceMap = await crypto.getUserDeviceInfo(joined.map((m) => m.userId));
    for (const [userId, devices] of deviceMap) {
      for (const [deviceId, device] of devices) {
        if (userId === me && deviceId === client.getDeviceId()) continue;
        const status = await crypto.getDeviceVerificationStatus(userId, deviceId);
        if (!status?.isVerified()) excludedDevices.push({ userId, name: names.get(userId) ?? userId, deviceId, deviceName: device.displayName ?? '' });
      }
    }
  }
  return { members, onlyVerifiedDevices, canChangePolicy: room.currentState.maySendStateEvent(TRUST_POLICY_EVENT, me), excludedDevices };
}

/** Adds the shields of events not yet in the cache (the cache is emptied when trust changes). */
async function addShields(client: MatrixClient, room: Room, people: People, cache: Map<string, Shield>): Promise<void> {
  const crypto = client.getCrypto();
  if (!crypto) return;
  const verifiedUsers = new Set(people.members.filter((m) => m.verified).map((m) => m.userId));
  for (const event of room.getLiveTimeline().getEvents()) {
    const id = event.getId();
    if (!id || cache.has(id) || !event.isEncrypted() || event.isDecryptionFailure()) continue;
    const info = await crypto.getEncryptionInfoForEvent(event);
    if (info) cache.set(id, shieldOf(info, verifiedUsers.has(event.getSender() ?? '')));
  }
}

export function roomTrustStore(client: MatrixClient, roomId: string): Readable<RoomTrust> {
  return readable(empty, (set) => {
    let people: People | null = null;
    const shields = new Map<string, Shield>();
    let running = false;
    let again = false;
    let stopped = false;
    const refresh = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const room = client.getRoom(roomId);
          if (!room || stopped) break;
          // A change of people while the shields are read empties `people` and asks for another
          // round; this round still publishes whole people, never half a RoomTrust.
          const current = people ?? (people = await peopleOf(client, room));
          await addShields(client, room, current, shields);
          set({ ...current, shields: new Map(shields) });
        } while (again && !stopped);
      } catch {
        // Crypto not ready or offline: the next event tries again.
        people = null;
      } finally {
        running = false;
      }
    };
    // New messages only need their own shields; a change of people or trust redoes everything.
    const onMessages = (event?: { getRoomId?(): string | undefined }) => {
      if (!event?.getRoomId || event.getRoomId() === roomId) void refresh();
    };
    const onPeople = (event?: { getRoomId?(): string | undefined }) => {
      if (event?.getRoomId && event.getRoomId() !== roomId) return;
      people = null;
      shields.clear();
      void refresh();
    };
    const handlers: [string, (event?: { getRoomId?(): string | undefined }) => void][] = [
      [RoomEvent.Timeline, onMessages],
      [MatrixEventEvent.Decrypted, onMessages],
      [RoomStateEvent.Members, onPeople],
      [RoomStateEvent.Events, onPeople],
      [CryptoEvent.UserTrustStatusChanged, onPeople],
      [CryptoEvent.DevicesUpdated, onPeople]
    ];
    const emitter = client as unknown as { on(e: string, f: (...args: never[]) => void): void; off(e: string, f: (...args: never[]) => void): void };
    for (const [event, handler] of handlers) emitter.on(event, handler);
    void refresh();
    return () => {
      stopped = true;
      for (const [event, handler] of handlers) emitter.off(event, handler);
    };
  });
}

export async function acknowledgeIdentityChange(client: MatrixClient, userId: string): Promise<void> {
  await client.getCrypto()?.withdrawVerificationRequirement(userId);
}

