// The consultation brief: what the facilitator publishes to the negotiators when a consultation
// ends. Pure: no DOM, no Matrix SDK.
//
// Privacy rules, enforced here and nowhere else:
// - no names and no Matrix IDs: participants become pseudonymous numbers in a random order
//   (never derived from their ids), and anything shaped like a Matrix user ID is redacted from
//   every published text;
// - no figure about fewer than k people: every count of people (and every stance breakdown,
//   group size, constituency or age-band count) below k is published as null.
// The brief carries the SHA-256 digest of its canonical inputs (RFC 8785) and the inputs
// themselves, so a negotiator can recompute the digest and the opinion groups.
import * as v from 'valibot';
import canonicalize from 'canonicalize';
import { computeOpinionGroups, type OpinionGroupsResult, type VoteValue } from './opinion-groups.ts';
import { DEFAULT_K, MIN_K, STANCES, VOTE_VALUES, type Stance } from './events.ts';

export const BRIEF_FORMAT = 'org.parley.brief.v1';
export const BRIEF_INPUTS_FORMAT = 'org.parley.brief-inputs.v1';
/** Documents whose JSON is longer than this (in characters) are rejected unread. */
export const MAX_BRIEF_DOCUMENT_CHARS = 20 * 1024 * 1024;
/** Number of bridge statements a brief leads with. */
export const MAX_BRIDGES = 5;
/** Replaces anything shaped like a Matrix user ID in published text. */
export const REDACTED_ID = '@…';

export type StanceCounts = { endorse: number; reservations: number; object: number; responses: number };

export interface BriefSource {
  consultation: { id: string; title: string; languages: string[]; k: number; closedAt: number | null };
  statements: { id: string; text: string }[];
  /** Latest vote per participant and statement. participant = Matrix user id (private: never output). */
  votes: { participant: string; statement: string; value: VoteValue }[];
  /** Current revision of each recommendation. supports = statement ids and answer ids. */
  recommendations: { id: string; revision: number; text: string; supports: { statements: string[]; answers: string[] } }[];
  /** Latest endorsement per participant and recommendation, for the current revision only. */
  endorsements: { participant: string; recommendation: string; stance: Stance }[];
  profiles: { participant: string; constituency: string | null; ageBand: string | null }[];
  constituencies: { id: string; label: string }[];
  ageBands: { id: string; label: string }[];
  /** Answers whose author allowed anonymous quoting. */
  quotes: { question: string; text: string }[];
  /** Everyone who contributed anything (answer, statement, vote, rating, endorsement). */
  participants: string[];
  answerCount: number;
  /** Plain statement of the consultation's reach and limits, already written in the facilitator's language. */
  reach: string;
  publishedAt: number;
}

/** What the digest covers; published with the brief. */
export interface BriefInputs {
  format: 'org.parley.brief-inputs.v1';
  consultation: string;
  k: number;
  /** Sorted by id. */
  statements: { id: string; text: string }[];
  /**
   * Index = pseudonymous participant number (random order, never derived from ids). constituency
   * label only when that constituency has ≥ k participants (and the participants without a
   * published label are themselves 0 or ≥ k), else null. No age band here.
   */
  participants: { constituency: string | null }[];
  /** [participant index, statement index, value], sorted. */
  votes: [number, number, VoteValue][];
  /** Sorted by id. */
  recommendations: { id: string; revision: number; text: string }[];
  /** [participant index, recommendation id, stance], sorted. */
  endorsements: [number, string, Stance][];
}

