import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsultationEvent, answerMessage, questionMessage, type Definition } from './events.ts';
import type { VoteValue } from './opinion-groups.ts';
import { foldConsultations, type ConsultationState, type Envelope } from './state.ts';
import { atLeastK, briefSourceOf, endorsementCounts, opinionGroupsInput, participationOf, searchAnswers, tallyByConstituency } from './synthesis.ts';

const FAC = '@fac:example.org';
const PEOPLE = Array.from({ length: 8 }, (_, i) => `@p${i + 1}:example.org`);
const [P1, P2, P3, P4, P5, P6, P7] = PEOPLE;

function definition(overrides: Partial<Definition> = {}): Definition {
  return {
    consultation: 'c1',
    title: 'Water access in the valley',
    background: [],
    questions: [
      { id: 'q1', kind: 'open', text: 'What matters most to you?' },
      { id: 'q2', kind: 'statements', text: 'Which statements do you agree with?' },
      { id: 'q3', kind: 'open', text: 'What worries you?' }
    ],
    opensAt: null,
    closesAt: 5_000_000,
    k: 3,
    constituencies: [{ id: 'north', label: 'North' }, { id: 'south', label: 'South' }],
    ageBands: [],
    consent: '',
    ...overrides
  };
}

/** A small builder for a consultation's events; fold() folds them with FAC as facilitator and everyone in PEOPLE as participant. */
function timeline(overrides: Partial<Definition> = {}) {
  const events: Envelope[] = [];
  function add(sender: string, type: string, content: unknown): string {
    const n = events.length + 1;
    events.push({ id: `$e${n}`, room: 'plenary', sender, ts: n * 1000, type, content });
    return `$e${n}`;
  }
  add(FAC, ConsultationEvent.definition, definition(overrides));
  return {
    add,
    statement: (sender: string, text: string) => add(sender, ConsultationEvent.statement, { consultation: 'c1', question: 'q2', text }),
    vote: (sender: string, statement: string, value: VoteValue) => add(sender, ConsultationEvent.vote, { consultation: 'c1', statement, value }),
    profile: (sender: string, constituency: string | null) => add(sender, ConsultationEvent.profile, { consultation: 'c1', constituency, ageBand: null }),
    question: (question: string) => add(FAC, 'm.room.message', questionMessage('c1', { id: question, kind: 'open', text: question })),
    answer: (sender: string, question: string, root: string, text: string, quotable = false) => add(sender, 'm.room.message', answerMessage('c1', question, root, text, quotable)),
    tag: (answer: string, tags: string[]) => add(FAC, ConsultationEvent.tag, { consultation: 'c1', answer, tags }),
    recommend: (recommendation: string, revision: number, text: string, statements: string[] = []) =>
      add(FAC, ConsultationEvent.recommendation, { consultation: 'c1', recommendation, revision, text, supports: { statements, answers: [] } }),
    phase: (phase: string) => add(FAC, ConsultationEvent.phase, { consultation: 'c1', phase }),
    endorse: (sender: string, recommendation: string, revision: number, stance: string) =>
      add(sender, ConsultationEvent.endorsement, { consultation: 'c1', recommendation, revision, stance, ...(stance === 'object' ? { reason: 'No.' } : {}) }),
    fold(): ConsultationState {
      const state = foldConsultations(events, { isFacilitator: (s) => s === FAC, isParticipant: (s) => PEOPLE.includes(s) }).consultations.get('c1');
      if (!state) throw new Error('no consultation');
      return state;
    }
  };
}

describe('atLeastK', () => {
  it('withholds counts below k', () => {
    expect(atLeastK(0, 3)).toBeNull();
    expect(atLeastK(2, 3)).toBeNull();
    expect(atLeastK(3, 3)).toBe(3);
    expect(atLeastK(40, 5)).toBe(40);
    expect(atLeastK(4, 5)).toBeNull();
  });

  it('is the count exactly when the count reaches k', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 3, max: 1000 }), (count, k) => {
        expect(atLeastK(count, k)).toBe(count >= k ? count : null);
      })
    );
  });
});

