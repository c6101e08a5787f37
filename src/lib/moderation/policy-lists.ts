// A dialogue's policy list is its space: ban rules there, in the spec's format, are read by every
// member's client (which hides listed people's messages in the space's rooms and refuses to
// invite them) and by Draupnir or Mjolnir. External lists a dialogue follows are joined by the
// moderator who follows them and named in the moderators' room, encrypted; applying them copies
// the rules that match members into the dialogue's list and bans those members everywhere.
import { ClientEvent, EventType, KnownMembership, MatrixEventEvent, RoomStateEvent, RoomEvent, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk';
import { readable, type Readable } from 'svelte/store';
import { dialogueOf, MODERATOR_LEVEL, powerLevelOf } from '../dialogue/dialogue.ts';
import type { DialogueRoom } from '../dialogue/events.ts';
import { isValidMatrixId } from '../dialogue/rooms.ts';
import { postToModerators, recordAudit } from './moderators-room.ts';
import { coalesced, onClientChanges } from '../dialogue/stores.ts';
import { roomTitle } from '../dialogue/names.ts';
import {
  ModerationEvent,
  parsePolicyLists,
  parsePolicyRule,
  PolicyRuleEvent,
  policyListsContent,
  policyRuleContent,
  type PolicyRuleKind
} from './events.ts';
import { createPolicyMatcher, ruleStateKey, type PolicyMatcher, type PolicyRule } from './policy.ts';

/** Every ban rule in a policy room, whichever of the spec's or the legacy event types it uses. */
export function rulesIn(room: Room): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const kind of Object.keys(PolicyRuleEvent) as PolicyRuleKind[]) {
    for (const type of PolicyRuleEvent[kind]) {
      for (const event of room.currentState.getStateEvents(type)) {
        const rule = parsePolicyRule(event.getContent());
        if (rule) rules.push({ kind, ...rule, source: room.roomId, stateKey: event.getStateKey() ?? '' });
      }
    }
  }
  return rules;
}

function joinedRoom(client: MatrixClient, roomId: string): Room | null {
  const room = client.getRoom(roomId);
  return room?.getMyMembership() === KnownMembership.Join ? room : null;
}

function isChildOf(space: Room, roomId: string): boolean {
  return space.currentState.getStateEvents(EventType.SpaceChild, roomId) !== null;
}

/** The joined spaces a room belongs to (a space belongs to itself). */
export function spacesOf(client: MatrixClient, roomId: string): Room[] {
  return client.getRooms().filter((room) => room.getMyMembership() === KnownMembership.Join && room.isSpaceRoom() && (room.roomId === roomId || isChildOf(room, roomId)));
}

/** The dialogue whose space this is, found through its rooms' structure events. */
export function dialogueOfSpace(client: MatrixClient, space: Room): DialogueRoom | null {
  for (const event of space.currentState.getStateEvents(EventType.SpaceChild)) {
    const dialogue = dialogueOf(client.getRoom(event.getStateKey() ?? ''));
    if (dialogue?.space === space.roomId) return dialogue;
  }
  return null;
}

/** The external lists a dialogue follows: the latest list a moderator named in the moderators' room. */
export function followedLists(client: MatrixClient, dialogue: DialogueRoom): string[] {
  const moderators = joinedRoom(client, dialogue.moderators);
  const plenary = client.getRoom(dialogue.plenary);
  if (!moderators || !plenary) return [];
  let lists: string[] = [];
  for (const event of moderators.getLiveTimeline().getEvents()) {
    if (event.getType() !== ModerationEvent.policyLists || powerLevelOf(plenary, event.getSender() ?? '') < MODERATOR_LEVEL) continue;
    lists = parsePolicyLists(event.getContent()) ?? lists;
  }
  return lists;
}

/**
 * The rules that apply in a room: those of the spaces it is in, and of the external lists their
 * dialogues follow when this client has joined them (moderators do; participants see the rules
 * a moderator has applied, which are copied into the dialogue's own list).
 */