export interface Brief {
  format: 'org.parley.brief.v1';
  consultation: { id: string; title: string; languages: string[]; k: number; closedAt: number | null; publishedAt: number };
  recommendations: {
    id: string;
    revision: number;
    text: string;
    /** Statement texts. */
    supportingStatements: string[];
    support: {
      overall: StanceCounts | null;
      groups: { group: number; counts: StanceCounts | null }[];
      constituencies: { label: string; counts: StanceCounts | null }[];
    };
  }[];
  /** Opinion groups; size null = suppressed (< k). */
  groups: { group: number; size: number | null }[];
  /** Top 5 by group-aware consensus; only statements whose total voters ≥ k. */
  bridges: { text: string; consensus: number; agree: number; disagree: number; pass: number; total: number }[];
  quotes: { question: string; text: string }[];
  participation: {
    participants: number | null;
    voters: number | null;
    votes: number | null;
    statements: number;
    answers: number | null;
    constituencies: { label: string; count: number | null }[];
    ageBands: { label: string; count: number | null }[];
  };
  reach: string;
  /** Lowercase hex SHA-256 of canonicalize(inputs). */
  digest: string;
}

export interface BriefDocument {
  brief: Brief;
  inputs: BriefInputs;
}

/** All human words used in the Markdown and CSV exports, already translated. */
export interface BriefLabels {
  title: string;
  recommendations: string;
  support: string;
  overall: string;
  /** Name of an opinion group; n is 1-based (the brief's group 0 is shown as group(1)). */
  group: (n: number) => string;
  constituency: string;
  endorse: string;
  reservations: string;
  object: string;
  responses: string;
  /** Shown instead of a suppressed figure, e.g. "fewer than 5". */
  fewerThanK: string;
  bridges: string;
  quotes: string;
  participation: string;
  participants: string;
  voters: string;
  votes: string;
  statements: string;
  answers: string;
  ageBand: string;
  languages: string;
  reach: string;
  digest: string;
  consensus: string;
  agree: string;
  disagree: string;
  pass: string;
  section: string;
  item: string;
  measure: string;
  value: string;
  text: string;
}

// --- Helpers

/** Anything shaped like a Matrix user ID: @localpart:server[:port] (localpart in the historical character set). */
const MATRIX_USER_ID =
  /@[A-Za-z0-9._=\-/+]+:(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]{1,5})?/g;

