// Incoming room-message content, validated before anything renders it. Whatever a hostile or
// broken client puts in an event ends up as one of these shapes, never as an exception.
import * as v from 'valibot';

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

export type TextMsgtype = 'm.text' | 'm.notice' | 'm.emote';
const TEXT_MSGTYPES: readonly string[] = ['m.text', 'm.notice', 'm.emote'];
const FILE_MSGTYPES: readonly string[] = ['m.image', 'm.file', 'm.audio', 'm.video'];

export type MessageView =
  | { kind: 'text'; msgtype: TextMsgtype; body: string; html: string | null; replyTo: string | null }
  | { kind: 'file'; msgtype: string; name: string; replyTo: string | null }
  | { kind: 'redacted' }
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

export function parseMessage(type: string, content: unknown, flags: { redacted?: boolean; undecryptable?: boolean } = {}): MessageView {
  if (flags.redacted) return { kind: 'redacted' };
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
    return { kind: 'file', msgtype: message.msgtype, name: message.body.slice(0, 256), replyTo };
  }
  return { kind: 'unsupported', type: message.msgtype.slice(0, 100) };
}

/** A one-line preview of a message, for reply quotes and the room list. */
export function previewText(view: MessageView, maxChars = 120): string | null {
  if (view.kind === 'text') return view.body.replace(/\s+/g, ' ').trim().slice(0, maxChars);
  if (view.kind === 'file') return view.name.slice(0, maxChars);
  return null;
}
