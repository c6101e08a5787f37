// A dialogue in one step: a space holding an encrypted plenary, a private moderators' room and a
// negotiators' room, linked to each other, with ground rules every participant accepts before
// posting. Roles are power levels: facilitator 100, participant 10, observer 0 (reads only);
// negotiators are members of the negotiators' room alone.
import { EventType, KnownMembership, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk';
import {
  DialogueEvent,
  dialogueRoomContent,
  groundRulesContent,
  parseConsent,
  parseDialogueRoom,
  parseGroundRules,
  type DialogueRoom,
  type GroundRules
} from './events.ts';
import { addRoomToSpace, createDialogueRoom, createSpace, isValidMatrixId, waitForRoomEncryption } from './rooms.ts';

export const FACILITATOR_LEVEL = 100;
/** Moderators and up may run consultations (Element calls power level 50 "moderator"). */
export const MODERATOR_LEVEL = 50;
export const PARTICIPANT_LEVEL = 10;

export type DialogueMemberRole = 'participant' | 'observer' | 'negotiator';

export interface DialogueRequest {
  name: string;
  /** Names of the three rooms, in the facilitator's language. Room names are not encrypted in Matrix. */
  roomNames: { plenary: string; moderators: string; negotiators: string };
  rules: GroundRules;
  participants: string[];
  observers: string[];
  negotiators: string[];
}

/** Splits a pasted list of Matrix IDs (by lines, commas or spaces) into valid and invalid entries. */
export function parseInviteList(text: string): { valid: string[]; invalid: string[] } {
  const entries = text.split(/[\s,;]+/).map((entry) => entry.trim()).filter(Boolean);
  const valid = [...new Set(entries.filter(isValidMatrixId))];
  return { valid, invalid: entries.filter((entry) => !isValidMatrixId(entry)) };
}

function powerLevels(me: string, members: Record<string, number>, eventsDefault: number) {
  return { users: { ...members, [me]: FACILITATOR_LEVEL }, users_default: 0, events_default: eventsDefault };
}

export async function createDialogue(client: MatrixClient, request: DialogueRequest): Promise<DialogueRoom> {
  const me = client.getSafeUserId();
  const space = await createSpace(client, request.name);
  const participantLevels = Object.fromEntries(request.participants.map((userId) => [userId, PARTICIPANT_LEVEL]));
  const plenary = await createDialogueRoom(client, request.roomNames.plenary, '', space, {
    powerLevels: powerLevels(me, participantLevels, PARTICIPANT_LEVEL),
    historyFromInvite: true
  });
  const moderators = await createDialogueRoom(client, request.roomNames.moderators, '', space, { powerLevels: powerLevels(me, {}, 0) });
  const negotiators = await createDialogueRoom(client, request.roomNames.negotiators, '', undefined, {
    powerLevels: powerLevels(me, {}, 0),
    historyFromInvite: true
  });
  const links = { space, plenary, moderators, negotiators };
  for (const role of ['plenary', 'moderators', 'negotiators'] as const) {
    await client.sendStateEvent(links[role], DialogueEvent.room as never, dialogueRoomContent({ role, ...links }) as never, '');
  }
  // Invited first, so that the ground rules (and their key) reach everyone on the list.
  for (const userId of request.participants) await inviteToDialogue(client, links, userId, 'participant', false);
  for (const userId of request.observers) await inviteToDialogue(client, links, userId, 'observer');
  for (const userId of request.negotiators) await inviteToDialogue(client, links, userId, 'negotiator');
  await waitForRoomEncryption(client, plenary);
  // Keys go to the members this client knows of: wait until the sync has brought every invitation.
  await waitUntilInvited(client, plenary, [...request.participants, ...request.observers]);
  await client.sendEvent(plenary, DialogueEvent.groundRules as never, groundRulesContent(request.rules) as never);
  return { role: 'plenary', ...links };
}

const INVITED_OR_JOINED: (string | undefined)[] = [KnownMembership.Invite, KnownMembership.Join];

async function waitUntilInvited(client: MatrixClient, roomId: string, userIds: string[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const room = () => client.getRoom(roomId);
  while (Date.now() < deadline && !userIds.every((userId) => INVITED_OR_JOINED.includes(room()?.getMember(userId)?.membership))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function inviteToDialogue(
  client: MatrixClient,
  dialogue: Omit<DialogueRoom, 'role'>,
  userId: string,
  role: DialogueMemberRole,
  setLevel = true
): Promise<void> {
  if (role === 'negotiator') {
    await client.invite(dialogue.negotiators, userId);
    return;
  }
  await client.invite(dialogue.space, userId);
  await client.invite(dialogue.plenary, userId);
  if (role === 'participant' && setLevel) await client.setPowerLevel(dialogue.plenary, userId, PARTICIPANT_LEVEL);
}

/**
 * Invites people after the dialogue began. They see the plenary only from their invitation on,
 * so the ground rules in force are shared again (unchanged, acceptances kept) once the
 * invitations have synced, for them to read and accept.
 */
export async function inviteLater(
  client: MatrixClient,
  dialogue: Omit<DialogueRoom, 'role'>,
  userIds: string[],
  role: DialogueMemberRole,
  rules: GroundRules | null
): Promise<void> {
  for (const userId of userIds) await inviteToDialogue(client, dialogue, userId, role);
  if (role === 'negotiator' || !rules) return;
  await waitUntilInvited(client, dialogue.plenary, userIds);
  await shareGroundRulesAgain(client, dialogue.plenary, rules);
}

/** The dialogue a room belongs to, from its structure state event. */
export function dialogueOf(room: Room | null): DialogueRoom | null {
  const event = room?.currentState.getStateEvents(DialogueEvent.room, '');
  if (!event) return null;
  const parsed = parseDialogueRoom(event.getContent());
  // The structure event counts only from someone allowed to set room state.
  if (!parsed || !room || room.currentState.getStateEvents(EventType.RoomCreate, '')?.getSender() !== event.getSender()) return null;
  return parsed;
}

type PowerLevelsContent = { users?: Record<string, unknown>; users_default?: unknown; events_default?: unknown; events?: Record<string, unknown> };

function powerLevelsOf(room: Room): PowerLevelsContent | undefined {
  return room.currentState.getStateEvents(EventType.RoomPowerLevels, '')?.getContent() as PowerLevelsContent | undefined;
}

const asLevel = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) ? value : fallback);

/** The user's power level from the room's power-levels state, whether or not their membership is loaded. */
export function powerLevelOf(room: Room, userId: string): number {
  const content = powerLevelsOf(room);
  return asLevel(content?.users?.[userId], asLevel(content?.users_default, 0));
}

/** Whether the user's power level lets them post (observers' does not), read from the power levels alone. */
export function canPost(room: Room, userId: string): boolean {
  const content = powerLevelsOf(room);
  const needed = asLevel(content?.events?.[EventType.RoomMessageEncrypted], asLevel(content?.events_default, 0));
  return powerLevelOf(room, userId) >= needed;
}

/**
 * Who is joined, from the room's current state where it has the member, otherwise from the
 * latest membership event among `events` (lazy loading leaves many members out of the state).
 */
export function joinedMembers(room: Room, events: Iterable<MatrixEvent>): Set<string> {
  const latest = new Map<string, string>();
  for (const event of events) {
    const userId = event.getStateKey();
    if (event.getType() === EventType.RoomMember && userId) latest.set(userId, String((event.getContent() as { membership?: unknown }).membership));
  }
  for (const member of room.currentState.getMembers()) latest.set(member.userId, member.membership ?? '');
  return new Set([...latest].filter(([, membership]) => membership === KnownMembership.Join).map(([userId]) => userId));
}

export interface ConsentState {
  /** The ground-rules event in force (the latest from a facilitator), or null. */
  rules: { id: string; rules: GroundRules } | null;
  /** People who accepted the rules in force. */
  consented: Set<string>;
}

/** Ground rules and consent, folded from the plenary's events in timeline order. */
export function foldConsent(
  events: Iterable<{ id: string; sender: string; type: string; content: unknown }>,
  isFacilitator: (sender: string) => boolean
): ConsentState {
  const state: ConsentState = { rules: null, consented: new Set() };
  /** Ids of the events carrying the rules in force (the same text may have been shared again). */
  let acceptedVersions = new Set<string>();
  for (const event of events) {
    if (event.type === DialogueEvent.groundRules && isFacilitator(event.sender)) {
      const rules = parseGroundRules(event.content);
      if (!rules) continue;
      // Sharing the same rules again (for devices that could not read them) keeps every acceptance.
      const unchanged = state.rules?.rules.text === rules.text;
      acceptedVersions = unchanged ? acceptedVersions.add(event.id) : new Set([event.id]);
      state.rules = { id: event.id, rules };
      if (!unchanged) state.consented = new Set();
      state.consented.add(event.sender);
    } else if (event.type === DialogueEvent.consent && state.rules && acceptedVersions.has(parseConsent(event.content) ?? '')) {
      state.consented.add(event.sender);
    }
  }
  return state;
}

/** Posts the rules in force again, unchanged, for devices that signed in after they were sent. */
export async function shareGroundRulesAgain(client: MatrixClient, plenary: string, rules: GroundRules): Promise<void> {
  await waitForRoomEncryption(client, plenary);
  await client.sendEvent(plenary, DialogueEvent.groundRules as never, groundRulesContent(rules) as never);
}

export async function acceptGroundRules(client: MatrixClient, plenary: string, rulesEventId: string): Promise<void> {
  await waitForRoomEncryption(client, plenary);
  await client.sendEvent(plenary, DialogueEvent.consent as never, { rules: rulesEventId } as never);
}