/** Removes Matrix user IDs (e.g. mentions) from text that will be published. */
export function redactMatrixIds(text: string): string {
  return text.replace(MATRIX_USER_ID, REDACTED_ID);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function effectiveK(k: number): number {
  return Number.isFinite(k) ? Math.max(MIN_K, Math.floor(k)) : DEFAULT_K;
}

/** Uniform in [0, 1) with 53 random bits from crypto.getRandomValues. */
function cryptoRandom(): number {
  const words = new Uint32Array(2);
  globalThis.crypto.getRandomValues(words);
  return (words[0] * 2 ** 21 + (words[1] >>> 11)) / 2 ** 53;
}

/** Fisher–Yates shuffle of a copy. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const r = random();
    if (!(r >= 0 && r < 1)) throw new RangeError('random() must return a number in [0, 1)');
    const j = Math.min(i, Math.floor(r * (i + 1)));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/**
 * Which category values may be published: those held by ≥ k people, and, so that the people
 * without a published value cannot be singled out by difference, the unpublished rest (smaller
 * categories plus people with none) must be 0 or ≥ k people; the smallest published categories
 * are withdrawn until it is.
 */
function publishableCategories(values: (string | null)[], k: number): { visible: Set<string>; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  const visible = [...counts].filter(([, n]) => n >= k).sort((a, b) => a[1] - b[1] || compareCodeUnits(a[0], b[0]));
  let hidden = values.length - visible.reduce((sum, [, n]) => sum + n, 0);
  while (hidden > 0 && hidden < k && visible.length > 0) {
    const [, n] = visible.shift() as [string, number];
    hidden += n;
  }
  return { visible: new Set(visible.map(([label]) => label)), counts };
}

function stanceCell(stances: Stance[], k: number): StanceCounts | null {
  if (stances.length < k) return null;
  const counts: StanceCounts = { endorse: 0, reservations: 0, object: 0, responses: stances.length };
  for (const s of stances) counts[s]++;
  return counts;
}

function uniqueLabels(items: { id: string; label: string }[]): { ids: Map<string, string>; labels: string[] } {
  const ids = new Map<string, string>();
  const labels: string[] = [];
  for (const item of items) {
    if (ids.has(item.id)) continue;
    const label = redactMatrixIds(item.label);
    ids.set(item.id, label);
    if (!labels.includes(label)) labels.push(label);
  }
  return { ids, labels };
}

const isVoteValue = (x: unknown): x is VoteValue => (VOTE_VALUES as readonly unknown[]).includes(x);
const isStance = (x: unknown): x is Stance => (STANCES as readonly unknown[]).includes(x);

/**
 * Opinion groups recomputed from published inputs alone (participants keyed by their pseudonym
 * index as a string). buildBrief uses exactly this, so anyone holding the inputs gets the same groups.
 */
export function opinionGroupsFromInputs(inputs: BriefInputs): OpinionGroupsResult {
  const ids = inputs.statements.map((s) => s.id);
  return computeOpinionGroups({
    statements: ids,
    votes: inputs.votes.map(([p, s, value]) => ({ participant: String(p), statement: ids[s], value })),
    minGroupSize: inputs.k
  });
}

// --- Building

/**
 * Builds the brief and its inputs. `random` (default: crypto-random) orders the pseudonyms;
 * tests pass a seeded generator.
 */
export async function buildBrief(source: BriefSource, random: () => number = cryptoRandom): Promise<BriefDocument> {
  const k = effectiveK(source.consultation.k);

  // Statements: unique by id (first wins), sorted by id.
  const statementText = new Map<string, string>();
  for (const s of source.statements) if (!statementText.has(s.id)) statementText.set(s.id, redactMatrixIds(s.text));
  const statementIds = [...statementText.keys()].sort(compareCodeUnits);
  const statementIndex = new Map(statementIds.map((id, i) => [id, i]));

  // Recommendations: the highest revision per id, in the facilitator's order.
  const recommendations = new Map<string, BriefSource['recommendations'][number]>();
  for (const r of source.recommendations) {
    const previous = recommendations.get(r.id);
    if (!previous || r.revision >= previous.revision) recommendations.set(r.id, r);
  }

  // Participants: everyone who contributed, in a random order. Their index is their pseudonym.
  const contributors: string[] = [];
  const seen = new Set<string>();
  const addContributor = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      contributors.push(p);
    }
  };
  source.participants.forEach(addContributor);
  for (const vote of source.votes) if (statementIndex.has(vote.statement) && isVoteValue(vote.value)) addContributor(vote.participant);
  for (const e of source.endorsements) if (recommendations.has(e.recommendation) && isStance(e.stance)) addContributor(e.participant);
  const pseudonyms = shuffle(contributors, random);
  const pseudonymOf = new Map(pseudonyms.map((p, i) => [p, i]));
  const n = pseudonyms.length;

  // Profiles (latest per participant) → constituency and age-band labels.
  const profileOf = new Map<string, BriefSource['profiles'][number]>();
  for (const p of source.profiles) profileOf.set(p.participant, p);
  const constituencies = uniqueLabels(source.constituencies);
  const ageBands = uniqueLabels(source.ageBands);
  const labelOf = (ids: Map<string, string>, id: string | null | undefined) => (id == null ? null : (ids.get(id) ?? null));
  const constituencyOf = pseudonyms.map((p) => labelOf(constituencies.ids, profileOf.get(p)?.constituency));
  const ageBandOf = pseudonyms.map((p) => labelOf(ageBands.ids, profileOf.get(p)?.ageBand));
  const constituencyPublishing = publishableCategories(constituencyOf, k);
  const ageBandPublishing = publishableCategories(ageBandOf, k);

  // Votes: latest per (pseudonym, statement), sorted.
  const voteMap = new Map<string, [number, number, VoteValue]>();
  for (const vote of source.votes) {
    const p = pseudonymOf.get(vote.participant);
    const s = statementIndex.get(vote.statement);
    if (p === undefined || s === undefined || !isVoteValue(vote.value)) continue;
    voteMap.set(`${p}:${s}`, [p, s, vote.value]);
  }
  const votes = [...voteMap.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  // Endorsements: latest per (pseudonym, recommendation), sorted.
  const endorsementMap = new Map<string, [number, string, Stance]>();
  for (const e of source.endorsements) {
    const p = pseudonymOf.get(e.participant);
    if (p === undefined || !recommendations.has(e.recommendation) || !isStance(e.stance)) continue;
    endorsementMap.set(`${p}\u0000${e.recommendation}`, [p, e.recommendation, e.stance]);
  }
  const endorsements = [...endorsementMap.values()].sort((a, b) => a[0] - b[0] || compareCodeUnits(a[1], b[1]));

  const inputs: BriefInputs = {
    format: BRIEF_INPUTS_FORMAT,
    consultation: source.consultation.id,
    k,
    statements: statementIds.map((id) => ({ id, text: statementText.get(id) as string })),
    participants: constituencyOf.map((label) => ({
      constituency: label !== null && constituencyPublishing.visible.has(label) ? label : null
    })),
    votes,
    recommendations: [...recommendations.values()]
      .map((r) => ({ id: r.id, revision: r.revision, text: redactMatrixIds(r.text) }))
      .sort((a, b) => compareCodeUnits(a.id, b.id)),
    endorsements
  };

  // Everything below is computed from the inputs (plus age bands, answers, quotes, reach).
  const groups = opinionGroupsFromInputs(inputs);
  const visibleGroups = groups.groups.filter((g) => !g.suppressed && g.size >= k).map((g) => g.id);
  const groupOf = (p: number) => groups.membership.get(String(p));

  const stancesByRecommendation = new Map<string, [number, Stance][]>();
  for (const [p, r, stance] of inputs.endorsements) {
    const list = stancesByRecommendation.get(r) ?? [];
    list.push([p, stance]);
    stancesByRecommendation.set(r, list);
  }
  const publishedRecommendationText = new Map(inputs.recommendations.map((r) => [r.id, r.text]));

  const briefRecommendations: Brief['recommendations'] = [...recommendations.values()].map((r) => {
    const given = stancesByRecommendation.get(r.id) ?? [];
    const supporting: string[] = [];
    for (const id of r.supports.statements) {
      const text = statementText.get(id);
      if (text !== undefined && !supporting.includes(text)) supporting.push(text);
    }
    return {
      id: r.id,
      revision: r.revision,
      text: publishedRecommendationText.get(r.id) as string,
      supportingStatements: supporting,
      support: {
        overall: stanceCell(given.map(([, s]) => s), k),
        groups: visibleGroups.map((g) => ({
          group: g,
          counts: stanceCell(given.filter(([p]) => groupOf(p) === g).map(([, s]) => s), k)
        })),
        constituencies: constituencies.labels.map((label) => ({
          label,
          counts: constituencyPublishing.visible.has(label)
            ? stanceCell(given.filter(([p]) => inputs.participants[p].constituency === label).map(([, s]) => s), k)
            : null
        }))
      }
    };
  });

  const tallies = inputs.statements.map(() => ({ agree: 0, disagree: 0, pass: 0 }));
  for (const [, s, value] of inputs.votes) tallies[s][value]++;
  const bridges: Brief['bridges'] = [];
  for (const b of groups.bridgeStatements) {
    if (bridges.length >= MAX_BRIDGES) break;
    const s = statementIndex.get(b.statement);
    if (s === undefined) continue;
    const t = tallies[s];
    const total = t.agree + t.disagree + t.pass;
    if (total < k) continue;
    bridges.push({ text: inputs.statements[s].text, consensus: b.consensus, ...t, total });
  }

  const voters = new Set(inputs.votes.map(([p]) => p)).size;
  const enough = n >= k;
  const brief: Brief = {
    format: BRIEF_FORMAT,
    consultation: {
      id: source.consultation.id,
      title: redactMatrixIds(source.consultation.title),
      languages: source.consultation.languages.slice(),
      k,
      closedAt: source.consultation.closedAt,
      publishedAt: source.publishedAt
    },
    recommendations: briefRecommendations,
    groups: groups.groups.map((g) => ({ group: g.id, size: !g.suppressed && g.size >= k ? g.size : null })),
    bridges,
    // A quote is only anonymous among at least k people.
    quotes: enough ? source.quotes.map((q) => ({ question: redactMatrixIds(q.question), text: redactMatrixIds(q.text) })) : [],
    participation: {
      participants: enough ? n : null,
      voters: voters >= k ? voters : null,
      votes: voters >= k ? inputs.votes.length : null,
      statements: inputs.statements.length,
      answers: enough ? source.answerCount : null,
      constituencies: constituencies.labels.map((label) => ({
        label,
        count: constituencyPublishing.visible.has(label) ? (constituencyPublishing.counts.get(label) ?? 0) : null
      })),
      ageBands: ageBands.labels.map((label) => ({
        label,
        count: ageBandPublishing.visible.has(label) ? (ageBandPublishing.counts.get(label) ?? 0) : null
      }))
    },
    reach: redactMatrixIds(source.reach),
    digest: await digestOf(inputs)
  };
  return { brief, inputs };
}

