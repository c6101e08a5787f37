// Every consultation event type, its one schema and its one validator. All of these travel as
// encrypted room events; whatever arrives (hostile, broken, oversized) becomes either a typed
// value or `malformed`, never an exception.
import * as v from 'valibot';
import { EncryptedFileSchema } from '../matrix/media.ts';

export const ConsultationEvent = {
  definition: 'org.parley.consultation.definition',
  phase: 'org.parley.consultation.phase',
  statement: 'org.parley.consultation.statement',
  vote: 'org.parley.consultation.vote',
  rating: 'org.parley.consultation.rating',
  profile: 'org.parley.consultation.profile',
  tag: 'org.parley.consultation.tag',
  recommendation: 'org.parley.consultation.recommendation',
  endorsement: 'org.parley.consultation.endorsement',
  brief: 'org.parley.consultation.brief'
} as const;

/** Keys carried by threaded m.room.message events, so other clients still show plain threaded text. */
export const QUESTION_KEY = 'org.parley.question';
export const ANSWER_KEY = 'org.parley.answer';

/** No consultation event may be larger than this once serialised (Matrix caps events at 64 KiB). */
export const MAX_EVENT_CHARS = 60_000;
export const MAX_STATEMENT_CHARS = 400;
export const MAX_ANSWER_CHARS = 4_000;
export const MAX_TEXT_CHARS = 8_000;
export const MAX_QUESTIONS = 30;

export const PHASES = ['draft', 'open', 'synthesis', 'endorsement', 'delivered', 'archived'] as const;
export type Phase = (typeof PHASES)[number];
export const QUESTION_KINDS = ['open', 'statements', 'scale'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const VOTE_VALUES = ['agree', 'disagree', 'pass'] as const;
export const STANCES = ['endorse', 'reservations', 'object'] as const;
export type Stance = (typeof STANCES)[number];
export const MIN_K = 3;
export const DEFAULT_K = 5;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(255));
const shortText = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const language = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));
const timestamp = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000_000));
const label = v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), label: shortText(80) });
/** Whether no value repeats: the views key these lists by them, and Svelte throws on a duplicate key. */
const distinct = (values: unknown[]) => new Set(values).size === values.length;
/** A set of strings: a repeated one is dropped. */
const dropRepeats = v.transform((items: string[]) => [...new Set(items)]);

const QuestionSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  kind: v.picklist(QUESTION_KINDS),
  text: shortText(1_000)
});

export const DefinitionSchema = v.object({
  consultation: id,
  title: shortText(200),
  /** Background text by language code; the first is the original. */
  background: v.pipe(
    v.array(v.object({ language, text: v.pipe(v.string(), v.maxLength(MAX_TEXT_CHARS)) })),
    v.maxLength(12),
    v.check((items) => distinct(items.map((b) => b.language)), 'a language appears twice')
  ),
  questions: v.pipe(
    v.array(QuestionSchema),
    v.minLength(1),
    v.maxLength(MAX_QUESTIONS),
    v.check((items) => distinct(items.map((q) => q.id)), 'a question id appears twice')
  ),
  opensAt: v.nullable(timestamp),
  closesAt: v.nullable(timestamp),
  k: v.pipe(v.number(), v.integer(), v.minValue(MIN_K), v.maxValue(1_000)),
  constituencies: v.pipe(v.array(label), v.maxLength(20), v.check((items) => distinct(items.map((l) => l.id)), 'an id appears twice')),
  ageBands: v.pipe(v.array(label), v.maxLength(10), v.check((items) => distinct(items.map((l) => l.id)), 'an id appears twice')),
  consent: v.pipe(v.string(), v.maxLength(MAX_TEXT_CHARS))
});
export type Definition = v.InferOutput<typeof DefinitionSchema>;
export type Question = v.InferOutput<typeof QuestionSchema>;

const PhaseSchema = v.object({ consultation: id, phase: v.picklist(PHASES) });
const StatementSchema = v.object({ consultation: id, question: id, text: shortText(MAX_STATEMENT_CHARS) });
const VoteSchema = v.object({ consultation: id, statement: id, value: v.picklist(VOTE_VALUES) });
const RatingSchema = v.object({ consultation: id, question: id, value: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)) });
const ProfileSchema = v.object({ consultation: id, constituency: v.nullable(id), ageBand: v.nullable(id) });
const TagSchema = v.object({
  consultation: id,
  answer: id,
  tags: v.pipe(v.array(shortText(40)), v.maxLength(10), dropRepeats)
});
const RecommendationSchema = v.object({
  consultation: id,
  recommendation: id,
  revision: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)),
  text: shortText(MAX_TEXT_CHARS),
  supports: v.object({
    statements: v.pipe(v.array(id), v.maxLength(200), dropRepeats),
    answers: v.pipe(v.array(id), v.maxLength(200), dropRepeats)
  })
});
const EndorsementSchema = v.pipe(
  v.object({
    consultation: id,
    recommendation: id,
    revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
    stance: v.picklist(STANCES),
    reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2_000)))
  }),
  v.check((e) => e.stance !== 'object' || (e.reason ?? '').length > 0, 'an objection needs a reason')
);

const BriefEventSchema = v.object({
  consultation: id,
  title: shortText(200),
  digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  document: EncryptedFileSchema
});

const QuestionRootSchema = v.object({ consultation: id, question: id });
const AnswerSchema = v.object({ consultation: id, question: id, quotable: v.optional(v.boolean(), false) });
const ThreadRelationSchema = v.object({ rel_type: v.literal('m.thread'), event_id: id });
const MessageSchema = v.object({ msgtype: v.string(), body: v.string(), 'm.relates_to': v.optional(v.unknown()) });

