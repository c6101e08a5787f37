// Creating and joining dialogue rooms and spaces. Every dialogue room is encrypted from its
// first event, invite-only, shows history only from joining, and never admits guests.
import {
  EventType,
  GuestAccess,
  HistoryVisibility,
  JoinRule,
  Preset,
  RoomType,
  Visibility,
  type ICreateRoomOpts,
  type MatrixClient
} from 'matrix-js-sdk';
import { roomNameContent } from './names.ts';

export const MEGOLM = 'm.megolm.v1.aes-sha2';

/** Invite-only, history from joining, no guests: set in the creation request, never later. */
function privateRoom(name: string, topic: string): ICreateRoomOpts {
  return {
    name: name.trim(),
    topic: topic.trim() || undefined,
    preset: Preset.PrivateChat,
    visibility: Visibility.Private,
    initial_state: [
      { type: EventType.RoomJoinRules, state_key: '', content: { join_rule: JoinRule.Invite } },
      { type: EventType.RoomHistoryVisibility, state_key: '', content: { history_visibility: HistoryVisibility.Joined } },
      { type: EventType.RoomGuestAccess, state_key: '', content: { guest_access: GuestAccess.Forbidden } }
    ]
  };
}

export function dialogueRoomOptions(name: string, topic = ''): ICreateRoomOpts {
  const options = privateRoom(name, topic);
  options.initial_state!.unshift({ type: EventType.RoomEncryption, state_key: '', content: { algorithm: MEGOLM } });
  return options;
}

export function spaceOptions(name: string, topic = ''): ICreateRoomOpts {
  return {
    ...privateRoom(name, topic),
    creation_content: { type: RoomType.Space },
    // A space's child links are state events; only its creator should change them.
    power_level_content_override: { events_default: 100 }
  };
}

export class NotEncryptedError extends Error {}

/**
 * Resolves once the crypto layer knows the room is encrypted. Until the room's encryption
 * state has come down the sync, the SDK would send a message in clear: so nothing is sent
 * before this, and after a timeout nothing is sent at all.
 */
export async function waitForRoomEncryption(client: MatrixClient, roomId: string, timeoutMs = 15_000): Promise<void> {
  const crypto = client.getCrypto();
  const deadline = Date.now() + timeoutMs;
  while (crypto && Date.now() < deadline) {
    if (await crypto.isEncryptionEnabledInRoom(roomId)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new NotEncryptedError(roomId);
}

export interface DialogueRoomExtras {
  powerLevels?: ICreateRoomOpts['power_level_content_override'];
  /**
   * Members see history from their invitation rather than their join, so what is posted
   * between the two (ground rules, a consultation, a brief) reaches them, keys included.
   */
  historyFromInvite?: boolean;
}

export async function createDialogueRoom(client: MatrixClient, name: string, topic = '', spaceId?: string, extras: DialogueRoomExtras = {}): Promise<string> {
  const options = dialogueRoomOptions(name, topic);
  if (extras.powerLevels) options.power_level_content_override = extras.powerLevels;
  if (extras.historyFromInvite) {
    const visibility = options.initial_state!.find((event) => event.type === EventType.RoomHistoryVisibility)!;
    visibility.content = { history_visibility: HistoryVisibility.Invited };
  }
  const { room_id } = await client.createRoom(options);
  if (spaceId) await addRoomToSpace(client, spaceId, room_id);
  await waitForRoomEncryption(client, room_id);
  return room_id;
}

export async function createSpace(client: MatrixClient, name: string, topic = ''): Promise<string> {
  const { room_id } = await client.createRoom(spaceOptions(name, topic));
  return room_id;
}

export async function addRoomToSpace(client: MatrixClient, spaceId: string, roomId: string): Promise<void> {
  const via = [client.getDomain() ?? ''];
  await client.sendStateEvent(spaceId, EventType.SpaceChild, { via }, roomId);
  try {
    await client.sendStateEvent(roomId, EventType.SpaceParent, { via, canonical: true }, spaceId);
  } catch {
    // Only room admins may set the parent link; the child link alone is enough to list it.
  }
}

export function isValidMatrixId(userId: string): boolean {
  return /^@[a-z0-9._=\-/+]+:[a-z0-9.-]+(:\d+)?$/i.test(userId.trim());
}

export async function inviteToRoom(client: MatrixClient, roomId: string, userId: string): Promise<void> {
  await client.invite(roomId, userId.trim());
}

export async function acceptInvite(client: MatrixClient, roomId: string): Promise<void> {
  await client.joinRoom(roomId);
}

export async function declineInvite(client: MatrixClient, roomId: string): Promise<void> {
  await client.leave(roomId);
  await client.forget(roomId).catch(() => undefined);
}

export async function leaveRoom(client: MatrixClient, roomId: string): Promise<void> {
  await client.leave(roomId);
  await client.forget(roomId).catch(() => undefined);
}

/** Sets the name this person goes by in one room (pseudonyms may differ from room to room). */
export async function setRoomDisplayName(client: MatrixClient, roomId: string, name: string): Promise<void> {
  const me = client.getSafeUserId();
  const current = client.getRoom(roomId)?.getMember(me)?.events.member?.getContent() ?? {};
  await client.sendStateEvent(roomId, EventType.RoomMember, roomNameContent(current, name) as never, me);
}
