// Folds a dialogue's decrypted events, in timeline order, into the state of each consultation.
// Authority is checked here, not trusted from content: only a facilitator may define, change
// phase, post questions, tag or draft; contributions count only from consenting participants
// while the consultation is open. Everything refused is counted, so the view can say so.
import { parseConsultationEvent, type Definition, type Phase, type QuestionKind, type Stance } from './events.ts';
import type { VoteValue } from './opinion-groups.ts';

export type DialogueRoomRole = 'plenary' | 'moderators';

/** Events only a facilitator may send. */
export const FACILITATOR_EVENT_KINDS = ['definition', 'phase', 'question', 'tag', 'recommendation', 'brief'] as const;
export type FacilitatorEventKind = (typeof FACILITATOR_EVENT_KINDS)[number];

/** One decrypted event as the fold needs it. */
export interface Envelope {
  id: string;
  room: DialogueRoomRole;
  sender: string;
  ts: number;
  type: string;
  content: unknown;
}

/** Who may do what, answered from room membership, power levels and consent. */
export interface Authority {
  isFacilitator(sender: string, room: DialogueRoomRole): boolean;
  /** A joined member of the plenary who may post (not an observer) and has accepted the ground rules. */
  isParticipant(sender: string): boolean;
}

export interface QuestionState {
  id: string;
  kind: QuestionKind;
  text: string;
  /** The event that starts this question's thread, once posted. */
  thread: string | null;
}

export interface Answer {
  id: string;
  question: string;
  sender: string;
  text: string;
  quotable: boolean;
  ts: number;
}

export interface Statement {
  id: string;
  question: string;
  sender: string;
  text: string;
  ts: number;
}

export interface RecommendationRevision {
  revision: number;
  text: string;
  supports: { statements: string[]; answers: string[] };
  ts: number;
}

export interface Endorsement {
  revision: number;
  stance: Stance;
  reason: string;
}

export interface IgnoredCounts {
  malformed: number;
  notAuthorised: number;
  /** Contributions before opening, after closing, or outside the phase that takes them. */
  outsidePhase: number;
  /** From someone who is not a consenting participant (non-member, observer, no consent). */
  notParticipant: number;
  /** Referring to a question, statement or recommendation that does not exist. */
  unknownTarget: number;
}

export interface ConsultationState {
  id: string;
  definition: Definition;
  facilitator: string;
  phase: Phase;
  openedAt: number | null;
  questions: QuestionState[];
  answers: Answer[];
  /** Answer id → tags, latest tagging wins. */
  tags: Map<string, string[]>;
  statements: Statement[];
  /** Statement id → participant → latest vote. */
  votes: Map<string, Map<string, VoteValue>>;
  /** Question id → participant → latest rating (1–5). */
  ratings: Map<string, Map<string, number>>;
  profiles: Map<string, { constituency: string | null; ageBand: string | null }>;
  /** Recommendation id → revisions, oldest first. */
  recommendations: Map<string, RecommendationRevision[]>;
  /** Recommendation id → participant → latest endorsement. */
  endorsements: Map<string, Map<string, Endorsement>>;
  ignored: IgnoredCounts;
  /** Facilitator-only events sent by someone else: shown as "not authorised". */
  unauthorised: { type: FacilitatorEventKind; sender: string; ts: number }[];
}

function emptyCounts(): IgnoredCounts {
  return { malformed: 0, notAuthorised: 0, outsidePhase: 0, notParticipant: 0, unknownTarget: 0 };
}

function newConsultation(definition: Definition, facilitator: string, phase: Phase, ts: number): ConsultationState {
  return {
    id: definition.consultation,
    definition,
    facilitator,
    phase,
    openedAt: phase === 'open' ? ts : null,
    questions: definition.questions.map((q) => ({ ...q, thread: null })),
    answers: [],
    tags: new Map(),
    statements: [],
    votes: new Map(),
    ratings: new Map(),
    profiles: new Map(),
    recommendations: new Map(),
    endorsements: new Map(),
    ignored: emptyCounts(),
    unauthorised: []
  };
}

function isAcceptingContributions(state: ConsultationState, ts: number): boolean {
  if (state.phase !== 'open') return false;
  const { opensAt, closesAt } = state.definition;
  return (opensAt === null || ts >= opensAt) && (closesAt === null || ts <= closesAt);
}

