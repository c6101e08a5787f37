// Svelte-readable views of the client's rooms and of one room's timeline, re-derived on the
// SDK events that change them (including a late key turning "cannot decrypt" into text).
import {
  ClientEvent,
  EventStatus,
  EventType,
  KnownMembership,
  MatrixEventEvent,
  RoomEvent,
  RoomMemberEvent,
  RoomStateEvent,
  type MatrixClient,
  type MatrixEvent,
  type Room
} from 'matrix-js-sdk';
import { readable, type Readable } from 'svelte/store';
import { parseMessage, previewText } from './events.ts';
import { disambiguatedNames, roomTitle, type NamedMember } from './names.ts';
import type { SendState, TimelineEntry } from './timeline.ts';
import { translationServiceIn, translationsIn, type Translation } from './translations.ts';
import { isExpired, nextExpiry, RETENTION_EVENT, retentionOf } from './retention.ts';
import { canLoadOlder, joinedEvents, onHistoryLoaded } from './history.ts';
import { readabilityOf } from '../matrix/decryption.ts';

export interface RoomSummary {
  roomId: string;
  name: string;
  isSpace: boolean;
  membership: 'join' | 'invite';
  encrypted: boolean;
  inviter: string | null;
  /** For spaces: the rooms linked as children. */
  children: string[];
  lastActivity: number;
}

export interface RoomLists {
  invites: RoomSummary[];
  spaces: RoomSummary[];
  rooms: RoomSummary[];
}

function isSpace(room: Room): boolean {
  return room.getType() === 'm.space';
}

function spaceChildren(room: Room): string[] {
  return room.currentState
    .getStateEvents(EventType.SpaceChild)
    .filter((event) => Array.isArray((event.getContent() as { via?: unknown }).via))
    .map((event) => event.getStateKey() ?? '')
    .filter((id) => id.startsWith('!'));
}

function summarise(client: MatrixClient, room: Room): RoomSummary {
  const membership = room.getMyMembership() === KnownMembership.Invite ? 'invite' : 'join';
  const me = room.getMember(client.getSafeUserId());
  return {
    roomId: room.roomId,
    name: roomTitle(room),
    isSpace: isSpace(room),
    membership,
    encrypted: client.isRoomEncrypted?.(room.roomId) ?? room.hasEncryptionStateEvent(),
    inviter: membership === 'invite' ? (me?.events.member?.getSender() ?? null) : null,
    children: isSpace(room) ? spaceChildren(room) : [],
    lastActivity: room.getLastActiveTimestamp()
  };
}

export function roomListsOf(client: MatrixClient): RoomLists {
  const lists: RoomLists = { invites: [], spaces: [], rooms: [] };
  for (const room of client.getRooms()) {
    const membership = room.getMyMembership();
    if (membership !== KnownMembership.Join && membership !== KnownMembership.Invite) continue;
    const summary = summarise(client, room);
    if (summary.membership === 'invite') lists.invites.push(summary);
    else if (summary.isSpace) lists.spaces.push(summary);
    else lists.rooms.push(summary);
  }
  const byActivity = (a: RoomSummary, b: RoomSummary) => b.lastActivity - a.lastActivity || a.name.localeCompare(b.name);
  lists.invites.sort(byActivity);
  lists.spaces.sort(byActivity);
  lists.rooms.sort(byActivity);
  return lists;
}

/** `changed`, called at most once per microtask however often the result is called. */
export function coalesced(changed: () => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      changed();
    });
  };
}

