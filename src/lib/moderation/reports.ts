// Reports and the moderation queue. A report goes from the reporter's device straight to the
// moderators' devices as Olm-encrypted to-device messages (the reporter never joins the
// moderators' room, and no other participant sees it); each moderator's client files it in the
// dialogue's moderators' room, encrypted. Actions are recorded there as audit entries.
import { ClientEvent, type MatrixClient, type Room } from 'matrix-js-sdk';
import type { ReceivedToDeviceMessage } from 'matrix-js-sdk/lib/sync-accumulator.js';
import type { Readable } from 'svelte/store';
import { roomEventsStore } from '../dialogue/stores.ts';
import { dialogueOf, MODERATOR_LEVEL, powerLevelOf } from '../dialogue/dialogue.ts';
import {
  ModerationEvent,
  parseAudit,
  parseReport,
  parseRoomTerms,
  reportContent,
  roomTermsContent,
  type AuditEntry,
  type Report,
  type RoomTerm
} from './events.ts';
import { addPolicyRule } from './policy-lists.ts';
import { postToModerators, recordAudit } from './moderators-room.ts';
import { sendWarning } from './warnings.ts';
import { createScanner, type ScanResult, type Scanner } from './scan.ts';

export class NoModeratorsReachableError extends Error {
  name = 'NoModeratorsReachableError';
}

/** The people who moderate a plenary: power level of a moderator or more. */
export function moderatorsOf(plenary: Room): string[] {
  const content = plenary.currentState.getStateEvents('m.room.power_levels', '')?.getContent() as { users?: Record<string, unknown> } | undefined;
  return Object.keys(content?.users ?? {}).filter((userId) => powerLevelOf(plenary, userId) >= MODERATOR_LEVEL);
}

/** Sends a report to every device of every moderator, Olm-encrypted. Returns how many devices it went to. */
export async function sendReport(client: MatrixClient, plenary: Room, report: Omit<Report, 'report'>): Promise<number> {
  const crypto = client.getCrypto();
  const moderators = moderatorsOf(plenary).filter((userId) => userId !== client.getUserId());
  if (!crypto || moderators.length === 0) throw new NoModeratorsReachableError();
  const deviceMap = await crypto.getUserDeviceInfo(moderators, true);
  const devices = [...deviceMap].flatMap(([userId, byId]) => [...byId.keys()].map((deviceId) => ({ userId, deviceId })));
  if (devices.length === 0) throw new NoModeratorsReachableError();
  const content = reportContent({ ...report, report: globalThis.crypto.randomUUID() });
  const batch = await crypto.encryptToDeviceMessages(ModerationEvent.report, devices, content as never);
  await client.queueToDevice(batch);
  return devices.length;
}

/**
 * On a moderator's client: files every encrypted report that arrives for a dialogue it moderates
 * into that dialogue's moderators' room. Reports sent in clear, or naming someone other than the
 * real sender as reporter, are dropped.
 */
export function fileIncomingReports(client: MatrixClient): () => void {
  const onMessage = async ({ message, encryptionInfo }: ReceivedToDeviceMessage) => {
    if (message.type !== ModerationEvent.report || !encryptionInfo) return;
    const report = parseReport(message.content);
    if (!report || (report.reporter !== null && report.reporter !== encryptionInfo.sender)) return;
    const plenary = client.getRoom(report.room);
    const dialogue = dialogueOf(plenary);
    if (!plenary || !dialogue || powerLevelOf(plenary, client.getSafeUserId()) < MODERATOR_LEVEL) return;
    const moderators = client.getRoom(dialogue.moderators);
    if (moderators?.getMyMembership() !== 'join' || filedReports(moderators).has(report.report)) return;
    try {
      await postToModerators(client, dialogue.moderators, ModerationEvent.report, reportContent(report));
    } catch {
      // Another moderator's client files it too; if none can, it arrives again on no other path.
    }
  };
  const handler = (payload: ReceivedToDeviceMessage) => void onMessage(payload);
  client.on(ClientEvent.ReceivedToDeviceMessage, handler);
  return () => client.off(ClientEvent.ReceivedToDeviceMessage, handler);
}

function filedReports(moderators: Room): Set<string> {
  const ids = new Set<string>();
  for (const event of moderators.getLiveTimeline().getEvents()) {
    if (event.getType() === ModerationEvent.report) {
      const report = parseReport(event.getContent());
      if (report) ids.add(report.report);
    }
  }
  return ids;
}

export interface QueueItem {
  report: Report;
  filedAt: number;
  /** The audit entries that refer to this report, oldest first. */
  actions: (AuditEntry & { by: string; ts: number })[];
}

export interface ModerationQueue {
  items: QueueItem[];
  /** The dialogue's own terms, from the latest list a moderator posted. */
  terms: RoomTerm[];
  /** Audit entries not tied to a report. */
  audit: (AuditEntry & { by: string; ts: number })[];
  /** Events in the room that failed validation or came from someone who may not moderate. */
  ignored: number;
}

