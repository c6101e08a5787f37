// Incoming room-message content, validated before anything renders it. Whatever a hostile or
// broken client puts in an event ends up as one of these shapes, never as an exception.
import * as v from 'valibot';
import { parseEncryptedFile, type EncryptedFile } from '../matrix/media.ts';

const MAX_BODY_CHARS = 65_536;

const RelatesToSchema = v.object({
  'm.in_reply_to': v.optional(v.object({ event_id: v.string() }))
});

const MessageContentSchema = v.object({
  msgtype: v.string(),
  body: v.string(),
  format: v.optional(v.unknown()),
  formatted_body: v.optional(v.unknown()),
  'm.relates_to': v.optional(v.unknown())
});

/** What a file message says about itself; each field is ignored when it is not what it should be. */
const FileInfoSchema = v.object({
  mimetype: v.optional(v.fallback(v.nullable(v.pipe(v.string(), v.maxLength(255), v.regex(/^[\w.+-]+\/[\w.+-]+$/))), null), null),
  size: v.optional(v.fallback(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))), null), null)
});

export type TextMsgtype = 'm.text' | 'm.notice' | 'm.emote';
const TEXT_MSGTYPES: readonly string[] = ['m.text', 'm.notice', 'm.emote'];
const FILE_MSGTYPES: readonly string[] = ['m.image', 'm.file', 'm.audio', 'm.video'];

export type MessageView =
  | { kind: 'text'; msgtype: TextMsgtype; body: string; html: string | null; replyTo: string | null }
  | {
      kind: 'file';
      msgtype: string;
      name: string;
      replyTo: string | null;
      /** The encrypted file, or null when it was sent in clear (Parley does not fetch those) or is malformed. */
      file: EncryptedFile | null;
      mimetype: string | null;
      size: number | null;
    }
  | { kind: 'redacted' }
  | { kind: 'decrypting' }
  | { kind: 'undecryptable' }
  | { kind: 'unsupported'; type: string }
  | { kind: 'invalid' };

/** Removes the quoted fallback that replies carry for clients without reply support. */
export function stripReplyFallback(body: string): string {
  const lines = body.split('\n');
  if (!lines[0]?.startsWith('> ')) return body;
  let i = 0;
  while (i < lines.length && lines[i].startsWith('>')) i++;
  if (lines[i] === '') i++;
  return lines.slice(i).join('\n');
}

function replyTarget(relatesTo: unknown): string | null {
  const parsed = v.safeParse(RelatesToSchema, relatesTo);
  return parsed.success ? (parsed.output['m.in_reply_to']?.event_id ?? null) : null;
}

export function parseMessage(
  type: string,
  content: unknown,
  flags: { redacted?: boolean; decrypting?: boolean; undecryptable?: boolean; malformed?: boolean } = {}
): MessageView {
  if (flags.redacted) return { kind: 'redacted' };
  if (flags.malformed) return { kind: 'invalid' };
  if (flags.decrypting) return { kind: 'decrypting' };
  if (flags.undecryptable) return { kind: 'undecryptable' };
  if (type !== 'm.room.message') return { kind: 'unsupported', type: typeof type === 'string' ? type.slice(0, 100) : '?' };
  const parsed = v.safeParse(MessageContentSchema, content);
  if (!parsed.success) return { kind: 'invalid' };
  const message = parsed.output;
  if (message.body.length > MAX_BODY_CHARS) return { kind: 'invalid' };
  const replyTo = replyTarget(message['m.relates_to']);
  if (TEXT_MSGTYPES.includes(message.msgtype)) {
    const html =
      message.format === 'org.matrix.custom.html' && typeof message.formatted_body === 'string' && message.formatted_body.length <= MAX_BODY_CHARS
        ? message.formatted_body
        : null;
    const body = replyTo ? stripReplyFallback(message.body) : message.body;
    return { kind: 'text', msgtype: message.msgtype as TextMsgtype, body, html, replyTo };
  }
  if (FILE_MSGTYPES.includes(message.msgtype)) {
    const raw = content as { file?: unknown; info?: unknown };
    const info = v.safeParse(FileInfoSchema, raw.info);
    return {
      kind: 'file',
      msgtype: message.msgtype,
      name: message.body.slice(0, 256),
      replyTo,
      file: parseEncryptedFile(raw.file),
      mimetype: info.success ? info.output.mimetype : null,
      size: info.success ? info.output.size : null
    };
  }
  return { kind: 'unsupported', type: message.msgtype.slice(0, 100) };
}

/** A one-line preview of a message, for reply quotes and the room list. */
export function previewText(view: MessageView, maxChars = 120): string | null {
  if (view.kind === 'text') return view.body.replace(/\s+/g, ' ').trim().slice(0, maxChars);
  if (view.kind === 'file') return view.name.replace(/\s+/g, ' ').trim().slice(0, maxChars);
  return null;
}

// --- A dialogue: a space with a plenary, a moderators' and a negotiators' room, and its ground rules.

