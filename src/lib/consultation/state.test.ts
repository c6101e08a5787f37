import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsultationEvent, answerMessage, questionMessage, type Definition } from './events.ts';
import type { VoteValue } from './opinion-groups.ts';
import {
  contributors,
  currentRecommendations,
  foldConsultations,
  ignoredTotal,
  voteList,
  votingProgress,
  type Authority,
  type ConsultationState,
  type DialogueRoomRole,
  type Envelope,
  type IgnoredCounts
} from './state.ts';

const FAC = '@fac:example.org';
const ANA = '@ana:example.org';
const BEN = '@ben:example.org';
const CAI = '@cai:example.org';
const DEE = '@dee:example.org';
/** Joined but not a consenting participant. */
const EVE = '@eve:example.org';
const PARTICIPANTS = new Set([ANA, BEN, CAI, DEE]);

const authority: Authority = {
  isFacilitator: (sender) => sender === FAC,
  isParticipant: (sender) => PARTICIPANTS.has(sender)
};

const NONE: IgnoredCounts = { malformed: 0, notAuthorised: 0, outsidePhase: 0, notParticipant: 0, unknownTarget: 0 };

function definition(overrides: Partial<Definition> = {}): Definition {
  return {
    consultation: 'c1',
    title: 'Water access in the valley',
    background: [],
    questions: [
      { id: 'q1', kind: 'open', text: 'What matters most to you?' },
      { id: 'q2', kind: 'statements', text: 'Which statements do you agree with?' },
      { id: 'q3', kind: 'scale', text: 'How safe do you feel at the wells?' }
    ],
    opensAt: null,
    closesAt: null,
    k: 3,
    constituencies: [{ id: 'north', label: 'North' }, { id: 'south', label: 'South' }],
    ageBands: [{ id: 'a1', label: '18–29' }],
    consent: '',
    ...overrides
  };
}

type Kind = keyof typeof ConsultationEvent | 'message';

/** A timeline: each added event gets the next id ($e1, $e2, ...) and timestamp (1000, 2000, ...) unless given. */
function timeline() {
  const events: Envelope[] = [];
  function add(sender: string, kind: Kind, content: unknown, options: { room?: DialogueRoomRole; ts?: number; id?: string } = {}): string {
    const n = events.length + 1;
    const id = options.id ?? `$e${n}`;
    const type = kind === 'message' ? 'm.room.message' : ConsultationEvent[kind];
    events.push({ id, room: options.room ?? 'plenary', sender, ts: options.ts ?? n * 1000, type, content });
    return id;
  }
  return {
    events,
    add,
    define: (overrides: Partial<Definition> = {}, room: DialogueRoomRole = 'plenary', sender = FAC) => add(sender, 'definition', definition(overrides), { room }),
    phase: (phase: string, sender = FAC, consultation = 'c1') => add(sender, 'phase', { consultation, phase }),
    statement: (sender: string, text: string, consultation = 'c1', question = 'q2') => add(sender, 'statement', { consultation, question, text }),
    vote: (sender: string, statement: string, value: VoteValue, options: { consultation?: string; ts?: number; room?: DialogueRoomRole } = {}) =>
      add(sender, 'vote', { consultation: options.consultation ?? 'c1', statement, value }, options),
    question: (sender: string, question = 'q1', room: DialogueRoomRole = 'plenary') =>
      add(sender, 'message', questionMessage('c1', { id: question, kind: 'open', text: 'What matters most to you?' }), { room }),
    answer: (sender: string, root: string, text: string, quotable = false, question = 'q1') => add(sender, 'message', answerMessage('c1', question, root, text, quotable)),
    recommend: (recommendation: string, revision: number, text: string, sender = FAC, room: DialogueRoomRole = 'plenary') =>
      add(sender, 'recommendation', { consultation: 'c1', recommendation, revision, text, supports: { statements: [], answers: [] } }, { room }),
    endorse: (sender: string, recommendation: string, revision: number, stance: string, reason?: string) =>
      add(sender, 'endorsement', { consultation: 'c1', recommendation, revision, stance, ...(reason === undefined ? {} : { reason }) }),
    fold: () => foldConsultations(events, authority)
  };
}

function only(result: ReturnType<typeof foldConsultations>, id = 'c1'): ConsultationState {
  const state = result.consultations.get(id);
  if (!state) throw new Error(`no consultation ${id}`);
  return state;
}

