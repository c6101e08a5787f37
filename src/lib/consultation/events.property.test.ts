// Hostile content against every consultation validator (each event type, threaded questions and
// answers, the brief document) and the renderers fed by them: the state fold, the synthesis
// figures and the brief's Markdown, CSV and JSON exports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ENCRYPTED_FILE } from '../matrix/media.fixture.ts';
import {
  check,
  everyFieldWrong,
  hostileContent,
  hostileString,
  hostileValue,
  isBoundedString,
  jsonOf,
  longString,
  mutated,
  nearString
} from '../testing/hostile-arbitraries.ts';
import {
  briefToCsv,
  briefToJson,
  briefToMarkdown,
  parseBriefDocument,
  verifyBriefDocument,
  type BriefDocument,
  type BriefLabels
} from './brief.ts';
import {
  answerMessage,
  ConsultationEvent,
  consultationContent,
  MAX_ANSWER_CHARS,
  parseConsultationEvent,
  questionMessage,
  type Definition
} from './events.ts';
import { endorsementCounts, participationOf, searchAnswers, tallyByConstituency } from './synthesis.ts';
import { contributors, currentRecommendations, foldConsultations, ignoredTotal, voteList, votingProgress, type Envelope } from './state.ts';

const MSG = 'm.room.message';
const C = 'c1';

const DEFINITION: Definition = {
  consultation: C,
  title: 'Water access',
  background: [{ language: 'en', text: 'Background' }, { language: 'ru', text: 'Контекст' }],
  questions: [
    { id: 'q1', kind: 'open', text: 'What matters?' },
    { id: 'q2', kind: 'statements', text: 'Which statements?' },
    { id: 'q3', kind: 'scale', text: 'How safe?' }
  ],
  opensAt: null,
  closesAt: 2_000_000_000_000,
  k: 3,
  constituencies: [{ id: 'north', label: 'North' }, { id: 'south', label: 'South' }],
  ageBands: [{ id: 'a1', label: '18–29' }],
  consent: 'I agree'
};

/** A valid example of each non-threaded event, by its name in ConsultationEvent. */
const EXAMPLES = {
  definition: DEFINITION,
  phase: { consultation: C, phase: 'endorsement' },
  statement: { consultation: C, question: 'q2', text: 'Wells first' },
  vote: { consultation: C, statement: '$s1', value: 'agree' },
  rating: { consultation: C, question: 'q3', value: 4 },
  profile: { consultation: C, constituency: 'north', ageBand: null },
  tag: { consultation: C, answer: '$a1', tags: ['water', 'safety'] },
  recommendation: { consultation: C, recommendation: 'r1', revision: 1, text: 'Open the wells', supports: { statements: ['$s1'], answers: ['$a1'] } },
  endorsement: { consultation: C, recommendation: 'r1', revision: 1, stance: 'object', reason: 'Too slow' },
  brief: { consultation: C, title: 'Brief', digest: 'a'.repeat(64), document: EXAMPLE_ENCRYPTED_FILE }
} as const;
type Name = keyof typeof EXAMPLES;
const NAMES = Object.keys(EXAMPLES) as Name[];

const QUESTION = questionMessage(C, DEFINITION.questions[0]);
const ANSWER = answerMessage(C, 'q1', '$root', 'Clean water', true);

/** One event: a type near a consultation one, and content near that type's valid example. */
const event = fc.oneof(
  fc.constantFrom(...NAMES).chain((name) => fc.tuple(fc.constant<string>(ConsultationEvent[name]), hostileContent(EXAMPLES[name]))),
  fc.tuple(fc.constant(MSG), fc.oneof(hostileContent(QUESTION), hostileContent(ANSWER))),
  fc.tuple(nearString([...Object.values(ConsultationEvent), MSG]), hostileValue)
);

/** What the views key their lists by must be unique (Svelte throws on a duplicate key). */
function expectUnique(values: readonly unknown[]): void {
  expect(new Set(values).size).toBe(values.length);
}

