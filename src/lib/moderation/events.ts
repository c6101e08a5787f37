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
  terms: 'org.parley.moderation.terms',
  /** Moderators' room: the external policy lists the dialogue follows (the latest list wins). */
  policyLists: 'org.parley.moderation.policy_lists',
  /** To-device (Olm) from a moderator to each device of the person warned. */
  warning: 'org.parley.moderation.warning'
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
  /** For policy actions: the rule's entity (a user or server glob). */
  entity: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(255))), null),
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

export function auditContent(entry: v.InferInput<typeof AuditSchema>): AuditEntry {
  return v.parse(AuditSchema, entry);
}

/**
 * Policy rules in the spec's format (Matrix 1.x "Moderation policy lists"), readable by Draupnir
 * and Mjolnir. They are state events, so the server sees them, as it sees bans.
 */
export const PolicyRuleEvent = {
  user: ['m.policy.rule.user', 'm.room.rule.user', 'org.matrix.mjolnir.rule.user'],
  server: ['m.policy.rule.server', 'm.room.rule.server', 'org.matrix.mjolnir.rule.server']
} as const;
export type PolicyRuleKind = keyof typeof PolicyRuleEvent;
/** The recommendations that mean "ban"; rules recommending anything else are ignored, as the spec asks. */
const BAN_RECOMMENDATIONS = ['m.ban', 'org.matrix.mjolnir.ban'];

const PolicyRuleSchema = v.object({
  entity: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(255)),
  recommendation: v.pipe(v.string(), v.maxLength(100)),
  reason: v.optional(v.pipe(v.string(), v.maxLength(2_000)), '')
});

export interface PolicyRuleContent {
  entity: string;
  reason: string;
}

/** A ban rule's entity and reason, or null (removed rules are empty; other recommendations don't apply). */
export function parsePolicyRule(content: unknown): PolicyRuleContent | null {
  const parsed = v.safeParse(PolicyRuleSchema, content);
  if (!parsed.success || !BAN_RECOMMENDATIONS.includes(parsed.output.recommendation)) return null;
  return { entity: parsed.output.entity, reason: parsed.output.reason };
}

export function policyRuleContent(entity: string, reason: string): { entity: string; reason: string; recommendation: 'm.ban' } {
  const rule = v.parse(PolicyRuleSchema, { entity, reason, recommendation: 'm.ban' });
  return { entity: rule.entity, reason: rule.reason, recommendation: 'm.ban' };
}

const PolicyListsSchema = v.object({ rooms: v.pipe(v.array(roomId), v.maxLength(20)) });

/** Moderators' room: the policy lists (room ids) a dialogue follows, encrypted; the latest wins. */
export function parsePolicyLists(content: unknown): string[] | null {
  const parsed = v.safeParse(PolicyListsSchema, content);
  return parsed.success ? parsed.output.rooms : null;
}

export function policyListsContent(rooms: string[]): { rooms: string[] } {
  return v.parse(PolicyListsSchema, { rooms: [...new Set(rooms)] });
}

const WarningSchema = v.object({
  room: roomId,
  event: v.nullable(eventId),
  /** Which template the person's own client shows, in their own language. */
  category: v.picklist(REPORT_CATEGORIES)
});
export type Warning = v.InferOutput<typeof WarningSchema>;

/** A valid warning, or null: never throws. */
export function parseWarning(content: unknown): Warning | null {
  const parsed = v.safeParse(WarningSchema, content);
  return parsed.success ? parsed.output : null;
}

export function warningContent(warning: Warning): Warning {
  return v.parse(WarningSchema, warning);
}