describe('foldConsultations: definitions', () => {
  it('a definition in the moderators room gives a draft', () => {
    const t = timeline();
    t.define({}, 'moderators');
    const state = only(t.fold());
    expect(state.phase).toBe('draft');
    expect(state.openedAt).toBeNull();
    expect(state.facilitator).toBe(FAC);
    expect(state.questions).toEqual([
      { id: 'q1', kind: 'open', text: 'What matters most to you?', thread: null },
      { id: 'q2', kind: 'statements', text: 'Which statements do you agree with?', thread: null },
      { id: 'q3', kind: 'scale', text: 'How safe do you feel at the wells?', thread: null }
    ]);
    expect(state.ignored).toEqual(NONE);
  });

  it('a definition in the plenary opens the consultation', () => {
    const t = timeline();
    t.define();
    const state = only(t.fold());
    expect(state.phase).toBe('open');
    expect(state.openedAt).toBe(1000);
    expect(state.definition).toEqual(definition());
  });

  it('releasing a draft to the plenary opens it with the revised definition', () => {
    const t = timeline();
    t.define({ title: 'Draft title' }, 'moderators');
    t.define({ title: 'Final title' }, 'plenary');
    const state = only(t.fold());
    expect(state.phase).toBe('open');
    expect(state.openedAt).toBe(2000);
    expect(state.definition.title).toBe('Final title');
  });

  it('a definition from a non-facilitator creates nothing and is counted', () => {
    const t = timeline();
    t.define({}, 'plenary', ANA);
    const result = t.fold();
    expect(result.consultations.size).toBe(0);
    expect(result.orphans).toEqual({ ...NONE, notAuthorised: 1 });
  });

  it('a revised definition from a non-facilitator is refused and listed', () => {
    const t = timeline();
    t.define({ k: 5 });
    t.define({ k: 3, title: 'Forged' }, 'plenary', ANA);
    const state = only(t.fold());
    expect(state.definition.k).toBe(5);
    expect(state.definition.title).toBe('Water access in the valley');
    expect(state.ignored).toEqual({ ...NONE, notAuthorised: 1 });
    expect(state.unauthorised).toEqual([{ type: 'definition', sender: ANA, ts: 2000 }]);
  });

  it('a revised definition keeps the threads of questions it keeps', () => {
    const t = timeline();
    t.define();
    const root = t.question(FAC, 'q1');
    t.define({ questions: [{ id: 'q1', kind: 'open', text: 'What matters most?' }, { id: 'q4', kind: 'open', text: 'Anything else?' }] });
    const state = only(t.fold());
    expect(state.questions).toEqual([
      { id: 'q1', kind: 'open', text: 'What matters most?', thread: root },
      { id: 'q4', kind: 'open', text: 'Anything else?', thread: null }
    ]);
  });

  it('events before the definition or of unknown consultations are orphans', () => {
    const t = timeline();
    t.vote(ANA, '$s', 'agree');
    t.define();
    t.phase('synthesis', FAC, 'c9');
    const result = t.fold();
    expect(result.orphans).toEqual({ ...NONE, unknownTarget: 2 });
    expect(only(result).ignored).toEqual(NONE);
    expect(only(result).phase).toBe('open');
  });

  it('keeps consultations apart', () => {
    const t = timeline();
    t.define();
    t.define({ consultation: 'c2', title: 'Grazing land' }, 'moderators');
    const result = t.fold();
    expect([...result.consultations.keys()]).toEqual(['c1', 'c2']);
    expect(only(result, 'c1').phase).toBe('open');
    expect(only(result, 'c2').phase).toBe('draft');
  });
});

