// What the facilitator sees while synthesising, derived from a consultation's state. Every
// figure about people passes through `atLeastK`: below the consultation's k it is withheld.
import type { BriefSource, StanceCounts } from './brief.ts';
import type { OpinionGroupsInput, Tally } from './opinion-groups.ts';
import { contributors, currentRecommendations, voteList, type Answer, type ConsultationState } from './state.ts';

/** A count about people, or null when fewer than k people are behind it. */
export function atLeastK(count: number, k: number): number | null {
  return count >= k ? count : null;
}

export function participationOf(state: ConsultationState): { participants: number | null; voters: number | null; votes: number | null } {
  const k = state.definition.k;
  const votes = voteList(state);
  const voters = new Set(votes.map((v) => v.participant)).size;
  return { participants: atLeastK(contributors(state).length, k), voters: atLeastK(voters, k), votes: voters >= k ? votes.length : null };
}

/** Statements of voting questions, as the opinion-group math takes them. */
export function opinionGroupsInput(state: ConsultationState): OpinionGroupsInput {
  return { statements: state.statements.map((s) => s.id), votes: voteList(state), minGroupSize: state.definition.k };
}

/** Agree/disagree/pass on a statement per self-identified constituency; null where fewer than k voted. */
export function tallyByConstituency(state: ConsultationState, statement: string): { id: string; label: string; tally: Tally | null }[] {
  const votes = state.votes.get(statement) ?? new Map();
  return state.definition.constituencies.map(({ id, label }) => {
    const tally: Tally = { agree: 0, disagree: 0, pass: 0 };
    let voters = 0;
    for (const [participant, value] of votes) {
      if (state.profiles.get(participant)?.constituency !== id) continue;
      tally[value as keyof Tally]++;
      voters++;
    }
    return { id, label, tally: voters >= state.definition.k ? tally : null };
  });
}

/** Endorsements of a recommendation's current revision; null where fewer than k responded. */
export function endorsementCounts(state: ConsultationState, recommendation: string): StanceCounts | null {
  const revisions = state.recommendations.get(recommendation);
  const current = revisions?.[revisions.length - 1]?.revision;
  const counts: StanceCounts = { endorse: 0, reservations: 0, object: 0, responses: 0 };
  for (const endorsement of state.endorsements.get(recommendation)?.values() ?? []) {
    if (endorsement.revision !== current) continue;
    counts[endorsement.stance]++;
    counts.responses++;
  }
  return counts.responses >= state.definition.k ? counts : null;
}

/** Answers to a question matching a search (text or tag), newest first. */
export function searchAnswers(state: ConsultationState, question: string, query: string): Answer[] {
  const needle = query.trim().toLocaleLowerCase();
  return state.answers
    .filter((a) => a.question === question)
    .filter((a) => !needle || a.text.toLocaleLowerCase().includes(needle) || (state.tags.get(a.id) ?? []).some((tag) => tag.toLocaleLowerCase().includes(needle)))
    .reverse();
}

/** Everything a brief is computed from. Participant ids stay inside; buildBrief pseudonymises them. */
export function briefSourceOf(state: ConsultationState, languages: string[], reach: string, publishedAt: number): BriefSource {
  const recommendations = currentRecommendations(state);
  const currentRevision = new Map(recommendations.map((r) => [r.id, r.revision]));
  const endorsements: BriefSource['endorsements'] = [];
  for (const [recommendation, byParticipant] of state.endorsements) {
    for (const [participant, endorsement] of byParticipant) {
      if (endorsement.revision === currentRevision.get(recommendation)) endorsements.push({ participant, recommendation, stance: endorsement.stance });
    }
  }
  const questionText = new Map(state.questions.map((q) => [q.id, q.text]));
  return {
    consultation: { id: state.id, title: state.definition.title, languages, k: state.definition.k, closedAt: state.definition.closesAt },
    statements: state.statements.map((s) => ({ id: s.id, text: s.text })),
    votes: voteList(state),
    recommendations: recommendations.map(({ id, revision, text, supports }) => ({ id, revision, text, supports })),
    endorsements,
    profiles: [...state.profiles].map(([participant, profile]) => ({ participant, ...profile })),
    constituencies: state.definition.constituencies,
    ageBands: state.definition.ageBands,
    quotes: state.answers.filter((a) => a.quotable).map((a) => ({ question: questionText.get(a.question) ?? '', text: a.text })),
    participants: contributors(state),
    answerCount: state.answers.length,
    reach,
    publishedAt
  };
}