describe('participationOf', () => {
  it('withholds every figure while fewer than k took part', () => {
    const t = timeline();
    const s1 = t.statement(P1, 'Wells first');
    t.vote(P2, s1, 'agree');
    t.vote(P1, s1, 'agree');
    expect(participationOf(t.fold())).toEqual({ participants: null, voters: null, votes: null });
  });

  it('gives the figures once k took part', () => {
    const t = timeline();
    const s1 = t.statement(P1, 'Wells first');
    const s2 = t.statement(P4, 'Roads first');
    t.vote(P1, s2, 'agree');
    t.vote(P2, s1, 'agree');
    t.vote(P2, s2, 'pass');
    t.vote(P3, s1, 'disagree');
    expect(participationOf(t.fold())).toEqual({ participants: 4, voters: 3, votes: 4 });
  });

  it('withholds voters and votes when enough people took part but fewer than k voted', () => {
    const t = timeline();
    const s1 = t.statement(P1, 'one');
    t.statement(P2, 'two');
    t.statement(P3, 'three');
    t.vote(P2, s1, 'agree');
    t.vote(P3, s1, 'agree');
    expect(participationOf(t.fold())).toEqual({ participants: 3, voters: null, votes: null });
  });

  it('follows the consultation k', () => {
    const t = timeline({ k: 4 });
    const s1 = t.statement(P1, 'one');
    for (const p of [P2, P3, P4]) t.vote(p, s1, 'agree');
    expect(participationOf(t.fold())).toEqual({ participants: 4, voters: null, votes: null });
  });
});

describe('opinionGroupsInput', () => {
  it('passes statements, votes and k', () => {
    const t = timeline({ k: 4 });
    const s1 = t.statement(P1, 'one');
    t.vote(P2, s1, 'agree');
    expect(opinionGroupsInput(t.fold())).toEqual({ statements: [s1], votes: [{ participant: P2, statement: s1, value: 'agree' }], minGroupSize: 4 });
  });
});

describe('tallyByConstituency', () => {
  it('tallies a constituency where k voted and withholds one where fewer did', () => {
    const t = timeline();
    const s1 = t.statement(P1, 'Wells first');
    for (const p of [P1, P2, P3, P6]) t.profile(p, 'north');
    t.profile(P4, 'south');
    t.profile(P5, 'south');
    t.vote(P1, s1, 'agree');
    t.vote(P2, s1, 'agree');
    t.vote(P3, s1, 'disagree');
    t.vote(P4, s1, 'agree');
    t.vote(P5, s1, 'pass');
    t.vote(P7, s1, 'disagree');
    expect(tallyByConstituency(t.fold(), s1)).toEqual([
      { id: 'north', label: 'North', tally: { agree: 2, disagree: 1, pass: 0 } },
      { id: 'south', label: 'South', tally: null }
    ]);
  });

  it('counts each voter once, with their latest vote', () => {
    const t = timeline();
    const s1 = t.statement(P1, 'Wells first');
    for (const p of [P1, P2, P3]) t.profile(p, 'south');
    t.vote(P1, s1, 'agree');
    t.vote(P2, s1, 'agree');
    t.vote(P3, s1, 'agree');
    t.vote(P3, s1, 'disagree');
    const south = tallyByConstituency(t.fold(), s1).find((c) => c.id === 'south');
    expect(south?.tally).toEqual({ agree: 2, disagree: 1, pass: 0 });
  });

  it('withholds every constituency for a statement without votes', () => {
    const t = timeline();
    const s1 = t.statement(P1, 'Wells first');
    expect(tallyByConstituency(t.fold(), s1).map((c) => c.tally)).toEqual([null, null]);
    expect(tallyByConstituency(t.fold(), '$unknown').map((c) => c.tally)).toEqual([null, null]);
  });
});

describe('endorsementCounts', () => {
  function endorsed() {
    const t = timeline();
    t.recommend('r1', 1, 'Share the wells.');
    t.recommend('r1', 2, 'Share the wells by rota.');
    t.phase('endorsement');
    return t;
  }

  it('counts only endorsements of the current revision', () => {
    const t = endorsed();
    t.endorse(P1, 'r1', 2, 'endorse');
    t.endorse(P2, 'r1', 2, 'endorse');
    t.endorse(P3, 'r1', 2, 'object');
    t.endorse(P4, 'r1', 1, 'endorse');
    t.endorse(P5, 'r1', 1, 'reservations');
    expect(endorsementCounts(t.fold(), 'r1')).toEqual({ endorse: 2, reservations: 0, object: 1, responses: 3 });
  });

  it('is null while fewer than k responded to the current revision', () => {
    const t = endorsed();
    t.endorse(P1, 'r1', 2, 'endorse');
    t.endorse(P2, 'r1', 2, 'reservations');
    t.endorse(P3, 'r1', 1, 'endorse');
    t.endorse(P4, 'r1', 1, 'endorse');
    expect(endorsementCounts(t.fold(), 'r1')).toBeNull();
  });

  it('a participant who moves to the old revision no longer counts', () => {
    const t = endorsed();
    t.endorse(P1, 'r1', 2, 'endorse');
    t.endorse(P2, 'r1', 2, 'endorse');
    t.endorse(P3, 'r1', 2, 'endorse');
    t.endorse(P3, 'r1', 1, 'endorse');
    expect(endorsementCounts(t.fold(), 'r1')).toBeNull();
  });

  it('is null for an unknown recommendation', () => {
    expect(endorsementCounts(endorsed().fold(), 'r9')).toBeNull();
  });
});