/** Folds events (in timeline order) into consultations by id. Events of unknown consultations are counted under `orphans`. */
export function foldConsultations(
  envelopes: Iterable<Envelope>,
  authority: Authority
): { consultations: Map<string, ConsultationState>; orphans: IgnoredCounts } {
  const consultations = new Map<string, ConsultationState>();
  const orphans = emptyCounts();
  const statementOwner = new Map<string, ConsultationState>();

  for (const envelope of envelopes) {
    const parsed = parseConsultationEvent(envelope.type, envelope.content);
    if (!parsed) continue;
    const claimed = parsed.type === 'malformed' ? parsed.consultation : parsed.content.consultation;
    const existing = claimed ? consultations.get(claimed) : undefined;
    const counts = existing?.ignored ?? orphans;
    if (parsed.type === 'malformed') {
      counts.malformed++;
      continue;
    }
    const facilitator = authority.isFacilitator(envelope.sender, envelope.room);

    if (parsed.type === 'definition') {
      if (!facilitator) {
        counts.notAuthorised++;
        existing?.unauthorised.push({ type: parsed.type, sender: envelope.sender, ts: envelope.ts });
        continue;
      }
      const postedToPlenary = envelope.room === 'plenary';
      if (!existing) {
        consultations.set(parsed.content.consultation, newConsultation(parsed.content, envelope.sender, postedToPlenary ? 'open' : 'draft', envelope.ts));
      } else if (existing.phase !== 'draft' && !postedToPlenary) {
        // Once open, only what participants also see may change it: a revision kept among
        // moderators would make the facilitator's figures differ from everyone else's.
        existing.ignored.outsidePhase++;
      } else {
        // A later definition revises the draft; once open, questions keep their threads.
        const threads = new Map(existing.questions.map((q) => [q.id, q.thread]));
        existing.definition = parsed.content;
        existing.questions = parsed.content.questions.map((q) => ({ ...q, thread: threads.get(q.id) ?? null }));
        if (postedToPlenary && existing.phase === 'draft') {
          existing.phase = 'open';
          existing.openedAt = envelope.ts;
        }
      }
      continue;
    }

    if (!existing) {
      orphans.unknownTarget++;
      continue;
    }
    const state = existing;

    switch (parsed.type) {
      case 'phase':
      case 'question':
      case 'tag':
      case 'recommendation': {
        if (!facilitator) {
          state.ignored.notAuthorised++;
          state.unauthorised.push({ type: parsed.type, sender: envelope.sender, ts: envelope.ts });
          break;
        }
        if (parsed.type === 'phase') {
          if (envelope.room !== 'plenary' || parsed.content.phase === 'draft') {
            state.ignored.outsidePhase++;
            break;
          }
          state.phase = parsed.content.phase;
          if (state.phase === 'open' && state.openedAt === null) state.openedAt = envelope.ts;
        } else if (parsed.type === 'question') {
          const question = state.questions.find((q) => q.id === parsed.content.question);
          if (!question) state.ignored.unknownTarget++;
          else if (envelope.room === 'plenary' && question.thread === null) question.thread = envelope.id;
        } else if (parsed.type === 'tag') {
          if (!state.answers.some((a) => a.id === parsed.content.answer)) state.ignored.unknownTarget++;
          else state.tags.set(parsed.content.answer, parsed.content.tags);
        } else {
          const { recommendation, revision, text, supports } = parsed.content;
          const revisions = state.recommendations.get(recommendation) ?? [];
          const latest = revisions[revisions.length - 1];
          // Releasing a draft to the plenary repeats its latest revision: the same, not a conflict.
          if (latest && revision === latest.revision && text === latest.text) break;
          if (latest && revision <= latest.revision) {
            state.ignored.outsidePhase++;
            break;
          }
          revisions.push({ revision, text, supports, ts: envelope.ts });
          state.recommendations.set(recommendation, revisions);
        }
        break;
      }
      case 'brief':
        // Briefs belong to the negotiators' room; one in a participants' room is refused.
        state.ignored.notAuthorised++;
        state.unauthorised.push({ type: parsed.type, sender: envelope.sender, ts: envelope.ts });
        break;
      case 'endorsement': {
        if (!authority.isParticipant(envelope.sender) || envelope.room !== 'plenary') {
          state.ignored.notParticipant++;
          break;
        }
        if (state.phase !== 'endorsement') {
          state.ignored.outsidePhase++;
          break;
        }
        const revisions = state.recommendations.get(parsed.content.recommendation);
        if (!revisions || !revisions.some((r) => r.revision === parsed.content.revision)) {
          state.ignored.unknownTarget++;
          break;
        }
        const byParticipant = state.endorsements.get(parsed.content.recommendation) ?? new Map<string, Endorsement>();
        byParticipant.set(envelope.sender, { revision: parsed.content.revision, stance: parsed.content.stance, reason: parsed.content.reason ?? '' });
        state.endorsements.set(parsed.content.recommendation, byParticipant);
        break;
      }
      default: {
        // Contributions: answers, statements, votes, ratings, profiles.
        if (envelope.room !== 'plenary' || !authority.isParticipant(envelope.sender)) {
          state.ignored.notParticipant++;
          break;
        }
        if (!isAcceptingContributions(state, envelope.ts)) {
          state.ignored.outsidePhase++;
          break;
        }
        contribute(state, parsed, envelope, statementOwner);
      }
    }
  }
  return { consultations, orphans };
}