describe('foldConsultations: phases', () => {
  it('a facilitator changes the phase in the plenary', () => {
    const t = timeline();
    t.define();
    t.phase('synthesis');
    t.phase('endorsement');
    t.phase('delivered');
    const state = only(t.fold());
    expect(state.phase).toBe('delivered');
    expect(state.ignored).toEqual(NONE);
  });

  it('opening a draft by phase event sets openedAt', () => {
    const t = timeline();
    t.define({}, 'moderators');
    t.phase('open');
    const state = only(t.fold());
    expect(state.phase).toBe('open');
    expect(state.openedAt).toBe(2000);
  });

  it('a forged publish from a participant leaves the phase unchanged', () => {
    const t = timeline();
    t.define();
    t.phase('synthesis');
    t.phase('delivered', ANA);
    const state = only(t.fold());
    expect(state.phase).toBe('synthesis');
    expect(state.ignored).toEqual({ ...NONE, notAuthorised: 1 });
    expect(state.unauthorised).toEqual([{ type: 'phase', sender: ANA, ts: 3000 }]);
  });

  it('a phase event from an outsider is refused too', () => {
    const t = timeline();
    t.define();
    t.phase('archived', EVE);
    const state = only(t.fold());
    expect(state.phase).toBe('open');
    expect(state.unauthorised).toEqual([{ type: 'phase', sender: EVE, ts: 2000 }]);
  });

  it('a phase event back to draft, or in the moderators room, is outside the phase rules', () => {
    const t = timeline();
    t.define();
    t.phase('draft');
    t.add(FAC, 'phase', { consultation: 'c1', phase: 'delivered' }, { room: 'moderators' });
    const state = only(t.fold());
    expect(state.phase).toBe('open');
    expect(state.ignored).toEqual({ ...NONE, outsidePhase: 2 });
  });

  it('malformed events are counted on the consultation they claim', () => {
    const t = timeline();
    t.define();
    t.add(FAC, 'phase', { consultation: 'c1', phase: 'published' });
    t.add(ANA, 'vote', { consultation: 'c1', statement: '$s', value: 'maybe' });
    t.add(ANA, 'message', { ...answerMessage('c1', 'q1', '$root', 'x', false), 'm.relates_to': undefined });
    t.add(ANA, 'vote', { consultation: 'c7', statement: '$s', value: 'maybe' });
    t.add(ANA, 'vote', { statement: '$s', value: 'agree' });
    const result = t.fold();
    expect(only(result).ignored).toEqual({ ...NONE, malformed: 3 });
    expect(result.orphans).toEqual({ ...NONE, malformed: 2 });
    expect(only(result).phase).toBe('open');
  });

  it('ignores events that belong to no consultation', () => {
    const t = timeline();
    t.define();
    t.add(ANA, 'message', { msgtype: 'm.text', body: 'hello everyone' });
    t.events.push({ id: '$x', room: 'plenary', sender: ANA, ts: 9, type: 'org.parley.dialogue.consent', content: { rules: '$r' } });
    const result = t.fold();
    expect(result.orphans).toEqual(NONE);
    expect(only(result).ignored).toEqual(NONE);
  });
});

