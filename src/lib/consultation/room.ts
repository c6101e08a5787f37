// The consultations of one dialogue, read from its plenary (and, for facilitators, its
// moderators' room) and kept current as events arrive and decrypt. Also every action that
// sends consultation content: always as encrypted events, never before encryption is confirmed.
import {
  ClientEvent,
  Direction,
  EventStatus,
  KnownMembership,
  MatrixEventEvent,
  RoomEvent,
  RoomStateEvent,
  type MatrixClient,
  type MatrixEvent,
  type Room
} from 'matrix-js-sdk';
import { readable, type Readable } from 'svelte/store';
import { canPost, dialogueOf, foldConsent, joinedMembers, MODERATOR_LEVEL, powerLevelOf, type ConsentState } from '../dialogue/dialogue.ts';
import type { DialogueRoom } from '../dialogue/events.ts';
import { waitForRoomEncryption } from '../dialogue/rooms.ts';
import { readabilityOf } from '../matrix/decryption.ts';
import {
  answerMessage,
  ConsultationEvent,
  consultationContent,
  definitionContent,
  questionMessage,
  type Definition,
  type Phase,
  type Stance
} from './events.ts';
import { currentRecommendations, foldConsultations, type ConsultationState, type DialogueRoomRole, type Envelope, type IgnoredCounts } from './state.ts';
import type { VoteValue } from './opinion-groups.ts';

const MAX_HISTORY_PAGES = 500;
const PAGE_SIZE = 100;

export interface ConsultationRoomView {
  dialogue: DialogueRoom | null;
  /** Still fetching older history: figures may be incomplete. */
  loading: boolean;
  consent: ConsentState;
  iHaveConsented: boolean;
  amFacilitator: boolean;
  /** Joined, allowed to post (not an observer) and consented. */
  canContribute: boolean;
  /** Reads only: the power level does not allow posting. */
  amObserver: boolean;
  consultations: ConsultationState[];
  orphans: IgnoredCounts;
  /** Own consultation events that failed to send, for retry. */
  failed: MatrixEvent[];
  /** Events this device cannot (yet) decrypt: figures may be missing what they hold. */
  undecryptable: number;
}

/** Where a view reads a room's events from: by default its live timeline. */
export type EventSource = (room: Room) => MatrixEvent[];
const liveEvents: EventSource = (room) => room.getLiveTimeline().getEvents();

function isReadable(event: MatrixEvent): boolean {
  return readabilityOf(event) === 'readable';
}

function envelopesOf(events: MatrixEvent[], role: DialogueRoomRole): Envelope[] {
  return events.filter((event) => isReadable(event) && !event.isRedacted()).map((event) => ({
    id: event.getId() ?? '',
    room: role,
    sender: event.getSender() ?? '',
    ts: event.getTs(),
    type: event.getType(),
    content: event.getContent()
  }));
}

function isConsultationType(type: string): boolean {
  return type.startsWith('org.parley.');
}