describe('searchAnswers', () => {
  function answered() {
    const t = timeline();
    const root1 = t.question('q1');
    const root3 = t.question('q3');
    const a1 = t.answer(P1, 'q1', root1, 'Clean WATER near the school');
    const a2 = t.answer(P2, 'q1', root1, 'Safe paths at night');
    const a3 = t.answer(P3, 'q1', root1, 'Fair rota for the wells');
    const other = t.answer(P4, 'q3', root3, 'Water disputes');
    t.tag(a2, ['Security']);
    t.tag(a3, ['Water', 'governance']);
    return { state: t.fold(), a1, a2, a3, other };
  }

  it('matches text and tags case-insensitively, newest first, within the question', () => {
    const { state, a1, a3 } = answered();
    expect(searchAnswers(state, 'q1', 'water').map((a) => a.id)).toEqual([a3, a1]);
    expect(searchAnswers(state, 'q1', '  WaTeR ').map((a) => a.id)).toEqual([a3, a1]);
  });

  it('matches a tag alone', () => {
    const { state, a2 } = answered();
    expect(searchAnswers(state, 'q1', 'secur').map((a) => a.id)).toEqual([a2]);
    expect(searchAnswers(state, 'q1', 'GOVERNANCE').map((a) => a.text)).toEqual(['Fair rota for the wells']);
  });

  it('an empty query lists all answers to the question, newest first, without reordering the state', () => {
    const { state, a1, a2, a3 } = answered();
    expect(searchAnswers(state, 'q1', '  ').map((a) => a.id)).toEqual([a3, a2, a1]);
    expect(state.answers.map((a) => a.id).slice(0, 3)).toEqual([a1, a2, a3]);
  });

  it('finds nothing for a query that matches nothing', () => {
    const { state, other } = answered();
    expect(searchAnswers(state, 'q1', 'disputes')).toEqual([]);
    expect(searchAnswers(state, 'q3', 'disputes').map((a) => a.id)).toEqual([other]);
    expect(searchAnswers(state, 'q2', '')).toEqual([]);
  });
});

describe('briefSourceOf', () => {
  it('passes only quotable answers as quotes and only current-revision endorsements', () => {
    const t = timeline();
    const root = t.question('q1');
    t.answer(P1, 'q1', root, 'Quotable answer', true);
    t.answer(P2, 'q1', root, 'Private answer', false);
    const s1 = t.statement(P3, 'Wells first');
    t.vote(P1, s1, 'agree');
    t.vote(P2, s1, 'disagree');
    t.profile(P1, 'north');
    t.recommend('r1', 1, 'Old text');
    t.recommend('r1', 2, 'Current text', [s1]);
    t.phase('endorsement');
    t.endorse(P1, 'r1', 2, 'endorse');
    t.endorse(P2, 'r1', 1, 'endorse');
    t.endorse(P4, 'r1', 2, 'object');
    const source = briefSourceOf(t.fold(), ['en', 'fr'], 'Three villages took part.', 123);
    expect(source.consultation).toEqual({ id: 'c1', title: 'Water access in the valley', languages: ['en', 'fr'], k: 3, closedAt: 5_000_000 });
    expect(source.quotes).toEqual([{ question: 'What matters most to you?', text: 'Quotable answer' }]);
    expect(source.answerCount).toBe(2);
    expect(source.endorsements).toEqual([
      { participant: P1, recommendation: 'r1', stance: 'endorse' },
      { participant: P4, recommendation: 'r1', stance: 'object' }
    ]);
    expect(source.recommendations).toEqual([{ id: 'r1', revision: 2, text: 'Current text', supports: { statements: [s1], answers: [] } }]);
    expect(source.statements).toEqual([{ id: s1, text: 'Wells first' }]);
    expect(source.votes).toHaveLength(2);
    expect(source.profiles).toEqual([{ participant: P1, constituency: 'north', ageBand: null }]);
    expect(source.constituencies).toEqual(definition().constituencies);
    expect(source.participants.sort()).toEqual([P1, P2, P3, P4].sort());
    expect(source.reach).toBe('Three villages took part.');
    expect(source.publishedAt).toBe(123);
  });

  it('quotes carry the question text', () => {
    const t = timeline({ questions: [{ id: 'q1', kind: 'open', text: 'What matters most to you?' }] });
    const root = t.question('q1');
    t.answer(P1, 'q1', root, 'Water', true);
    expect(briefSourceOf(t.fold(), ['en'], '', 0).quotes).toEqual([{ question: 'What matters most to you?', text: 'Water' }]);
  });
});