describe('foldConsultations: statements and votes', () => {
  it('the latest vote wins per participant and statement', () => {
    const t = timeline();
    t.define();
    const s1 = t.statement(ANA, 'Wells first');
    const s2 = t.statement(BEN, 'Roads first');
    t.vote(BEN, s1, 'agree');
    t.vote(CAI, s1, 'pass');
    t.vote(BEN, s1, 'disagree');
    t.vote(BEN, s2, 'agree');
    const state = only(t.fold());
    expect(state.statements.map((s) => [s.id, s.sender, s.text, s.question])).toEqual([
      [s1, ANA, 'Wells first', 'q2'],
      [s2, BEN, 'Roads first', 'q2']
    ]);
    expect(state.votes.get(s1)).toEqual(new Map([[BEN, 'disagree'], [CAI, 'pass']]));
    expect(state.votes.get(s2)).toEqual(new Map([[BEN, 'agree']]));
    expect(voteList(state)).toHaveLength(3);
    expect(state.ignored).toEqual(NONE);
  });

  it('votes from non-participants are counted and not stored', () => {
    const t = timeline();
    t.define();
    const s1 = t.statement(ANA, 'Wells first');
    t.vote(EVE, s1, 'agree');
    t.vote(FAC, s1, 'agree');
    t.vote(BEN, s1, 'agree', { room: 'moderators' });
    const state = only(t.fold());
    expect(state.votes.size).toBe(0);
    expect(state.ignored).toEqual({ ...NONE, notParticipant: 3 });
  });

  it('a statement from a non-participant is not stored', () => {
    const t = timeline();
    t.define();
    const forged = t.statement(EVE, 'Forged statement');
    t.vote(ANA, forged, 'agree');
    const state = only(t.fold());
    expect(state.statements).toEqual([]);
    expect(state.ignored).toEqual({ ...NONE, notParticipant: 1, unknownTarget: 1 });
  });

  it('votes after the consultation moves to synthesis are outside the phase', () => {
    const t = timeline();
    t.define();
    const s1 = t.statement(ANA, 'Wells first');
    t.vote(BEN, s1, 'agree');
    t.phase('synthesis');
    t.vote(CAI, s1, 'agree');
    t.vote(BEN, s1, 'disagree');
    const state = only(t.fold());
    expect(state.votes.get(s1)).toEqual(new Map([[BEN, 'agree']]));
    expect(state.ignored).toEqual({ ...NONE, outsidePhase: 2 });
  });

  it('votes after closesAt are outside the phase; at closesAt they count', () => {
    const t = timeline();
    t.define({ closesAt: 10_000 });
    const s1 = t.statement(ANA, 'Wells first');
    t.vote(BEN, s1, 'agree', { ts: 10_000 });
    t.vote(CAI, s1, 'agree', { ts: 10_001 });
    t.vote(BEN, s1, 'disagree', { ts: 20_000 });
    const state = only(t.fold());
    expect(state.votes.get(s1)).toEqual(new Map([[BEN, 'agree']]));
    expect(state.ignored).toEqual({ ...NONE, outsidePhase: 2 });
  });

  it('contributions to a draft are outside the phase', () => {
    const t = timeline();
    t.define({}, 'moderators');
    t.statement(ANA, 'Too early');
    const state = only(t.fold());
    expect(state.statements).toEqual([]);
    expect(state.ignored).toEqual({ ...NONE, outsidePhase: 1 });
  });

  it('a vote on an unknown statement is an unknown target', () => {
    const t = timeline();
    t.define();
    t.statement(ANA, 'Wells first');
    t.vote(BEN, '$nope', 'agree');
    const state = only(t.fold());
    expect(state.votes.size).toBe(0);
    expect(state.ignored).toEqual({ ...NONE, unknownTarget: 1 });
  });

  it('a vote on a statement of another consultation is an unknown target', () => {
    const t = timeline();
    t.define();
    t.define({ consultation: 'c2' });
    const other = t.statement(ANA, 'In c2', 'c2');
    t.vote(BEN, other, 'agree');
    t.vote(CAI, other, 'agree', { consultation: 'c2' });
    const result = t.fold();
    expect(only(result, 'c1').votes.size).toBe(0);
    expect(only(result, 'c1').ignored).toEqual({ ...NONE, unknownTarget: 1 });
    expect(only(result, 'c2').votes.get(other)).toEqual(new Map([[CAI, 'agree']]));
  });

  it('a vote on an event that is not a statement is an unknown target', () => {
    const t = timeline();
    t.define();
    const root = t.question(FAC);
    const answer = t.answer(ANA, root, 'An answer');
    t.vote(BEN, answer, 'agree');
    t.vote(BEN, root, 'agree');
    const state = only(t.fold());
    expect(state.votes.size).toBe(0);
    expect(state.ignored).toEqual({ ...NONE, unknownTarget: 2 });
  });

  it('statements only go to statement questions', () => {
    const t = timeline();
    t.define();
    t.statement(ANA, 'On an open question', 'c1', 'q1');
    t.statement(ANA, 'On a scale question', 'c1', 'q3');
    t.statement(ANA, 'On no question', 'c1', 'q99');
    const state = only(t.fold());
    expect(state.statements).toEqual([]);
    expect(state.ignored).toEqual({ ...NONE, unknownTarget: 3 });
  });

  it('matches a model of latest-vote-wins for any sequence of votes', () => {
    const people = [ANA, BEN, CAI, DEE, EVE];
    const action = fc.record({ who: fc.constantFrom(...people), statement: fc.integer({ min: 0, max: 3 }), value: fc.constantFrom<VoteValue>('agree', 'disagree', 'pass') });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        const t = timeline();
        t.define();
        const statements = [t.statement(ANA, 'one'), t.statement(BEN, 'two'), t.statement(CAI, 'three')];
        const model = new Map<string, Map<string, VoteValue>>();
        let refused = 0;
        let unknown = 0;
        for (const { who, statement, value } of actions) {
          const id = statements[statement] ?? '$missing';
          t.vote(who, id, value);
          if (!PARTICIPANTS.has(who)) refused++;
          else if (!statements.includes(id)) unknown++;
          else model.set(id, (model.get(id) ?? new Map<string, VoteValue>()).set(who, value));
        }
        const state = only(t.fold());
        expect(state.votes).toEqual(model);
        expect(state.ignored).toEqual({ ...NONE, notParticipant: refused, unknownTarget: unknown });
      }),
      { numRuns: 200 }
    );
  });
});