describe('parseConsultationEvent', () => {
  it('returns null, malformed, or content that is valid content of its type again', () => {
    check(event, ([type, content]) => {
      const parsed = parseConsultationEvent(type, content);
      if (parsed === null) return;
      if (parsed.type === 'malformed') {
        expect(parsed.consultation === null || isBoundedString(parsed.consultation, 255, 1)).toBe(true);
        return;
      }
      expect(isBoundedString(parsed.content.consultation, 255, 1)).toBe(true);
      if (parsed.type === 'question') {
        expect(parsed.content.text.trim().length).toBeGreaterThan(0);
      } else if (parsed.type === 'answer') {
        expect(isBoundedString(parsed.content.text, MAX_ANSWER_CHARS, 1) && isBoundedString(parsed.content.thread, 255, 1)).toBe(true);
        expect(typeof parsed.content.quotable).toBe('boolean');
      } else {
        expect(consultationContent(parsed.type, parsed.content as never)).toEqual(parsed.content);
      }
    });
  });

  it('keeps unique what the views key by: questions, labels, background languages, tags and supports', () => {
    const withRepeats = <T,>(items: readonly T[]) => fc.array(fc.constantFrom(...items), { minLength: 1, maxLength: 6 });
    const content = fc.oneof(
      fc
        .constantFrom('questions', 'constituencies', 'ageBands', 'background' as const)
        .chain((key) => withRepeats<unknown>(DEFINITION[key]).map((list) => ['definition', { ...DEFINITION, [key]: list }] as const)),
      withRepeats(['water', 'safety', ' water ']).map((tags) => ['tag', { ...EXAMPLES.tag, tags }] as const),
      fc.tuple(withRepeats(['$s1', '$s2']), withRepeats(['$a1'])).map(([statements, answers]) => ['recommendation', { ...EXAMPLES.recommendation, supports: { statements, answers } }] as const)
    );
    check(content, ([name, value]) => {
      const parsed = parseConsultationEvent(ConsultationEvent[name], value);
      if (parsed?.type === 'definition') {
        const d = parsed.content;
        for (const list of [d.questions.map((q) => q.id), d.constituencies.map((c) => c.id), d.ageBands.map((a) => a.id), d.background.map((b) => b.language)]) expectUnique(list);
      } else if (parsed?.type === 'tag') {
        expectUnique(parsed.content.tags);
      } else if (parsed?.type === 'recommendation') {
        expectUnique(parsed.content.supports.statements);
        expectUnique(parsed.content.supports.answers);
      }
    });
  });

  it('calls content whose every field has the wrong type malformed', () => {
    const wrong = fc.constantFrom(...NAMES).chain((name) => fc.tuple(fc.constant(name), everyFieldWrong(EXAMPLES[name])));
    check(wrong, ([name, content]) => {
      expect(parseConsultationEvent(ConsultationEvent[name], content)?.type).toBe('malformed');
    });
  });

  it('calls an oversized event malformed, with the consultation it claims', () => {
    check(fc.tuple(fc.constantFrom(...NAMES), longString), ([name, text]) => {
      expect(parseConsultationEvent(ConsultationEvent[name], { ...EXAMPLES[name], text })).toEqual({ type: 'malformed', consultation: C });
    }, 30);
  });
});

describe('foldConsultations and the synthesis figures', () => {
  const people = ['@fac:x', '@ana:x', '@ben:x', '@eve:x'];
  const authority = { isFacilitator: (sender: string) => sender === '@fac:x', isParticipant: (sender: string) => sender !== '@eve:x' };
  const opening: Envelope = { id: '$def', room: 'plenary', sender: '@fac:x', ts: 1, type: ConsultationEvent.definition, content: DEFINITION };
  const envelopes = fc.array(
    fc.tuple(event, fc.constantFrom(...people), fc.constantFrom<Envelope['room']>('plenary', 'moderators'), fc.integer({ min: 0, max: 3e12 })),
    { maxLength: 25 }
  ).map((list) => [opening, ...list.map(([[type, content], sender, room, ts], i): Envelope => ({ id: `$e${i}`, room, sender, ts, type, content }))]);

  it('folds any events without throwing into consistent states', () => {
    check(fc.tuple(envelopes, hostileString), ([list, query]) => {
      const { consultations, orphans } = foldConsultations(list, authority);
      expect(ignoredTotal(orphans)).toBeGreaterThanOrEqual(0);
      for (const state of consultations.values()) {
        const questionIds = new Set(state.questions.map((q) => q.id));
        for (const answer of state.answers) expect(questionIds.has(answer.question)).toBe(true);
        for (const statement of state.statements) expect(questionIds.has(statement.question)).toBe(true);
        for (const { statement } of voteList(state)) expect(state.statements.some((s) => s.id === statement)).toBe(true);
        expectUnique(state.questions.map((q) => q.id));
        expectUnique(currentRecommendations(state).map((r) => r.id));
        for (const tags of state.tags.values()) expectUnique(tags);
        const { participants, voters } = participationOf(state);
        for (const figure of [participants, voters]) expect(figure === null || figure >= state.definition.k).toBe(true);
        expect(contributors(state).length).toBeGreaterThanOrEqual(0);
        for (const statement of state.statements) tallyByConstituency(state, statement.id);
        for (const recommendation of state.recommendations.keys()) endorsementCounts(state, recommendation);
        for (const question of state.questions) searchAnswers(state, question.id, query);
        votingProgress(state, '@ana:x');
      }
    });
  });
});