export const DialogueEvent = {
  /** State event in each of the dialogue's rooms: only ids and the room's role, nothing anyone wrote. */
  room: 'org.parley.dialogue.room',
  /** Encrypted: the ground rules and consent text, and the dialogue's languages. */
  groundRules: 'org.parley.dialogue.ground_rules',
  /** Encrypted: a participant accepts a version of the ground rules. */
  consent: 'org.parley.dialogue.consent',
  /** Encrypted: a member's translation of a message, related to it, with the target language. */
  translation: 'org.parley.translation',
  /** Encrypted: the self-hosted translation service a facilitator enabled for the room (or none). */
  translationService: 'org.parley.translation_service'
} as const;

export const DIALOGUE_ROLES = ['plenary', 'moderators', 'negotiators'] as const;
export type DialogueRole = (typeof DIALOGUE_ROLES)[number];

const roomId = v.pipe(v.string(), v.startsWith('!'), v.maxLength(255));

const DialogueRoomSchema = v.object({
  role: v.picklist(DIALOGUE_ROLES),
  space: roomId,
  plenary: roomId,
  moderators: roomId,
  negotiators: roomId
});
export type DialogueRoom = v.InferOutput<typeof DialogueRoomSchema>;

const languageTag = v.pipe(v.string(), v.maxLength(35), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

const GroundRulesSchema = v.object({
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_BODY_CHARS)),
  languages: v.pipe(v.array(languageTag), v.maxLength(20))
});
export type GroundRules = v.InferOutput<typeof GroundRulesSchema>;

const ConsentSchema = v.object({ rules: v.pipe(v.string(), v.minLength(1), v.maxLength(255)) });

export function parseDialogueRoom(content: unknown): DialogueRoom | null {
  const parsed = v.safeParse(DialogueRoomSchema, content);
  return parsed.success ? parsed.output : null;
}

export function parseGroundRules(content: unknown): GroundRules | null {
  const parsed = v.safeParse(GroundRulesSchema, content);
  return parsed.success ? parsed.output : null;
}

/** The ground-rules event id a consent refers to, or null. */
export function parseConsent(content: unknown): string | null {
  const parsed = v.safeParse(ConsentSchema, content);
  return parsed.success ? parsed.output.rules : null;
}

export function groundRulesContent(rules: GroundRules): GroundRules {
  return v.parse(GroundRulesSchema, rules);
}

export function dialogueRoomContent(room: DialogueRoom): DialogueRoom {
  return v.parse(DialogueRoomSchema, room);
}

// --- Interpretation: translations attached to messages, and a room's translation service.

export const TRANSLATION_RELATION = 'org.parley.translation';

const TranslationSchema = v.object({
  'm.relates_to': v.object({ rel_type: v.literal(TRANSLATION_RELATION), event_id: v.pipe(v.string(), v.startsWith('$'), v.maxLength(255)) }),
  language: languageTag,
  body: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_BODY_CHARS))
});

export interface TranslationContent {
  /** The message translated. */
  eventId: string;
  language: string;
  body: string;
}

export function parseTranslation(content: unknown): TranslationContent | null {
  const parsed = v.safeParse(TranslationSchema, content);
  return parsed.success ? { eventId: parsed.output['m.relates_to'].event_id, language: parsed.output.language, body: parsed.output.body } : null;
}

export function translationContent({ eventId, language, body }: TranslationContent): v.InferOutput<typeof TranslationSchema> {
  return v.parse(TranslationSchema, { 'm.relates_to': { rel_type: TRANSLATION_RELATION, event_id: eventId }, language, body });
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** A service's address: HTTPS, or plain HTTP on this machine only. */
const serviceUrl = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(500),
  v.check((url) => {
    if (!URL.canParse(url)) return false;
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK_HOSTS.includes(parsed.hostname));
  })
);
const TranslationServiceSchema = v.object({ url: v.nullable(serviceUrl) });

/** The enabled service's address; null when it was turned off; undefined when the content is invalid. */
export function parseTranslationService(content: unknown): string | null | undefined {
  const parsed = v.safeParse(TranslationServiceSchema, content);
  return parsed.success ? parsed.output.url : undefined;
}

export function translationServiceContent(url: string | null): { url: string | null } {
  return v.parse(TranslationServiceSchema, { url: url?.trim() || null });
}

// --- Disappearing messages: the spec's m.room.retention state event.

/** The longest lifetime a room may set: a year. Anything longer is treated as no lifetime. */
const MAX_LIFETIME_MS = 365 * 24 * 3_600_000;
const RetentionSchema = v.object({
  max_lifetime: v.pipe(v.number(), v.integer(), v.minValue(1_000), v.maxValue(MAX_LIFETIME_MS))
});

/** A room's message lifetime in milliseconds, or null when it has none (or an invalid one). */
export function parseRetention(content: unknown): number | null {
  const parsed = v.safeParse(RetentionSchema, content);
  return parsed.success ? parsed.output.max_lifetime : null;
}

export function retentionContent(maxLifetimeMs: number | null): { max_lifetime?: number } {
  return maxLifetimeMs === null ? {} : v.parse(RetentionSchema, { max_lifetime: maxLifetimeMs });
}