describe('foldConsultations: questions and answers', () => {
  it('the facilitator posting a question root in the plenary sets its thread', () => {
    const t = timeline();
    t.define();
    const root = t.question(FAC, 'q1');
    const state = only(t.fold());
    expect(state.questions.find((q) => q.id === 'q1')?.thread).toBe(root);
    expect(state.ignored).toEqual(NONE);
  });

  it('a second root does not move the thread; a root in the moderators room sets none', () => {
    const t = timeline();
    t.define();
    t.question(FAC, 'q2', 'moderators');
    const first = t.question(FAC, 'q1');
    t.question(FAC, 'q1');
    const state = only(t.fold());
    expect(state.questions.find((q) => q.id === 'q1')?.thread).toBe(first);
    expect(state.questions.find((q) => q.id === 'q2')?.thread).toBeNull();
  });

  it('a question root from a participant is refused', () => {
    const t = timeline();
    t.define();
    t.question(ANA, 'q1');
    const state = only(t.fold());
    expect(state.questions.find((q) => q.id === 'q1')?.thread).toBeNull();
    expect(state.ignored).toEqual({ ...NONE, notAuthorised: 1 });
    expect(state.unauthorised).toEqual([{ type: 'question', sender: ANA, ts: 2000 }]);
  });

  it('a question root for an unknown question is an unknown target', () => {
    const t = timeline();
    t.define();
    t.question(FAC, 'q42');
    expect(only(t.fold()).ignored).toEqual({ ...NONE, unknownTarget: 1 });
  });

  it('answers threaded to the question root are stored', () => {
    const t = timeline();
    t.define();
    const root = t.question(FAC, 'q1');
    const a1 = t.answer(ANA, root, '  Clean water.  ', true);
    const a2 = t.answer(BEN, root, 'Safe paths.');
    const state = only(t.fold());
    expect(state.answers).toEqual([
      { id: a1, question: 'q1', sender: ANA, text: 'Clean water.', quotable: true, ts: 3000 },
      { id: a2, question: 'q1', sender: BEN, text: 'Safe paths.', quotable: false, ts: 4000 }
    ]);
    expect(state.ignored).toEqual(NONE);
  });

  it('answers threaded elsewhere, before the root, or to a non-open question are unknown targets', () => {
    const t = timeline();
    t.define();
    t.answer(ANA, '$early', 'Before the root');
    const root = t.question(FAC, 'q1');
    t.answer(ANA, '$elsewhere', 'Wrong thread');
    t.answer(ANA, root, 'To a statements question', false, 'q2');
    t.answer(ANA, root, 'To no question', false, 'q9');
    const state = only(t.fold());
    expect(state.answers).toEqual([]);
    expect(state.ignored).toEqual({ ...NONE, unknownTarget: 4 });
  });

  it('answers from non-participants or outside the open phase are refused', () => {
    const t = timeline();
    t.define();
    const root = t.question(FAC, 'q1');
    t.answer(EVE, root, 'Not a participant');
    t.phase('synthesis');
    t.answer(ANA, root, 'Too late');
    const state = only(t.fold());
    expect(state.answers).toEqual([]);
    expect(state.ignored).toEqual({ ...NONE, notParticipant: 1, outsidePhase: 1 });
  });

  it('tags are set by the facilitator on existing answers only', () => {
    const t = timeline();
    t.define();
    const root = t.question(FAC, 'q1');
    const a1 = t.answer(ANA, root, 'Clean water.');
    t.add(FAC, 'tag', { consultation: 'c1', answer: a1, tags: ['water'] });
    t.add(FAC, 'tag', { consultation: 'c1', answer: a1, tags: ['water', 'health'] });
    t.add(FAC, 'tag', { consultation: 'c1', answer: '$nothing', tags: ['x'] });
    t.add(ANA, 'tag', { consultation: 'c1', answer: a1, tags: ['mine'] });
    const state = only(t.fold());
    expect(state.tags).toEqual(new Map([[a1, ['water', 'health']]]));
    expect(state.ignored).toEqual({ ...NONE, unknownTarget: 1, notAuthorised: 1 });
  });
});