// --- Digest

/** RFC 8785 canonical JSON of the inputs. */
export function canonicalInputs(inputs: BriefInputs): string {
  const text = canonicalize(inputs);
  if (text === undefined) throw new TypeError('brief inputs cannot be canonicalised');
  return text;
}

/** Lowercase hex SHA-256 of canonicalInputs(inputs). */
export async function digestOf(inputs: BriefInputs): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalInputs(inputs));
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of hash) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Whether the brief's digest is the digest of the inputs it is published with. Never throws. */
export async function verifyBriefDocument(doc: BriefDocument): Promise<boolean> {
  try {
    if (doc.brief.consultation.id !== doc.inputs.consultation || doc.brief.consultation.k !== doc.inputs.k) return false;
    return (await digestOf(doc.inputs)) === doc.brief.digest;
  } catch {
    return false;
  }
}

// --- Parsing

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const NullableCount = v.nullable(Count);
const K = v.pipe(v.number(), v.integer(), v.minValue(MIN_K), v.maxValue(Number.MAX_SAFE_INTEGER));
const Text = v.string();

const StanceCountsSchema = v.pipe(
  v.strictObject({ endorse: Count, reservations: Count, object: Count, responses: Count }),
  v.check((c) => c.endorse + c.reservations + c.object === c.responses, 'stances must add up to responses')
);
const Labelled = v.strictObject({ label: Text, count: NullableCount });