export function moderationQueueOf(room: Room, plenary: Room | null): ModerationQueue {
  const queue: ModerationQueue = { items: [], terms: [], audit: [], ignored: 0 };
  const byReport = new Map<string, QueueItem>();
  for (const event of room.getLiveTimeline().getEvents()) {
    const type = event.getType();
    if (type !== ModerationEvent.report && type !== ModerationEvent.audit && type !== ModerationEvent.terms) continue;
    const sender = event.getSender() ?? '';
    const mayModerate = plenary !== null && powerLevelOf(plenary, sender) >= MODERATOR_LEVEL;
    if (type === ModerationEvent.terms) {
      const terms = parseRoomTerms(event.getContent());
      if (!terms || !mayModerate) queue.ignored++;
      else queue.terms = terms;
      continue;
    }
    if (type === ModerationEvent.report) {
      const report = parseReport(event.getContent());
      if (!report || !mayModerate) queue.ignored++;
      else if (!byReport.has(report.report)) {
        const item = { report, filedAt: event.getTs(), actions: [] };
        byReport.set(report.report, item);
        queue.items.push(item);
      }
      continue;
    }
    const entry = parseAudit(event.getContent());
    if (!entry || !mayModerate) {
      queue.ignored++;
      continue;
    }
    const withWho = { ...entry, by: sender, ts: event.getTs() };
    const item = entry.report ? byReport.get(entry.report) : undefined;
    if (item) item.actions.push(withWho);
    queue.audit.push(withWho);
  }
  queue.items.reverse();
  return queue;
}

export function moderationQueueStore(client: MatrixClient, moderatorsRoomId: string): Readable<ModerationQueue | null> {
  const current = () => {
    const room = client.getRoom(moderatorsRoomId);
    const dialogue = dialogueOf(room);
    return room ? moderationQueueOf(room, dialogue ? client.getRoom(dialogue.plenary) : null) : null;
  };
  return roomEventsStore(client, current);
}

/** Carries out a moderation action on the reported message or its author, then records it. */
export async function actOnReport(
  client: MatrixClient,
  moderatorsRoomId: string,
  report: Report,
  action: AuditEntry['action'],
  reason: string
): Promise<void> {
  const plenary = client.getRoom(report.room);
  const dialogue = dialogueOf(plenary);
  const reasonOrUndefined = reason.trim() || undefined;
  switch (action) {
    case 'redact':
      await client.redactEvent(report.room, report.event, undefined, reasonOrUndefined ? { reason: reasonOrUndefined } : undefined);
      break;
    case 'mute':
      await client.setPowerLevel(report.room, report.sender, 0);
      break;
    case 'remove':
      await client.kick(report.room, report.sender, reasonOrUndefined);
      break;
    case 'ban':
      // Banned from every room of the dialogue, not only the one the message was in.
      for (const roomId of new Set([report.room, ...(dialogue ? [dialogue.plenary, dialogue.space] : [])])) {
        await client.ban(roomId, report.sender, reasonOrUndefined);
      }
      break;
    case 'warn':
      await sendWarning(client, report.sender, { room: report.room, event: report.event, category: report.categories[0] });
      break;
    case 'policy':
      // The author's exact ID goes on the dialogue's own list; addPolicyRule records it in the audit log.
      if (!dialogue) throw new Error('not a dialogue');
      await addPolicyRule(client, dialogue, 'user', report.sender, reason.trim(), report.report);
      return;
    default:
      break;
  }
  await recordAudit(client, moderatorsRoomId, { action, report: report.report, room: report.room, event: report.event, target: report.sender, reason: reason.trim() });
}

let cachedScanner: { key: string; scan: Scanner } | null = null;
const scanned = new WeakMap<Scanner, Map<string, ScanResult>>();

/** Compiling the lexicons takes tens of milliseconds: one scanner per distinct list of terms. */
function scannerFor(terms: RoomTerm[]): Scanner {
  const key = JSON.stringify(terms);
  if (cachedScanner?.key !== key) cachedScanner = { key, scan: createScanner(terms) };
  return cachedScanner.scan;
}

/** Replaces the dialogue's own terms with `terms`, encrypted in the moderators' room. */
export async function saveRoomTerms(client: MatrixClient, moderatorsRoomId: string, terms: RoomTerm[]): Promise<void> {
  await postToModerators(client, moderatorsRoomId, ModerationEvent.terms, roomTermsContent(terms));
}

export interface FlaggedMessage {
  eventId: string;
  sender: string;
  text: string;
  scan: ScanResult;
}

/**
 * What this moderator's own client flags in the plenary it moderates: messages matching the
 * bundled lexicons or the dialogue's terms. Computed here, shown only here, sent nowhere.
 */
export function flagMessages(plenary: Room, terms: RoomTerm[], me: string): FlaggedMessage[] {
  const scan = scannerFor(terms);
  // The queue recomputes on every event: each message is scanned once per list of terms.
  const known = scanned.get(scan) ?? new Map<string, ScanResult>();
  scanned.set(scan, known);
  const flagged: FlaggedMessage[] = [];
  for (const event of plenary.getLiveTimeline().getEvents()) {
    if (event.getType() !== 'm.room.message' || event.isRedacted() || event.getSender() === me) continue;
    const body = (event.getContent() as { body?: unknown }).body;
    const eventId = event.getId();
    if (typeof body !== 'string' || body.length > 65_536 || !eventId) continue;
    const result = known.get(eventId) ?? scan(body);
    known.set(eventId, result);
    if (result.hits.length > 0) flagged.push({ eventId, sender: event.getSender() ?? '', text: body, scan: result });
  }
  return flagged.reverse();
}