/** Calls `changed` (coalesced to one call per microtask) on the given client events. */
export function onClientChanges(client: MatrixClient, events: string[], changed: () => void): () => void {
  const schedule = coalesced(changed);
  const emitter = client as unknown as { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
  for (const event of events) emitter.on(event, schedule);
  return () => {
    for (const event of events) emitter.off(event, schedule);
  };
}

export function roomListStore(client: MatrixClient): Readable<RoomLists> {
  return readable(roomListsOf(client), (set) =>
    onClientChanges(
      client,
      [ClientEvent.Room, ClientEvent.DeleteRoom, RoomEvent.MyMembership, RoomEvent.Name, RoomEvent.Timeline, RoomStateEvent.Events],
      () => set(roomListsOf(client))
    )
  );
}

function sendStateOf(event: MatrixEvent): SendState | null {
  switch (event.status) {
    case null:
    case undefined:
      return null;
    case EventStatus.NOT_SENT:
      return 'failed';
    case EventStatus.SENT:
      return 'sent';
    case EventStatus.CANCELLED:
      return null;
    default:
      return 'sending';
  }
}

export interface RoomView {
  roomId: string;
  name: string;
  encrypted: boolean;
  membership: string;
  entries: TimelineEntry[];
  /** Whether older history may exist on the server. */
  canPaginateBack: boolean;
  /** Pending events by id, for retry and discard. */
  pending: Map<string, MatrixEvent>;
  /** Members' translations, by the message they translate, with their translators' names. */
  translations: Map<string, (Translation & { senderName: string })[]>;
  /** The self-hosted translation service a facilitator enabled here, if any. */
  translationService: string | null;
  /** The room's message lifetime (disappearing messages), in milliseconds. */
  retention: number | null;
  /** When the next shown message expires, to re-render then. */
  nextExpiry: number | null;
}

const SHOWN_TYPES = new Set<string>([EventType.RoomMessage, EventType.RoomMessageEncrypted]);

function entryOf(event: MatrixEvent, names: Map<string, string>, byId: Map<string, MatrixEvent>): TimelineEntry {
  const sender = event.getSender() ?? '';
  const readability = readabilityOf(event);
  const content = parseMessage(event.getType(), event.getContent(), {
    redacted: event.isRedacted(),
    decrypting: readability === 'decrypting',
    undecryptable: readability === 'undecryptable',
    malformed: readability === 'malformed'
  });
  let reply: TimelineEntry['reply'] = null;
  if ('replyTo' in content && content.replyTo) {
    const target = byId.get(content.replyTo);
    const targetView = target ? parseMessage(target.getType(), target.getContent(), { redacted: target.isRedacted() }) : null;
    reply = {
      id: content.replyTo,
      senderName: target ? (names.get(target.getSender() ?? '') ?? target.getSender() ?? null) : null,
      preview: targetView ? previewText(targetView) : null
    };
  }
  return {
    id: event.getId() ?? event.getTxnId() ?? '',
    sender,
    senderName: names.get(sender) ?? sender,
    ts: event.getTs(),
    content,
    sendState: sendStateOf(event),
    reply
  };
}

export function roomViewOf(client: MatrixClient, room: Room): RoomView {
  const live = joinedEvents(room);
  const pendingEvents = room.getPendingEvents().filter((e) => e.status !== EventStatus.CANCELLED);
  const retention = retentionOf(room);
  const now = Date.now();
  const events = [...live, ...pendingEvents].filter((e) => SHOWN_TYPES.has(e.getType()) && !isExpired(e.getTs(), retention, now));
  const members: NamedMember[] = room.getMembers().map((m) => ({ userId: m.userId, displayName: m.rawDisplayName }));
  for (const event of events) {
    const sender = event.getSender();
    if (sender && !members.some((m) => m.userId === sender)) members.push({ userId: sender, displayName: null });
  }
  const names = disambiguatedNames(members);
  const byId = new Map(events.map((e) => [e.getId() ?? '', e]));
  const pending = new Map<string, MatrixEvent>();
  for (const e of pendingEvents) pending.set(e.getId() ?? e.getTxnId() ?? '', e);
  return {
    roomId: room.roomId,
    name: roomTitle(room),
    encrypted: room.hasEncryptionStateEvent(),
    membership: room.getMyMembership(),
    entries: events.map((e) => entryOf(e, names, byId)),
    canPaginateBack: canLoadOlder(room),
    pending,
    translations: new Map(
      [...translationsIn(live)].map(([eventId, list]) => [eventId, list.map((tr) => ({ ...tr, senderName: names.get(tr.sender) ?? tr.sender }))])
    ),
    translationService: translationServiceIn(room, live),
    retention,
    nextExpiry: nextExpiry(
      events.map((e) => e.getTs()),
      retention,
      now
    )
  };
}

// Browsers run a timer at once when its delay exceeds a signed 32-bit millisecond count (24.8 days).
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** When to look again for expired messages: just after the next expiry, or at the longest delay a timer allows. */
export function expiryTimerDelay(nextExpiry: number, now: number): number {
  return Math.min(MAX_TIMER_DELAY_MS, Math.max(0, nextExpiry - now) + 50);
}

export function roomViewStore(client: MatrixClient, roomId: string): Readable<RoomView | null> {
  const current = () => {
    const room = client.getRoom(roomId);
    return room ? roomViewOf(client, room) : null;
  };
  return readable(current(), (set) => {
    // Disappearing messages vanish when they expire, not at the next event.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const view = current();
      set(view);
      clearTimeout(timer);
      if (view?.nextExpiry) timer = setTimeout(update, expiryTimerDelay(view.nextExpiry, Date.now()));
    };
    update();
    const stop = onClientChanges(
      client,
      [
        RoomEvent.Timeline,
        RoomEvent.LocalEchoUpdated,
        RoomEvent.Redaction,
        RoomEvent.MyMembership,
        RoomEvent.Name,
        RoomEvent.TimelineReset,
        MatrixEventEvent.Decrypted,
        ClientEvent.Room,
        RoomMemberEvent.Name,
        RoomStateEvent.Members
      ],
      update
    );
    // A new message lifetime changes what is shown; other state does not.
    const onState = (event: MatrixEvent) => event.getRoomId() === roomId && event.getType() === RETENTION_EVENT && update();
    client.on(RoomStateEvent.Events, onState);
    const stopHistory = onHistoryLoaded((id) => id === roomId && update());
    return () => {
      stop();
      stopHistory();
      client.off(RoomStateEvent.Events, onState);
      clearTimeout(timer);
    };
  });
}

/** A store of `compute()`, recomputed whenever one of a room's timeline events arrives, decrypts or changes send state. */
export function roomEventsStore<T>(client: MatrixClient, compute: () => T): Readable<T> {
  return readable(compute(), (set) =>
    onClientChanges(client, [RoomEvent.Timeline, RoomEvent.LocalEchoUpdated, MatrixEventEvent.Decrypted], () => set(compute()))
  );
}