export function policyRulesFor(client: MatrixClient, roomId: string): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const space of spacesOf(client, roomId)) {
    rules.push(...rulesIn(space));
    const dialogue = dialogueOfSpace(client, space);
    if (!dialogue) continue;
    for (const listId of followedLists(client, dialogue)) {
      const list = joinedRoom(client, listId);
      if (list) rules.push(...rulesIn(list));
    }
  }
  return rules;
}

const RELEVANT_STATE = new Set<string>([...PolicyRuleEvent.user, ...PolicyRuleEvent.server, EventType.SpaceChild]);

/**
 * Calls `changed` (once per microtask) when rules, the rooms of a space, memberships or the
 * followed lists may have changed; not on every message of every room.
 */
function onPolicyChanges(client: MatrixClient, changed: () => void): () => void {
  const schedule = coalesced(changed);
  const onState = (event: MatrixEvent) => RELEVANT_STATE.has(event.getType()) && schedule();
  const onEvent = (event: MatrixEvent) => event.getType() === ModerationEvent.policyLists && schedule();
  const stopRooms = onClientChanges(client, [ClientEvent.Room, RoomEvent.MyMembership], schedule);
  client.on(RoomStateEvent.Events, onState);
  client.on(RoomEvent.Timeline, onEvent);
  // The followed lists travel encrypted: their type is known only once decrypted.
  client.on(MatrixEventEvent.Decrypted, onEvent);
  return () => {
    stopRooms();
    client.off(RoomStateEvent.Events, onState);
    client.off(RoomEvent.Timeline, onEvent);
    client.off(MatrixEventEvent.Decrypted, onEvent);
  };
}

export function policyMatcherStore(client: MatrixClient, roomId: string): Readable<PolicyMatcher> {
  const compute = () => createPolicyMatcher(policyRulesFor(client, roomId));
  return readable(compute(), (set) => onPolicyChanges(client, () => set(compute())));
}

export interface PolicyOverview {
  /** The rules in the dialogue's own list (its space). */
  own: PolicyRule[];
  followed: { roomId: string; name: string; rules: number; joined: boolean }[];
}

export function policyOverviewStore(client: MatrixClient, dialogue: DialogueRoom): Readable<PolicyOverview> {
  const compute = (): PolicyOverview => {
    const space = client.getRoom(dialogue.space);
    return {
      own: space ? rulesIn(space) : [],
      followed: followedLists(client, dialogue).map((roomId) => {
        const list = joinedRoom(client, roomId);
        return { roomId, name: list ? roomTitle(list) : roomId, rules: list ? rulesIn(list).length : 0, joined: list !== null };
      })
    };
  };
  return readable(compute(), (set) => onPolicyChanges(client, () => set(compute())));
}

/** The people in `userIds` whom a rule lists, with the rule. */
export function listedAmong(matcher: PolicyMatcher, userIds: string[]): { userId: string; rule: PolicyRule }[] {
  return userIds.flatMap((userId) => {
    const rule = matcher(userId);
    return rule ? [{ userId, rule }] : [];
  });
}

interface PolicyAudit {
  action: 'policy' | 'ban';
  target: string | null;
  entity: string;
  reason: string;
  report?: string | null;
}

async function recordPolicyAudit(client: MatrixClient, dialogue: DialogueRoom, { report = null, ...audit }: PolicyAudit) {
  await recordAudit(client, dialogue.moderators, { ...audit, report, room: dialogue.space, event: null });
}

/** Adds a ban rule to the dialogue's own list (its space), and records it in the audit log. */
export async function addPolicyRule(
  client: MatrixClient,
  dialogue: DialogueRoom,
  kind: PolicyRuleKind,
  entity: string,
  reason: string,
  report: string | null = null
): Promise<void> {
  const content = policyRuleContent(entity, reason);
  await client.sendStateEvent(dialogue.space, PolicyRuleEvent[kind][0] as never, content as never, ruleStateKey(content.entity));
  const target = kind === 'user' && isValidMatrixId(content.entity) ? content.entity : null;
  await recordPolicyAudit(client, dialogue, { action: 'policy', target, entity: content.entity, reason: content.reason, report });
}