export function consultationRoomViewOf(client: MatrixClient, plenary: Room, loading: boolean, eventsOf: EventSource = liveEvents): ConsultationRoomView {
  const me = client.getSafeUserId();
  const dialogue = dialogueOf(plenary);
  const moderatorsRoom = dialogue ? client.getRoom(dialogue.moderators) : null;
  const joinedModerators = moderatorsRoom?.getMyMembership() === KnownMembership.Join ? moderatorsRoom : null;
  const plenaryTimeline = eventsOf(plenary);
  const plenaryEvents = envelopesOf(plenaryTimeline, 'plenary');
  const joined = joinedMembers(plenary, plenaryTimeline);
  const facilitatorIn = (role: DialogueRoomRole, sender: string) => {
    const room = role === 'plenary' ? plenary : joinedModerators;
    return room !== null && powerLevelOf(room, sender) >= MODERATOR_LEVEL;
  };
  const consent = foldConsent(plenaryEvents, (sender) => facilitatorIn('plenary', sender));
  // Facilitators run the consultation; they do not answer or vote in it.
  const isParticipant = (sender: string) =>
    joined.has(sender) && canPost(plenary, sender) && consent.consented.has(sender) && !facilitatorIn('plenary', sender);
  const envelopes = joinedModerators
    ? [...plenaryEvents, ...envelopesOf(eventsOf(joinedModerators), 'moderators')].sort((a, b) => a.ts - b.ts)
    : plenaryEvents;
  const { consultations, orphans } = foldConsultations(envelopes, { isFacilitator: (sender, role) => facilitatorIn(role, sender), isParticipant });
  const failed = [plenary, joinedModerators]
    .flatMap((room) => room?.getPendingEvents() ?? [])
    .filter((event) => event.status === EventStatus.NOT_SENT && isConsultationType(event.getType()));
  const amFacilitator = facilitatorIn('plenary', me);
  const undecryptable = [plenary, joinedModerators]
    .flatMap((room) => (room ? eventsOf(room) : []))
    .filter((event) => readabilityOf(event) === 'undecryptable').length;
  return {
    undecryptable,
    dialogue,
    loading,
    consent,
    iHaveConsented: consent.consented.has(me),
    amFacilitator,
    canContribute: isParticipant(me),
    amObserver: !amFacilitator && !canPost(plenary, me),
    consultations: [...consultations.values()],
    orphans,
    failed
  };
}

/**
 * Every event of a room that this view has seen. The live timeline is not enough: after a sync
 * gap the SDK replaces it with a fresh one, and a page fetched meanwhile can land on the wrong
 * side of the gap. So history is fetched here directly and kept by event id.
 */
function roomArchive(client: MatrixClient, room: Room) {
  const byId = new Map<string, MatrixEvent>();
  const mapEvent = client.getEventMapper();
  const absorbLive = () => {
    for (const event of room.getLiveTimeline().getEvents()) {
      const id = event.getId();
      if (id?.startsWith('$') && !byId.has(id)) byId.set(id, event);
    }
  };
  const crawledFrom = new Set<string>();
  const liveToken = () => room.getLiveTimeline().getPaginationToken(Direction.Backward);
  /** Fetches older events from the live timeline's start until it reaches events already kept, or the beginning. */
  const fetchOlder = async () => {
    let token = liveToken();
    if (token) crawledFrom.add(token);
    for (let page = 0; token && page < MAX_HISTORY_PAGES; page++) {
      const response = await client.createMessagesRequest(room.roomId, token, PAGE_SIZE, Direction.Backward);
      let added = 0;
      for (const raw of response.chunk) {
        if (!raw.event_id || byId.has(raw.event_id)) continue;
        byId.set(raw.event_id, mapEvent({ ...raw, room_id: room.roomId }));
        added++;
      }
      if (added === 0 && response.chunk.length > 0) return;
      token = response.chunk.length > 0 ? (response.end ?? null) : null;
    }
  };
  return {
    absorbLive,
    fetchOlder,
    /** The live timeline starts at a point this archive has not fetched back from (first load, cache, a gap). */
    hasUnfetchedHistory: () => {
      const token = liveToken();
      return token !== null && !crawledFrom.has(token);
    },
    events: (): MatrixEvent[] => {
      absorbLive();
      return [...byId.values()].sort((a, b) => a.getTs() - b.getTs());
    }
  };
}