type Contribution = Extract<ReturnType<typeof parseConsultationEvent>, { type: 'answer' | 'statement' | 'vote' | 'rating' | 'profile' }>;

function contribute(state: ConsultationState, parsed: Contribution, envelope: Envelope, statementOwner: Map<string, ConsultationState>): void {
  switch (parsed.type) {
    case 'answer': {
      const question = state.questions.find((q) => q.id === parsed.content.question);
      if (!question || question.kind !== 'open' || question.thread !== parsed.content.thread) {
        state.ignored.unknownTarget++;
        return;
      }
      state.answers.push({ id: envelope.id, question: question.id, sender: envelope.sender, text: parsed.content.text, quotable: parsed.content.quotable, ts: envelope.ts });
      return;
    }
    case 'statement': {
      const question = state.questions.find((q) => q.id === parsed.content.question);
      if (!question || question.kind !== 'statements') {
        state.ignored.unknownTarget++;
        return;
      }
      state.statements.push({ id: envelope.id, question: question.id, sender: envelope.sender, text: parsed.content.text, ts: envelope.ts });
      statementOwner.set(envelope.id, state);
      return;
    }
    case 'vote': {
      if (statementOwner.get(parsed.content.statement) !== state) {
        state.ignored.unknownTarget++;
        return;
      }
      const byParticipant = state.votes.get(parsed.content.statement) ?? new Map<string, VoteValue>();
      byParticipant.set(envelope.sender, parsed.content.value);
      state.votes.set(parsed.content.statement, byParticipant);
      return;
    }
    case 'rating': {
      const question = state.questions.find((q) => q.id === parsed.content.question);
      if (!question || question.kind !== 'scale') {
        state.ignored.unknownTarget++;
        return;
      }
      const byParticipant = state.ratings.get(question.id) ?? new Map<string, number>();
      byParticipant.set(envelope.sender, parsed.content.value);
      state.ratings.set(question.id, byParticipant);
      return;
    }
    case 'profile': {
      const { constituency, ageBand } = parsed.content;
      const known = (list: { id: string }[], value: string | null) => value === null || list.some((item) => item.id === value);
      if (!known(state.definition.constituencies, constituency) || !known(state.definition.ageBands, ageBand)) {
        state.ignored.unknownTarget++;
        return;
      }
      state.profiles.set(envelope.sender, { constituency, ageBand });
    }
  }
}

/** Total of every ignored event, for the "N events were ignored" notice. */
export function ignoredTotal(counts: IgnoredCounts): number {
  return counts.malformed + counts.notAuthorised + counts.outsidePhase + counts.notParticipant + counts.unknownTarget;
}

/** The current revision of each recommendation, in order of first drafting. */
export function currentRecommendations(state: ConsultationState): ({ id: string } & RecommendationRevision)[] {
  return [...state.recommendations.entries()].map(([id, revisions]) => ({ id, ...revisions[revisions.length - 1] }));
}

/** Every vote as a flat list, for the opinion-group math. */
export function voteList(state: ConsultationState): { participant: string; statement: string; value: VoteValue }[] {
  const out: { participant: string; statement: string; value: VoteValue }[] = [];
  for (const [statement, byParticipant] of state.votes) {
    for (const [participant, value] of byParticipant) out.push({ participant, statement, value });
  }
  return out;
}

/** Everyone who contributed anything counted. */
export function contributors(state: ConsultationState): string[] {
  const people = new Set<string>();
  for (const a of state.answers) people.add(a.sender);
  for (const s of state.statements) people.add(s.sender);
  for (const byParticipant of [...state.votes.values(), ...state.ratings.values(), ...state.endorsements.values()]) {
    for (const participant of byParticipant.keys()) people.add(participant);
  }
  return [...people];
}

/** "You have voted on 12 of 30 statements." Own statements count as seen but not voted. */
export function votingProgress(state: ConsultationState, me: string): { voted: number; total: number } {
  const others = state.statements.filter((s) => s.sender !== me);
  return { voted: others.filter((s) => state.votes.get(s.id)?.has(me)).length, total: others.length };
}