export type ConsultationContent =
  | { type: 'definition'; content: Definition }
  | { type: 'phase'; content: v.InferOutput<typeof PhaseSchema> }
  | { type: 'statement'; content: v.InferOutput<typeof StatementSchema> }
  | { type: 'vote'; content: v.InferOutput<typeof VoteSchema> }
  | { type: 'rating'; content: v.InferOutput<typeof RatingSchema> }
  | { type: 'profile'; content: v.InferOutput<typeof ProfileSchema> }
  | { type: 'tag'; content: v.InferOutput<typeof TagSchema> }
  | { type: 'recommendation'; content: v.InferOutput<typeof RecommendationSchema> }
  | { type: 'endorsement'; content: v.InferOutput<typeof EndorsementSchema> }
  | { type: 'brief'; content: v.InferOutput<typeof BriefEventSchema> }
  | { type: 'question'; content: v.InferOutput<typeof QuestionRootSchema> & { text: string } }
  | { type: 'answer'; content: v.InferOutput<typeof AnswerSchema> & { text: string; thread: string } };

export type ParsedConsultationEvent = ConsultationContent | { type: 'malformed'; consultation: string | null };

const SCHEMAS = {
  definition: DefinitionSchema,
  phase: PhaseSchema,
  statement: StatementSchema,
  vote: VoteSchema,
  rating: RatingSchema,
  profile: ProfileSchema,
  tag: TagSchema,
  recommendation: RecommendationSchema,
  endorsement: EndorsementSchema,
  brief: BriefEventSchema
} as const;
type SchemaName = keyof typeof SCHEMAS;

const TYPE_NAMES = new Map<string, SchemaName>(
  (Object.entries(ConsultationEvent) as [SchemaName, string][]).map(([name, type]) => [type, name])
);

function serialisedLength(content: unknown): number {
  try {
    return JSON.stringify(content)?.length ?? 0;
  } catch {
    return Infinity;
  }
}

function consultationOf(content: unknown): string | null {
  if (typeof content !== 'object' || content === null) return null;
  const value = (content as Record<string, unknown>).consultation;
  return typeof value === 'string' && value.length > 0 && value.length <= 255 ? value : null;
}

function isThreadedConsultationMessage(content: unknown): boolean {
  return typeof content === 'object' && content !== null && (QUESTION_KEY in content || ANSWER_KEY in content);
}

function parseThreaded(content: unknown): ParsedConsultationEvent | null {
  if (typeof content !== 'object' || content === null) return null;
  const record = content as Record<string, unknown>;
  const isQuestion = QUESTION_KEY in record;
  const isAnswer = ANSWER_KEY in record;
  if (!isQuestion && !isAnswer) return null;
  const marker = consultationOf(record[isQuestion ? QUESTION_KEY : ANSWER_KEY]);
  const message = v.safeParse(MessageSchema, content);
  if (!message.success || message.output.body.trim().length === 0) return { type: 'malformed', consultation: marker };
  if (isQuestion) {
    const root = v.safeParse(QuestionRootSchema, record[QUESTION_KEY]);
    if (!root.success) return { type: 'malformed', consultation: marker };
    return { type: 'question', content: { ...root.output, text: message.output.body.trim() } };
  }
  const answer = v.safeParse(AnswerSchema, record[ANSWER_KEY]);
  const thread = v.safeParse(ThreadRelationSchema, message.output['m.relates_to']);
  if (!answer.success || !thread.success || message.output.body.length > MAX_ANSWER_CHARS) {
    return { type: 'malformed', consultation: marker };
  }
  return { type: 'answer', content: { ...answer.output, text: message.output.body.trim(), thread: thread.output.event_id } };
}

/**
 * Parses one decrypted event. Returns null for events that are not part of any consultation,
 * `malformed` (with the consultation it claims, when readable) for those that fail validation.
 */
export function parseConsultationEvent(type: unknown, content: unknown): ParsedConsultationEvent | null {
  if (typeof type !== 'string') return null;
  if (serialisedLength(content) > MAX_EVENT_CHARS) {
    const claimsConsultation = TYPE_NAMES.has(type) || (type === 'm.room.message' && isThreadedConsultationMessage(content));
    return claimsConsultation ? { type: 'malformed', consultation: consultationOf(content) } : null;
  }
  if (type === 'm.room.message') return parseThreaded(content);
  const name = TYPE_NAMES.get(type);
  if (!name) return null;
  const parsed = v.safeParse(SCHEMAS[name], content);
  if (!parsed.success) return { type: 'malformed', consultation: consultationOf(content) };
  return { type: name, content: parsed.output } as ConsultationContent;
}

// --- Builders: what Parley sends. Each is checked against its own schema before it leaves.

export function definitionContent(definition: Definition): Definition {
  return v.parse(DefinitionSchema, definition);
}

export function questionMessage(consultation: string, question: Question): Record<string, unknown> {
  return { msgtype: 'm.text', body: question.text, [QUESTION_KEY]: { consultation, question: question.id } };
}

export function answerMessage(consultation: string, question: string, threadRoot: string, text: string, quotable: boolean) {
  return {
    msgtype: 'm.text',
    body: text.trim(),
    'm.relates_to': { rel_type: 'm.thread', event_id: threadRoot, is_falling_back: true, 'm.in_reply_to': { event_id: threadRoot } },
    [ANSWER_KEY]: { consultation, question, quotable }
  };
}

/** The content of a non-threaded consultation event, validated against its schema. */
export function consultationContent<N extends SchemaName>(name: N, content: v.InferInput<(typeof SCHEMAS)[N]>) {
  return v.parse(SCHEMAS[name], content) as v.InferOutput<(typeof SCHEMAS)[N]>;
}