const BriefSchema = v.strictObject({
  format: v.literal(BRIEF_FORMAT),
  consultation: v.strictObject({
    id: Text,
    title: Text,
    languages: v.array(Text),
    k: K,
    closedAt: NullableCount,
    publishedAt: Count
  }),
  recommendations: v.array(
    v.strictObject({
      id: Text,
      revision: Count,
      text: Text,
      supportingStatements: v.array(Text),
      support: v.strictObject({
        overall: v.nullable(StanceCountsSchema),
        groups: v.array(v.strictObject({ group: Count, counts: v.nullable(StanceCountsSchema) })),
        constituencies: v.array(v.strictObject({ label: Text, counts: v.nullable(StanceCountsSchema) }))
      })
    })
  ),
  groups: v.array(v.strictObject({ group: Count, size: NullableCount })),
  bridges: v.array(
    v.pipe(
      v.strictObject({
        text: Text,
        consensus: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)),
        agree: Count,
        disagree: Count,
        pass: Count,
        total: Count
      }),
      v.check((b) => b.agree + b.disagree + b.pass === b.total, 'votes must add up to total')
    )
  ),
  quotes: v.array(v.strictObject({ question: Text, text: Text })),
  participation: v.strictObject({
    participants: NullableCount,
    voters: NullableCount,
    votes: NullableCount,
    statements: Count,
    answers: NullableCount,
    constituencies: v.array(Labelled),
    ageBands: v.array(Labelled)
  }),
  reach: Text,
  digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))
});