describe('foldConsultations: ratings and profiles', () => {
  it('ratings go to scale questions, latest wins', () => {
    const t = timeline();
    t.define();
    t.add(ANA, 'rating', { consultation: 'c1', question: 'q3', value: 2 });
    t.add(ANA, 'rating', { consultation: 'c1', question: 'q3', value: 4 });
    t.add(BEN, 'rating', { consultation: 'c1', question: 'q3', value: 1 });
    t.add(BEN, 'rating', { consultation: 'c1', question: 'q1', value: 5 });
    const state = only(t.fold());
    expect(state.ratings).toEqual(new Map([['q3', new Map([[ANA, 4], [BEN, 1]])]]));
    expect(state.ignored).toEqual({ ...NONE, unknownTarget: 1 });
  });

  it('profiles with unknown constituency or age band are refused', () => {
    const t = timeline();
    t.define();
    t.add(ANA, 'profile', { consultation: 'c1', constituency: 'east', ageBand: null });
    t.add(BEN, 'profile', { consultation: 'c1', constituency: 'north', ageBand: 'a9' });
    t.add(CAI, 'profile', { consultation: 'c1', constituency: 'south', ageBand: 'a1' });
    t.add(DEE, 'profile', { consultation: 'c1', constituency: null, ageBand: null });
    const state = only(t.fold());
    expect(state.profiles).toEqual(
      new Map([
        [CAI, { constituency: 'south', ageBand: 'a1' }],
        [DEE, { constituency: null, ageBand: null }]
      ])
    );
    expect(state.ignored).toEqual({ ...NONE, unknownTarget: 2 });
  });

  it('a later profile replaces an earlier one', () => {
    const t = timeline();
    t.define();
    t.add(ANA, 'profile', { consultation: 'c1', constituency: 'north', ageBand: null });
    t.add(ANA, 'profile', { consultation: 'c1', constituency: 'south', ageBand: 'a1' });
    expect(only(t.fold()).profiles.get(ANA)).toEqual({ constituency: 'south', ageBand: 'a1' });
  });
});