export function consultationRoomStore(client: MatrixClient, plenaryId: string): Readable<ConsultationRoomView | null> {
  let loading = true;
  const archives = new Map<string, ReturnType<typeof roomArchive>>();
  const archiveOf = (room: Room) => {
    let archive = archives.get(room.roomId);
    if (!archive) archives.set(room.roomId, (archive = roomArchive(client, room)));
    return archive;
  };
  const current = () => {
    const room = client.getRoom(plenaryId);
    return room ? consultationRoomViewOf(client, room, loading, (r) => archiveOf(r).events()) : null;
  };
  const dialogueRooms = () => {
    const plenary = client.getRoom(plenaryId);
    const dialogue = dialogueOf(plenary);
    return [plenary, dialogue ? client.getRoom(dialogue.moderators) : null].filter((room): room is Room => room !== null);
  };
  return readable(current(), (set) => {
    let scheduled = false;
    let fetching = false;
    let again = false;
    let stopped = false;
    // Fetched at start and again after every timeline reset (a sync gap), until known events are met.
    const fetchHistory = async () => {
      if (stopped) return;
      if (fetching) {
        again = true;
        return;
      }
      fetching = true;
      try {
        do {
          again = false;
          for (const room of dialogueRooms()) {
            await room.loadMembersIfNeeded().catch(() => undefined);
            archiveOf(room).absorbLive();
            await archiveOf(room).fetchOlder().catch(() => undefined);
          }
        } while (again && !stopped);
      } finally {
        fetching = false;
        loading = false;
        refresh();
      }
    };
    let lastFoldMs = 0;
    const refresh = () => {
      if (scheduled || stopped) return;
      scheduled = true;
      // Folding thousands of votes, and rendering what changed, takes a while: between folds the
      // page keeps at least twice that time to itself, so typing and clicks are never starved.
      setTimeout(() => {
        scheduled = false;
        if (stopped) return;
        if (dialogueRooms().some((room) => archiveOf(room).hasUnfetchedHistory())) void fetchHistory();
        const started = performance.now();
        set(current());
        // Queued after the render the new view scheduled (Svelte flushes in a microtask), so it counts it too.
        queueMicrotask(() => (lastFoldMs = performance.now() - started));
      }, Math.max(50, 2 * lastFoldMs));
    };
    const onReset = () => {
      void fetchHistory();
      refresh();
    };
    const events = [
      RoomEvent.Timeline,
      RoomEvent.LocalEchoUpdated,
      RoomEvent.Redaction,
      MatrixEventEvent.Decrypted,
      RoomStateEvent.Events,
      RoomStateEvent.Members,
      ClientEvent.Room
    ];
    const emitter = client as unknown as { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
    for (const event of events) emitter.on(event, refresh);
    emitter.on(RoomEvent.TimelineReset, onReset);
    void fetchHistory();
    return () => {
      stopped = true;
      for (const event of events) emitter.off(event, refresh);
      emitter.off(RoomEvent.TimelineReset, onReset);
    };
  });
}

// --- Actions

/** Sends one consultation event, encrypted. Throws if the room's encryption is not confirmed; a failed send stays pending for retry. */
async function sendEncrypted(client: MatrixClient, roomId: string, type: string, content: object): Promise<void> {
  await waitForRoomEncryption(client, roomId);
  await client.sendEvent(roomId, type as never, content as never);
}

export async function saveDraft(client: MatrixClient, dialogue: DialogueRoom, definition: Definition): Promise<void> {
  await sendEncrypted(client, dialogue.moderators, ConsultationEvent.definition, definitionContent(definition));
}

/** Opening posts the definition to the plenary, then each question as the root of its thread. */
export async function openConsultation(client: MatrixClient, dialogue: DialogueRoom, definition: Definition): Promise<void> {
  const content = definitionContent(definition);
  await sendEncrypted(client, dialogue.plenary, ConsultationEvent.definition, content);
  for (const question of content.questions) {
    await sendEncrypted(client, dialogue.plenary, 'm.room.message', questionMessage(content.consultation, question));
  }
}

export async function setPhase(client: MatrixClient, plenary: string, consultation: string, phase: Phase): Promise<void> {
  await sendEncrypted(client, plenary, ConsultationEvent.phase, consultationContent('phase', { consultation, phase }));
}

export async function answerQuestion(
  client: MatrixClient,
  plenary: string,
  consultation: string,
  question: { id: string; thread: string | null },
  text: string,
  quotable: boolean
): Promise<void> {
  if (!question.thread) throw new Error('question has no thread yet');
  await sendEncrypted(client, plenary, 'm.room.message', answerMessage(consultation, question.id, question.thread, text, quotable));
}

export async function addStatement(client: MatrixClient, plenary: string, consultation: string, question: string, text: string): Promise<void> {
  await sendEncrypted(client, plenary, ConsultationEvent.statement, consultationContent('statement', { consultation, question, text }));
}

export async function vote(client: MatrixClient, plenary: string, consultation: string, statement: string, value: VoteValue): Promise<void> {
  await sendEncrypted(client, plenary, ConsultationEvent.vote, consultationContent('vote', { consultation, statement, value }));
}

export async function rate(client: MatrixClient, plenary: string, consultation: string, question: string, value: number): Promise<void> {
  await sendEncrypted(client, plenary, ConsultationEvent.rating, consultationContent('rating', { consultation, question, value }));
}

export async function setProfile(
  client: MatrixClient,
  plenary: string,
  consultation: string,
  constituency: string | null,
  ageBand: string | null
): Promise<void> {
  await sendEncrypted(client, plenary, ConsultationEvent.profile, consultationContent('profile', { consultation, constituency, ageBand }));
}

/** Tags are the facilitator's working notes: they stay in the moderators' room. */
export async function tagAnswer(client: MatrixClient, dialogue: DialogueRoom, consultation: string, answer: string, tags: string[]): Promise<void> {
  await sendEncrypted(client, dialogue.moderators, ConsultationEvent.tag, consultationContent('tag', { consultation, answer, tags }));
}

/** Drafts stay in the moderators' room until endorsement starts; revisions after that go to the plenary. */
export async function draftRecommendation(
  client: MatrixClient,
  dialogue: DialogueRoom,
  state: ConsultationState,
  recommendation: { id: string; text: string; supports: { statements: string[]; answers: string[] } }
): Promise<void> {
  const revisions = state.recommendations.get(recommendation.id) ?? [];
  const revision = (revisions[revisions.length - 1]?.revision ?? 0) + 1;
  const target = state.phase === 'endorsement' ? dialogue.plenary : dialogue.moderators;
  const content = consultationContent('recommendation', { consultation: state.id, recommendation: recommendation.id, revision, ...recommendation });
  await sendEncrypted(client, target, ConsultationEvent.recommendation, content);
}

/** Releases the current drafts to the plenary, then opens endorsement. */
export async function startEndorsement(client: MatrixClient, dialogue: DialogueRoom, state: ConsultationState): Promise<void> {
  for (const { id, revision, text, supports } of currentRecommendations(state)) {
    const content = consultationContent('recommendation', { consultation: state.id, recommendation: id, revision, text, supports });
    await sendEncrypted(client, dialogue.plenary, ConsultationEvent.recommendation, content);
  }
  await setPhase(client, dialogue.plenary, state.id, 'endorsement');
}

export async function endorse(
  client: MatrixClient,
  plenary: string,
  consultation: string,
  recommendation: { id: string; revision: number },
  stance: Stance,
  reason: string
): Promise<void> {
  const content = consultationContent('endorsement', {
    consultation,
    recommendation: recommendation.id,
    revision: recommendation.revision,
    stance,
    ...(reason.trim() ? { reason: reason.trim() } : {})
  });
  await sendEncrypted(client, plenary, ConsultationEvent.endorsement, content);
}

export async function retryFailed(client: MatrixClient, events: MatrixEvent[]): Promise<void> {
  for (const event of events) {
    const room = client.getRoom(event.getRoomId() ?? '');
    if (room && event.status === EventStatus.NOT_SENT) await client.resendEvent(event, room).catch(() => undefined);
  }
}