const InputsSchema = v.pipe(
  v.strictObject({
    format: v.literal(BRIEF_INPUTS_FORMAT),
    consultation: Text,
    k: K,
    statements: v.array(v.strictObject({ id: Text, text: Text })),
    participants: v.array(v.strictObject({ constituency: v.nullable(Text) })),
    votes: v.array(v.strictTuple([Count, Count, v.picklist(VOTE_VALUES)])),
    recommendations: v.array(v.strictObject({ id: Text, revision: Count, text: Text })),
    endorsements: v.array(v.strictTuple([Count, Text, v.picklist(STANCES)]))
  }),
  v.check((i) => {
    const recommendations = new Set(i.recommendations.map((r) => r.id));
    return (
      i.votes.every(([p, s]) => p < i.participants.length && s < i.statements.length) &&
      i.endorsements.every(([p, r]) => p < i.participants.length && recommendations.has(r))
    );
  }, 'inputs refer to unknown participants, statements or recommendations')
);

/** No published figure about fewer than k people. */
function respectsK(brief: Brief): boolean {
  const k = brief.consultation.k;
  const ok = (x: number | null) => x === null || x >= k;
  const cellOk = (c: StanceCounts | null) => c === null || c.responses >= k;
  const p = brief.participation;
  return (
    ok(p.participants) &&
    ok(p.voters) &&
    p.constituencies.every((c) => ok(c.count)) &&
    p.ageBands.every((a) => ok(a.count)) &&
    brief.groups.every((g) => ok(g.size)) &&
    brief.bridges.every((b) => b.total >= k) &&
    brief.recommendations.every(
      (r) =>
        cellOk(r.support.overall) &&
        r.support.groups.every((g) => cellOk(g.counts)) &&
        r.support.constituencies.every((c) => cellOk(c.counts))
    )
  );
}

const BriefDocumentSchema = v.pipe(
  v.strictObject({ brief: BriefSchema, inputs: InputsSchema }),
  v.check(
    (d) => d.brief.consultation.id === d.inputs.consultation && d.brief.consultation.k === d.inputs.k,
    'brief and inputs belong to different consultations'
  ),
  v.check((d) => respectsK(d.brief), 'brief publishes a figure about fewer than k people'),
  // The brief view keys recommendations by id: a repeated one would break it.
  v.check((d) => new Set(d.brief.recommendations.map((r) => r.id)).size === d.brief.recommendations.length, 'a recommendation appears twice')
);

/**
 * Validates a received brief document (a parsed JSON value, or JSON text). Never throws: returns
 * null for anything invalid, including documents over MAX_BRIEF_DOCUMENT_CHARS. Does not check
 * the digest (see verifyBriefDocument).
 */
export function parseBriefDocument(json: unknown): BriefDocument | null {
  try {
    let value = json;
    if (typeof json === 'string') {
      if (json.length > MAX_BRIEF_DOCUMENT_CHARS) return null;
      value = JSON.parse(json);
    } else {
      const text = JSON.stringify(json);
      if (text === undefined || text.length > MAX_BRIEF_DOCUMENT_CHARS) return null;
    }
    const parsed = v.safeParse(BriefDocumentSchema, value);
    if (!parsed.success) return null;
    const doc: BriefDocument = parsed.output;
    return doc;
  } catch {
    return null;
  }
}

// --- Exports

/** Pretty JSON of the whole document (brief and inputs). */
export function briefToJson(doc: BriefDocument): string {
  return JSON.stringify(doc, null, 2);
}