describe('foldConsultations: recommendations and endorsements', () => {
  it('recommendations keep their revision history', () => {
    const t = timeline();
    t.define();
    t.recommend('r1', 1, 'Share the wells by rota.', FAC, 'moderators');
    t.recommend('r1', 2, 'Share the wells by rota, with a council.', FAC, 'moderators');
    t.recommend('r2', 1, 'Repair the north road.');
    const state = only(t.fold());
    expect(state.recommendations.get('r1')?.map((r) => [r.revision, r.text, r.ts])).toEqual([
      [1, 'Share the wells by rota.', 2000],
      [2, 'Share the wells by rota, with a council.', 3000]
    ]);
    expect(currentRecommendations(state).map((r) => [r.id, r.revision])).toEqual([
      ['r1', 2],
      ['r2', 1]
    ]);
    expect(state.ignored).toEqual(NONE);
  });

  it('releasing the same revision with the same text is not a conflict', () => {
    const t = timeline();
    t.define();
    t.recommend('r1', 1, 'Share the wells.', FAC, 'moderators');
    t.recommend('r1', 1, 'Share the wells.', FAC, 'plenary');
    const state = only(t.fold());
    expect(state.recommendations.get('r1')).toHaveLength(1);
    expect(state.recommendations.get('r1')?.[0].ts).toBe(2000);
    expect(ignoredTotal(state.ignored)).toBe(0);
  });

  it('a lower revision, or the same revision with other text, is ignored', () => {
    const t = timeline();
    t.define();
    t.recommend('r1', 3, 'Third.');
    t.recommend('r1', 2, 'Second, late.');
    t.recommend('r1', 3, 'Third, rewritten.');
    const state = only(t.fold());
    expect(state.recommendations.get('r1')?.map((r) => r.text)).toEqual(['Third.']);
    expect(state.ignored).toEqual({ ...NONE, outsidePhase: 2 });
  });

  it('a recommendation from a participant is refused', () => {
    const t = timeline();
    t.define();
    t.recommend('r1', 1, 'Mine.', ANA);
    const state = only(t.fold());
    expect(state.recommendations.size).toBe(0);
    expect(state.unauthorised).toEqual([{ type: 'recommendation', sender: ANA, ts: 2000 }]);
  });

  it('endorsements are only accepted in the endorsement phase', () => {
    const t = timeline();
    t.define();
    t.recommend('r1', 1, 'Share the wells.');
    t.endorse(ANA, 'r1', 1, 'endorse');
    t.phase('synthesis');
    t.endorse(BEN, 'r1', 1, 'endorse');
    t.phase('endorsement');
    t.endorse(CAI, 'r1', 1, 'reservations', 'Who decides the rota?');
    t.phase('delivered');
    t.endorse(DEE, 'r1', 1, 'endorse');
    const state = only(t.fold());
    expect(state.endorsements).toEqual(new Map([['r1', new Map([[CAI, { revision: 1, stance: 'reservations', reason: 'Who decides the rota?' }]])]]));
    expect(state.ignored).toEqual({ ...NONE, outsidePhase: 3 });
  });

  it('endorsements need an existing recommendation and revision', () => {
    const t = timeline();
    t.define();
    t.recommend('r1', 1, 'First.');
    t.recommend('r1', 2, 'Second.');
    t.phase('endorsement');
    t.endorse(ANA, 'r1', 3, 'endorse');
    t.endorse(BEN, 'r9', 1, 'endorse');
    t.endorse(CAI, 'r1', 1, 'endorse');
    const state = only(t.fold());
    expect(state.endorsements.get('r1')).toEqual(new Map([[CAI, { revision: 1, stance: 'endorse', reason: '' }]]));
    expect(state.endorsements.has('r9')).toBe(false);
    expect(state.ignored).toEqual({ ...NONE, unknownTarget: 2 });
  });

  it('the latest endorsement per participant wins', () => {
    const t = timeline();
    t.define();
    t.recommend('r1', 1, 'First.');
    t.phase('endorsement');
    t.endorse(ANA, 'r1', 1, 'endorse');
    t.endorse(ANA, 'r1', 1, 'object', 'Changed my mind.');
    t.endorse(BEN, 'r1', 1, 'endorse');
    const state = only(t.fold());
    expect(state.endorsements.get('r1')).toEqual(
      new Map([
        [ANA, { revision: 1, stance: 'object', reason: 'Changed my mind.' }],
        [BEN, { revision: 1, stance: 'endorse', reason: '' }]
      ])
    );
  });

  it('endorsements from non-participants or in the moderators room are refused', () => {
    const t = timeline();
    t.define();
    t.recommend('r1', 1, 'First.');
    t.phase('endorsement');
    t.endorse(EVE, 'r1', 1, 'endorse');
    t.add(ANA, 'endorsement', { consultation: 'c1', recommendation: 'r1', revision: 1, stance: 'endorse' }, { room: 'moderators' });
    const state = only(t.fold());
    expect(state.endorsements.size).toBe(0);
    expect(state.ignored).toEqual({ ...NONE, notParticipant: 2 });
  });

  it('a brief in a participants room is refused', () => {
    const t = timeline();
    t.define();
    t.add(FAC, 'brief', {
      consultation: 'c1',
      title: 'Brief',
      digest: 'a'.repeat(64),
      document: {
        url: 'mxc://example.org/doc',
        key: { kty: 'oct', key_ops: ['encrypt', 'decrypt'], alg: 'A256CTR', k: 'key', ext: true },
        iv: 'iv',
        hashes: { sha256: 'hash' },
        v: 'v2'
      }
    });
    const state = only(t.fold());
    expect(state.ignored).toEqual({ ...NONE, notAuthorised: 1 });
    expect(state.unauthorised).toEqual([{ type: 'brief', sender: FAC, ts: 2000 }]);
  });
});