describe('brief documents', () => {
  const counts = { endorse: 3, reservations: 1, object: 0, responses: 4 };
  const DOC = {
    brief: {
      format: 'org.parley.brief.v1',
      consultation: { id: C, title: 'Water', languages: ['en'], k: 3, closedAt: null, publishedAt: 5 },
      recommendations: [{ id: 'r1', revision: 1, text: 'Open the wells', supportingStatements: ['Wells first'], support: { overall: counts, groups: [{ group: 0, counts }], constituencies: [{ label: 'North', counts: null }] } }],
      groups: [{ group: 0, size: 4 }],
      bridges: [{ text: 'Wells first', consensus: 0.5, agree: 3, disagree: 1, pass: 0, total: 4 }],
      quotes: [{ question: 'What matters?', text: 'Clean water' }],
      participation: { participants: 4, voters: 4, votes: 4, statements: 1, answers: null, constituencies: [{ label: 'North', count: null }], ageBands: [] },
      reach: 'Four people in one valley.',
      digest: 'b'.repeat(64)
    },
    inputs: {
      format: 'org.parley.brief-inputs.v1',
      consultation: C,
      k: 3,
      statements: [{ id: '$s1', text: 'Wells first' }],
      participants: [{ constituency: null }, { constituency: null }],
      votes: [[0, 0, 'agree'], [1, 0, 'disagree']],
      recommendations: [{ id: 'r1', revision: 1, text: 'Open the wells' }],
      endorsements: [[0, 'r1', 'endorse']]
    }
  };
  const LABELS = new Proxy({} as BriefLabels, { get: (_target, word) => (word === 'group' ? (n: number) => `Group ${n}` : String(word)) });
  /** Whitespace runs: a quadratic pattern in the exports took seconds on these. */
  const spacious = fc.constantFrom(' ', '\t', '\u00A0', ' \n ').map((unit) => unit.repeat(20_000));
  const document = fc.oneof(
    mutated(DOC),
    spacious.map((text) => ({ ...DOC, brief: { ...DOC.brief, reach: text, quotes: [{ question: text, text }] } })),
    fc.array(fc.constant(DOC.brief.recommendations[0]), { minLength: 1, maxLength: 3 }).map((recommendations) => ({ ...DOC, brief: { ...DOC.brief, recommendations } })),
    fc.constant<unknown>(DOC)
  );

  it('parses any document, or its JSON text, to null or a document every export can render', async () => {
    const checks: Promise<boolean>[] = [];
    check(fc.tuple(document, fc.boolean()), ([value, asText]) => {
      const doc: BriefDocument | null = parseBriefDocument(asText ? jsonOf(value) : value);
      if (doc === null) return;
      expectUnique(doc.brief.recommendations.map((r) => r.id));
      expect(typeof briefToMarkdown(doc.brief, LABELS)).toBe('string');
      expect(typeof briefToCsv(doc.brief, LABELS)).toBe('string');
      expect(parseBriefDocument(briefToJson(doc))).toEqual(doc);
      checks.push(verifyBriefDocument(doc));
    }, 150);
    for (const verified of await Promise.all(checks)) expect(typeof verified).toBe('boolean');
  }, 30_000);
});