/** Escapes user text for use inside one Markdown line (no raw HTML, links, emphasis or code). */
function markdownInline(text: string): string {
  return text
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A white-space run with a line break becomes one space (`\s*[\r\n]+\s*` took quadratic time on long runs).
    .replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run))
    .trim();
}

/** Escapes multi-line user text as Markdown paragraphs: inline escapes plus block markers at line starts. */
function markdownBlock(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const escaped = markdownInline(line);
      if (/^\d+[.)]/.test(escaped)) return escaped.replace(/^(\d+)([.)])/, '$1\\$2');
      if (/^[#+\-=]/.test(escaped)) return `\\${escaped}`;
      return escaped;
    });
}

/** The brief as Markdown; every word of the layout comes from `labels`. */
export function briefToMarkdown(brief: Brief, labels: BriefLabels): string {
  const md = markdownInline;
  const fewer = md(labels.fewerThanK);
  const figure = (x: number | null) => (x === null ? fewer : String(x));
  const counts = (c: StanceCounts | null) =>
    c === null
      ? fewer
      : `${md(labels.endorse)} ${c.endorse}, ${md(labels.reservations)} ${c.reservations}, ` +
        `${md(labels.object)} ${c.object}, ${md(labels.responses)} ${c.responses}`;
  const groupName = (g: number) => md(labels.group(g + 1));
  const constituencyName = (label: string) => `${md(labels.constituency)} — ${md(label)}`;

  const out: string[] = [`# ${md(labels.title)}: ${md(brief.consultation.title)}`, ''];

  out.push(`## ${md(labels.recommendations)}`, '');
  brief.recommendations.forEach((r, i) => {
    out.push(`### ${i + 1}.`, '', ...markdownBlock(r.text), '');
    if (r.supportingStatements.length > 0) {
      out.push(`**${md(labels.statements)}**`, '');
      for (const s of r.supportingStatements) out.push(`- ${md(s)}`);
      out.push('');
    }
    out.push(`**${md(labels.support)}**`, '');
    out.push(`- ${md(labels.overall)}: ${counts(r.support.overall)}`);
    for (const g of r.support.groups) out.push(`- ${groupName(g.group)}: ${counts(g.counts)}`);
    for (const c of r.support.constituencies) out.push(`- ${constituencyName(c.label)}: ${counts(c.counts)}`);
    out.push('');
  });

  if (brief.bridges.length > 0) {
    out.push(`## ${md(labels.bridges)}`, '');
    brief.bridges.forEach((b, i) => {
      out.push(
        `${i + 1}. ${md(b.text)} — ${md(labels.consensus)} ${b.consensus.toFixed(2)}; ` +
          `${md(labels.agree)} ${b.agree}, ${md(labels.disagree)} ${b.disagree}, ${md(labels.pass)} ${b.pass}, ` +
          `${md(labels.votes)} ${b.total}`
      );
    });
    out.push('');
  }

  if (brief.quotes.length > 0) {
    out.push(`## ${md(labels.quotes)}`, '');
    for (const q of brief.quotes) {
      out.push(`**${md(q.question)}**`, '');
      out.push(...markdownBlock(q.text).map((line) => (line === '' ? '>' : `> ${line}`)), '');
    }
  }

  const p = brief.participation;
  out.push(`## ${md(labels.participation)}`, '');
  out.push(`- ${md(labels.participants)}: ${figure(p.participants)}`);
  out.push(`- ${md(labels.voters)}: ${figure(p.voters)}`);
  out.push(`- ${md(labels.votes)}: ${figure(p.votes)}`);
  out.push(`- ${md(labels.statements)}: ${p.statements}`);
  out.push(`- ${md(labels.answers)}: ${figure(p.answers)}`);
  for (const g of brief.groups) out.push(`- ${groupName(g.group)} — ${md(labels.participants)}: ${figure(g.size)}`);
  for (const c of p.constituencies) out.push(`- ${constituencyName(c.label)}: ${figure(c.count)}`);
  for (const a of p.ageBands) out.push(`- ${md(labels.ageBand)} — ${md(a.label)}: ${figure(a.count)}`);
  out.push('');

  out.push(`## ${md(labels.languages)}`, '', md(brief.consultation.languages.join(', ')), '');
  out.push(`## ${md(labels.reach)}`, '', ...markdownBlock(brief.reach), '');
  out.push(`## ${md(labels.digest)}`, '', `SHA-256: \`${brief.digest.replace(/[^0-9a-f]/g, '')}\``, '');
  return out.join('\n');
}