describe('votingProgress, contributors, ignoredTotal', () => {
  it('counts only statements by others', () => {
    const t = timeline();
    t.define();
    const s1 = t.statement(ANA, 'one');
    const s2 = t.statement(BEN, 'two');
    const s3 = t.statement(BEN, 'three');
    t.vote(ANA, s2, 'agree');
    t.vote(BEN, s2, 'agree');
    t.vote(CAI, s1, 'pass');
    t.vote(CAI, s2, 'pass');
    t.vote(CAI, s3, 'pass');
    const state = only(t.fold());
    expect(votingProgress(state, ANA)).toEqual({ voted: 1, total: 2 });
    expect(votingProgress(state, BEN)).toEqual({ voted: 0, total: 1 });
    expect(votingProgress(state, CAI)).toEqual({ voted: 3, total: 3 });
    expect(votingProgress(state, DEE)).toEqual({ voted: 0, total: 3 });
  });

  it('lists everyone who contributed anything counted, once', () => {
    const t = timeline();
    t.define();
    const root = t.question(FAC, 'q1');
    t.answer(ANA, root, 'An answer');
    t.answer(ANA, root, 'Another answer');
    const s1 = t.statement(BEN, 'A statement');
    t.vote(CAI, s1, 'agree');
    t.vote(EVE, s1, 'agree');
    t.add(DEE, 'profile', { consultation: 'c1', constituency: 'north', ageBand: null });
    t.recommend('r1', 1, 'Recommendation');
    t.phase('endorsement');
    const withoutRatingsOrEndorsements = [...t.events];
    t.endorse(DEE, 'r1', 1, 'endorse');
    const state = only(t.fold());
    expect(contributors(state).sort()).toEqual([ANA, BEN, CAI, DEE].sort());
    const earlier = only(foldConsultations(withoutRatingsOrEndorsements, authority));
    expect(contributors(earlier).sort()).toEqual([ANA, BEN, CAI].sort());
  });

  it('counts raters as contributors', () => {
    const t = timeline();
    t.define();
    t.add(DEE, 'rating', { consultation: 'c1', question: 'q3', value: 3 });
    expect(contributors(only(t.fold()))).toEqual([DEE]);
  });

  it('ignoredTotal adds every count', () => {
    expect(ignoredTotal({ malformed: 1, notAuthorised: 2, outsidePhase: 4, notParticipant: 8, unknownTarget: 16 })).toBe(31);
    expect(ignoredTotal(NONE)).toBe(0);
  });
});

describe('foldConsultations never throws', () => {
  it('for arbitrary envelopes', () => {
    const type = fc.oneof(fc.constantFrom(...Object.values(ConsultationEvent), 'm.room.message'), fc.string());
    const content = fc.oneof(
      fc.anything(),
      fc.record({ consultation: fc.constantFrom('c1', 'c2'), phase: fc.string(), statement: fc.string(), value: fc.anything(), question: fc.constantFrom('q1', 'q2', 'q3') }, { requiredKeys: [] })
    );
    const envelope = fc.record({
      id: fc.string(),
      room: fc.constantFrom<DialogueRoomRole>('plenary', 'moderators'),
      sender: fc.constantFrom(FAC, ANA, BEN, EVE),
      ts: fc.integer({ min: 0, max: 1e6 }),
      type,
      content
    });
    fc.assert(
      fc.property(fc.array(envelope, { maxLength: 30 }), (envelopes) => {
        const t = timeline();
        t.define();
        const result = foldConsultations([...t.events, ...envelopes], authority);
        const state = only(result);
        expect(state.definition.consultation).toBe('c1');
        expect(voteList(state).every((v) => PARTICIPANTS.has(v.participant))).toBe(true);
      }),
      { numRuns: 300 }
    );
  });
});

describe('foldConsultations: opening time and revisions after opening', () => {
  it('counts contributions before opensAt as outside the open period', () => {
    const tl = timeline();
    tl.define({ opensAt: 5_000 });
    const statement = tl.statement(ANA, 'Wells need lights', 'c1');
    tl.add(BEN, 'vote', { consultation: 'c1', statement, value: 'agree' }, { ts: 6_000 });
    const state = foldConsultations(tl.events, authority).consultations.get('c1')!;
    expect(state.statements).toEqual([]);
    expect(state.ignored.outsidePhase).toBe(1);
    // The vote is on a statement that was refused, so it has no target.
    expect(state.ignored.unknownTarget).toBe(1);
  });

  it('ignores a definition revised in the moderators room once the consultation is open', () => {
    const tl = timeline();
    tl.define({ k: 5 });
    tl.define({ k: 3 }, 'moderators');
    const state = foldConsultations(tl.events, authority).consultations.get('c1')!;
    expect(state.definition.k).toBe(5);
    expect(state.ignored.outsidePhase).toBe(1);
  });
});
