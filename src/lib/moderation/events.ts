// Moderation event types, each with its one schema and validator. Reports travel as Olm-encrypted
// to-device messages to the moderators' devices, then as encrypted events in the moderators'
// room; audit entries and room-specific terms are encrypted events there too.
import * as v from 'valibot';

export const ModerationEvent = {
  /** To-device (Olm) from a reporter to each moderator device, and room event in the moderators' room. */
  report: 'org.parley.moderation.report',
  /** Moderators' room: what a moderator did about a report or a message. */
  audit: 'org.parley.moderation.audit',
  /** Moderators' room: the dialogue's own terms, in any language (the latest list wins). */
  terms: 'org.parley.moderation.terms'
} as const;

export const REPORT_CATEGORIES = ['threat', 'hate', 'misogyny', 'sexualHarassment', 'personalData', 'impersonation', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const MODERATION_ACTIONS = ['dismiss', 'redact', 'warn', 'mute', 'remove', 'ban', 'policy'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const MAX_REPORT_CHARS = 30_000;
const matrixId = v.pipe(v.string(), v.regex(/^@[^:\s]+:\S+$/), v.maxLength(255));
const roomId = v.pipe(v.string(), v.startsWith('!'), v.maxLength(255));
const eventId = v.pipe(v.string(), v.startsWith('$'), v.maxLength(255));

const ReportSchema = v.object({
  report: v.pipe(v.string(), v.minLength(8), v.maxLength(64)),
  room: roomId,
  event: eventId,
  /** Who wrote the reported message. */
  sender: matrixId,
  text: v.pipe(v.string(), v.maxLength(MAX_REPORT_CHARS)),
  language: v.nullable(v.pipe(v.string(), v.maxLength(8))),
  categories: v.pipe(v.array(v.picklist(REPORT_CATEGORIES)), v.minLength(1), v.maxLength(REPORT_CATEGORIES.length)),
  reason: v.pipe(v.string(), v.maxLength(2_000)),
  hits: v.pipe(v.array(v.object({ category: v.string(), severity: v.number(), term: v.pipe(v.string(), v.maxLength(200)) })), v.maxLength(50)),
  /** null when the reporter asked to stay anonymous to the moderators. */
  reporter: v.nullable(matrixId)
});
export type Report = v.InferOutput<typeof ReportSchema>;

const AuditSchema = v.object({
  action: v.picklist(MODERATION_ACTIONS),
  report: v.nullable(v.pipe(v.string(), v.maxLength(64))),
  room: roomId,
  event: v.nullable(eventId),
  target: v.nullable(matrixId),
  reason: v.pipe(v.string(), v.maxLength(2_000))
});
export type AuditEntry = v.InferOutput<typeof AuditSchema>;

export const TERM_CATEGORIES = ['threat', 'hate', 'misogyny', 'sexualHarassment'] as const;
const RoomTermSchema = v.object({
  term: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(100)),
  category: v.picklist(TERM_CATEGORIES),
  severity: v.picklist([1, 2, 3] as const),
  language: v.pipe(v.string(), v.maxLength(8))
});
const RoomTermsSchema = v.object({ terms: v.pipe(v.array(RoomTermSchema), v.maxLength(500)) });
export type RoomTerm = v.InferOutput<typeof RoomTermSchema>;

/** A valid list of room terms, or null: never throws. */
export function parseRoomTerms(content: unknown): RoomTerm[] | null {
  const parsed = v.safeParse(RoomTermsSchema, content);
  return parsed.success ? parsed.output.terms : null;
}

export function roomTermsContent(terms: RoomTerm[]): { terms: RoomTerm[] } {
  return v.parse(RoomTermsSchema, { terms });
}

function serialisedLength(content: unknown): number {
  try {
    return JSON.stringify(content)?.length ?? 0;
  } catch {
    return Infinity;
  }
}

/** A valid report, or null: never throws. */
export function parseReport(content: unknown): Report | null {
  if (serialisedLength(content) > MAX_REPORT_CHARS + 10_000) return null;
  const parsed = v.safeParse(ReportSchema, content);
  return parsed.success ? parsed.output : null;
}

export function parseAudit(content: unknown): AuditEntry | null {
  const parsed = v.safeParse(AuditSchema, content);
  return parsed.success ? parsed.output : null;
}

export function reportContent(report: Report): Report {
  return v.parse(ReportSchema, report);
}

export function auditContent(entry: AuditEntry): AuditEntry {
  return v.parse(AuditSchema, entry);
}