/** One RFC 4180 field, guarded against spreadsheet formula injection. */
export function csvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The brief as CSV (RFC 4180, CRLF, UTF-8 BOM): columns section, item, measure, value. */
export function briefToCsv(brief: Brief, labels: BriefLabels): string {
  const fewer = labels.fewerThanK;
  const figure = (x: number | null) => (x === null ? fewer : String(x));
  const rows: string[][] = [[labels.section, labels.item, labels.measure, labels.value]];
  rows.push([labels.title, '', labels.title, brief.consultation.title]);
  rows.push([labels.languages, '', labels.languages, brief.consultation.languages.join(', ')]);

  const stances = [
    ['endorse', labels.endorse],
    ['reservations', labels.reservations],
    ['object', labels.object],
    ['responses', labels.responses]
  ] as const;
  const constituencyName = (label: string) => `${labels.constituency} — ${label}`;
  // A recommendation's text is given once and its figures refer to it by number, as in the
  // Markdown: repeated on every figure, a long text made the export too large to build.
  for (const [i, r] of brief.recommendations.entries()) {
    const number = String(i + 1);
    rows.push([labels.recommendations, number, labels.text, r.text]);
    const cells: [string, StanceCounts | null][] = [
      [labels.overall, r.support.overall],
      ...r.support.groups.map((g): [string, StanceCounts | null] => [labels.group(g.group + 1), g.counts]),
      ...r.support.constituencies.map((c): [string, StanceCounts | null] => [constituencyName(c.label), c.counts])
    ];
    for (const [cell, counts] of cells) {
      for (const [key, word] of stances) {
        rows.push([labels.recommendations, number, `${cell} — ${word}`, counts === null ? fewer : String(counts[key])]);
      }
    }
  }

  for (const b of brief.bridges) {
    rows.push([labels.bridges, b.text, labels.consensus, b.consensus.toFixed(4)]);
    rows.push([labels.bridges, b.text, labels.agree, String(b.agree)]);
    rows.push([labels.bridges, b.text, labels.disagree, String(b.disagree)]);
    rows.push([labels.bridges, b.text, labels.pass, String(b.pass)]);
    rows.push([labels.bridges, b.text, labels.votes, String(b.total)]);
  }

  for (const q of brief.quotes) rows.push([labels.quotes, q.question, labels.quotes, q.text]);

  const p = brief.participation;
  rows.push([labels.participation, '', labels.participants, figure(p.participants)]);
  rows.push([labels.participation, '', labels.voters, figure(p.voters)]);
  rows.push([labels.participation, '', labels.votes, figure(p.votes)]);
  rows.push([labels.participation, '', labels.statements, String(p.statements)]);
  rows.push([labels.participation, '', labels.answers, figure(p.answers)]);
  for (const g of brief.groups) rows.push([labels.participation, labels.group(g.group + 1), labels.participants, figure(g.size)]);
  for (const c of p.constituencies) rows.push([labels.participation, constituencyName(c.label), labels.participants, figure(c.count)]);
  for (const a of p.ageBands) rows.push([labels.participation, `${labels.ageBand} — ${a.label}`, labels.participants, figure(a.count)]);

  rows.push([labels.reach, '', labels.reach, brief.reach]);
  rows.push([labels.digest, '', 'SHA-256', brief.digest]);
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
