// Briefs in the negotiators' room. The brief document (figures, texts and the inputs its digest
// covers) is an encrypted attachment; the event carries its key, the title and the digest. A
// brief counts only from a facilitator of that room, and its digest is recomputed on opening.
import { EventStatus, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk';
import type { Readable } from 'svelte/store';
import { roomEventsStore } from '../dialogue/stores.ts';
import { MODERATOR_LEVEL, powerLevelOf } from '../dialogue/dialogue.ts';
import { waitForRoomEncryption } from '../dialogue/rooms.ts';
import { briefToJson, parseBriefDocument, verifyBriefDocument, type BriefDocument } from './brief.ts';
import { downloadEncrypted, uploadEncrypted, type EncryptedFile } from '../matrix/media.ts';
import { ConsultationEvent, consultationContent, parseConsultationEvent } from './events.ts';
import { setPhase } from './room.ts';

export interface BriefEntry {
  eventId: string;
  sender: string;
  ts: number;
  title: string;
  digest: string;
  document: EncryptedFile;
  event: MatrixEvent;
}

export interface NegotiatorsRoomView {
  briefs: BriefEntry[];
  /** Brief events that were malformed or came from someone who may not publish. */
  refused: number;
  pending: { event: MatrixEvent; failed: boolean }[];
}

export function negotiatorsRoomViewOf(room: Room): NegotiatorsRoomView {
  const view: NegotiatorsRoomView = { briefs: [], refused: 0, pending: [] };
  for (const event of room.getLiveTimeline().getEvents()) {
    if (event.getType() !== ConsultationEvent.brief) continue;
    const parsed = parseConsultationEvent(event.getType(), event.getContent());
    const sender = event.getSender() ?? '';
    if (!parsed || parsed.type !== 'brief' || powerLevelOf(room, sender) < MODERATOR_LEVEL) {
      view.refused++;
      continue;
    }
    const { title, digest, document } = parsed.content;
    view.briefs.push({ eventId: event.getId() ?? '', sender, ts: event.getTs(), title, digest, document, event });
  }
  view.pending = room
    .getPendingEvents()
    .filter((event) => event.getType() === ConsultationEvent.brief && event.status !== EventStatus.CANCELLED)
    .map((event) => ({ event, failed: event.status === EventStatus.NOT_SENT }));
  view.briefs.reverse();
  return view;
}

export function negotiatorsRoomStore(client: MatrixClient, roomId: string): Readable<NegotiatorsRoomView | null> {
  const current = () => {
    const room = client.getRoom(roomId);
    return room ? negotiatorsRoomViewOf(room) : null;
  };
  return roomEventsStore(client, current);
}

/** Encrypts and uploads the document, posts the brief to the negotiators' room, then marks the consultation delivered. */
export async function publishBrief(
  client: MatrixClient,
  dialogue: { plenary: string; negotiators: string },
  document: BriefDocument
): Promise<void> {
  await waitForRoomEncryption(client, dialogue.negotiators);
  const bytes = new TextEncoder().encode(briefToJson(document));
  const file = await uploadEncrypted(client, bytes.buffer as ArrayBuffer);
  const content = consultationContent('brief', {
    consultation: document.brief.consultation.id,
    title: document.brief.consultation.title,
    digest: document.brief.digest,
    document: file
  });
  await client.sendEvent(dialogue.negotiators, ConsultationEvent.brief as never, content as never);
  await setPhase(client, dialogue.plenary, document.brief.consultation.id, 'delivered');
}

/** A brief is a JSON document of figures and texts; anything far larger is not one. */
const MAX_BRIEF_BYTES = 20 * 1024 * 1024;

export const BRIEF_OPEN_ERRORS = ['download', 'invalid', 'digest'] as const;
export type OpenedBrief = { ok: true; document: BriefDocument } | { ok: false; reason: (typeof BRIEF_OPEN_ERRORS)[number] };

/** Downloads, decrypts and checks a brief: its document must parse and its digest must match both the inputs and the event. */
export async function openBrief(client: MatrixClient, entry: BriefEntry): Promise<OpenedBrief> {
  let plaintext: ArrayBuffer;
  try {
    plaintext = await downloadEncrypted(client, entry.document, MAX_BRIEF_BYTES);
  } catch {
    return { ok: false, reason: 'download' };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const document = parseBriefDocument(json);
  if (!document) return { ok: false, reason: 'invalid' };
  if (document.brief.digest !== entry.digest || !(await verifyBriefDocument(document))) return { ok: false, reason: 'digest' };
  return { ok: true, document };
}