/** Removes a rule from the dialogue's own list: the spec's way is an empty rule under the same key. */
export async function removePolicyRule(client: MatrixClient, rule: PolicyRule): Promise<void> {
  await client.sendStateEvent(rule.source, PolicyRuleEvent[rule.kind][0] as never, {} as never, rule.stateKey);
}

/** Joins an external list (by room ID or alias) and adds it to the lists the dialogue follows. */
export async function followPolicyList(client: MatrixClient, dialogue: DialogueRoom, roomIdOrAlias: string): Promise<void> {
  const list = await client.joinRoom(roomIdOrAlias.trim());
  await postToModerators(client, dialogue.moderators, ModerationEvent.policyLists, policyListsContent([...followedLists(client, dialogue), list.roomId]));
}

export async function unfollowPolicyList(client: MatrixClient, dialogue: DialogueRoom, roomId: string): Promise<void> {
  await postToModerators(client, dialogue.moderators, ModerationEvent.policyLists, policyListsContent(followedLists(client, dialogue).filter((id) => id !== roomId)));
}

/** The dialogue's rooms: its space, the space's rooms, and the negotiators' room. */
function dialogueRooms(client: MatrixClient, dialogue: DialogueRoom): Room[] {
  const space = client.getRoom(dialogue.space);
  const children = space ? space.currentState.getStateEvents(EventType.SpaceChild).map((event) => event.getStateKey() ?? '') : [];
  const ids = new Set([dialogue.space, dialogue.plenary, dialogue.moderators, dialogue.negotiators, ...children]);
  return [...ids].map((id) => joinedRoom(client, id)).filter((room): room is Room => room !== null);
}

const HAS_GLOB = /[*?]/;

/**
 * Applies every rule the dialogue follows: members of any of its rooms who are listed are banned
 * from all of them, as is every exactly named user (so that they cannot join later). Rules from
 * external lists that matched are copied into the dialogue's own list, so that every member's
 * client hides those people too. Each ban is recorded in the audit log.
 */
export async function applyPolicyToDialogue(client: MatrixClient, dialogue: DialogueRoom): Promise<{ banned: number; rooms: number }> {
  const rules = policyRulesFor(client, dialogue.plenary);
  const matcher = createPolicyMatcher(rules);
  const rooms = dialogueRooms(client, dialogue);
  const me = client.getSafeUserId();
  const listed = new Map<string, PolicyRule>();
  // An exactly named user is banned ahead of joining; a list (possibly hostile) may name anything, so only valid IDs count.
  for (const rule of rules) if (rule.kind === 'user' && !HAS_GLOB.test(rule.entity) && isValidMatrixId(rule.entity)) listed.set(rule.entity, rule);
  for (const room of rooms) {
    await room.loadMembersIfNeeded();
    for (const member of room.getMembers()) {
      const rule = matcher(member.userId);
      if (rule && !listed.has(member.userId)) listed.set(member.userId, rule);
    }
  }
  listed.delete(me);
  let banned = 0;
  for (const [userId, rule] of listed) {
    let bannedSomewhere = false;
    for (const room of rooms) {
      if (room.getMember(userId)?.membership === KnownMembership.Ban) continue;
      await client.ban(room.roomId, userId, rule.reason || undefined);
      bannedSomewhere = true;
    }
    if (rule.source !== dialogue.space) {
      const content = policyRuleContent(userId, rule.reason);
      await client.sendStateEvent(dialogue.space, PolicyRuleEvent.user[0] as never, content as never, ruleStateKey(userId));
    }
    if (bannedSomewhere) {
      banned++;
      await recordPolicyAudit(client, dialogue, { action: 'ban', target: userId, entity: rule.entity, reason: rule.reason });
    }
  }
  return { banned, rooms: rooms.length };
}
