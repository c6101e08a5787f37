// Pure opinion-group math for Pol.is-style consultations (PCA, k-means, repness, consensus).
// Deterministic: no randomness; all initial values follow fixed rules.

/** A vote value as cast by a participant. */
export type VoteValue = 'agree' | 'disagree' | 'pass';

/** One vote: participant id, statement id, value. */
export interface Vote {
  participant: string;
  statement: string;
  value: VoteValue;
}

/** A point in the 2-D opinion space. */
export interface Point2D {
  x: number;
  y: number;
}

/** Agree/disagree/pass counts of a set of participants on one statement. */
export interface Tally {
  agree: number;
  disagree: number;
  pass: number;
}

/** One-sided 90 % significance threshold for the z-tests. */
export const SIGNIFICANCE_Z = 1.2816;

/** Smallest allowed value of the small-group protection threshold. */
export const MIN_GROUP_SIZE_FLOOR = 3;

/** Default small-group protection threshold. */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** Number of top statements kept per list (repness, consensus, divisive). */
export const TOP_N = 5;

/** Numeric encoding of a vote: agree = -1, disagree = +1, pass = 0. */
export function voteToNumber(value: VoteValue): number {
  return value === 'agree' ? -1 : value === 'disagree' ? 1 : 0;
}

/** Participants × statements vote matrix (null = unseen; moderated columns are 0). */
export interface VoteMatrix {
  participants: string[];
  statements: string[];
  moderated: boolean[];
  rows: (number | null)[][];
  /** Per participant, which columns hold a real (counted) vote. */
  voted: boolean[][];
  /** Per participant, number of counted votes (moderated statements excluded). */
  voteCounts: number[];
}

/** Builds the vote matrix; the last vote of a participant on a statement wins, unknown statements are ignored. */
export function buildVoteMatrix(
  statements: string[],
  votes: Vote[],
  moderatedOut: string[] = []
): VoteMatrix {
  const width = statements.length;
  const colOf = new Map<string, number>();
  for (let j = 0; j < width; j++) if (!colOf.has(statements[j])) colOf.set(statements[j], j);
  const modSet = new Set(moderatedOut);
  const moderated = statements.map((s) => modSet.has(s));
  const rowOf = new Map<string, number>();
  const participants: string[] = [];
  // The latest vote per cell, already as a number (null = unseen); moderated columns are set below.
  const rows: (number | null)[][] = [];
  // Votes usually come grouped by participant: skip the look-up while the participant repeats.
  let lastParticipant: string | undefined;
  let lastRow: (number | null)[] = [];
  for (const v of votes) {
    const j = colOf.get(v.statement);
    if (j === undefined) continue;
    if (v.participant !== lastParticipant || participants.length === 0) {
      let i = rowOf.get(v.participant);
      if (i === undefined) {
        i = participants.length;
        rowOf.set(v.participant, i);
        participants.push(v.participant);
        rows.push(new Array<number | null>(width).fill(null));
      }
      lastParticipant = v.participant;
      lastRow = rows[i];
    }
    lastRow[j] = v.value === null ? null : voteToNumber(v.value);
  }
  const voted: boolean[][] = [];
  const voteCounts: number[] = [];
  for (const row of rows) {
    const mask = new Array<boolean>(width).fill(false);
    let count = 0;
    for (let j = 0; j < width; j++) {
      if (moderated[j]) row[j] = 0;
      else if (row[j] !== null) {
        mask[j] = true;
        count++;
      }
    }
    voted.push(mask);
    voteCounts.push(count);
  }
  return { participants, statements, moderated, rows, voted, voteCounts };
}

/** Indices (in participant order) of participants "in conversation": ≥ min(7, #statements) votes, filled up to `minimumTotal` by heaviest voters. */
export function selectClusteredParticipants(
  participants: string[],
  voteCounts: number[],
  statementCount: number,
  minimumTotal = 15
): number[] {
  const threshold = Math.min(7, statementCount);
  const chosen = new Set<number>();
  voteCounts.forEach((c, i) => {
    if (c >= threshold) chosen.add(i);
  });
  if (chosen.size < minimumTotal) {
    const rest = participants
      .map((_, i) => i)
      .filter((i) => !chosen.has(i))
      .sort(
        (a, b) =>
          voteCounts[b] - voteCounts[a] ||
          (participants[a] < participants[b] ? -1 : participants[a] > participants[b] ? 1 : 0)
      );
    for (const i of rest) {
      if (chosen.size >= minimumTotal) break;
      chosen.add(i);
    }
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Result of the 2-component PCA: column centre and two orthonormal (or zero) components. */
export interface PcaResult {
  center: number[];
  components: [number[], number[]];
}

const EPS = 1e-10;

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function norm(a: number[]): number {
  return Math.sqrt(dot(a, a));
}

function orthogonalise(v: number[], against: number[][]): number[] {
  const out = v.slice();
  for (const o of against) {
    const d = dot(out, o);
    for (let i = 0; i < out.length; i++) out[i] -= d * o[i];
  }
  return out;
}

function normalise(v: number[]): number[] | null {
  const n = norm(v);
  return n < EPS ? null : v.map((x) => x / n);
}

/** acc + Σ values[k]·x[index[k]] for k from `from` to `to`−1, added strictly in k order. */
function rangeSum(
  acc: number,
  from: number,
  to: number,
  index: Int32Array,
  values: Float64Array,
  x: Float64Array
): number {
  for (let k = from; k < to; k++) acc += values[k] * x[index[k]];
  return acc;
}

/**
 * Sparse matrix × vector, one sum per segment: out[s] = Σ values[k]·x[index[k]] for k from start[s]
 * to start[s+1]−1, each summed strictly in k order (so bit-identical to a plain loop). Four segments
 * are summed side by side, which lets the CPU overlap their otherwise serial additions; so the
 * number of segments (out.length) must be a multiple of 4 (pad with empty segments).
 */
function segmentSums(
  start: Int32Array,
  index: Int32Array,
  values: Float64Array,
  x: Float64Array,
  out: Float64Array
): void {
  const segments = out.length;
  for (let s = 0; s < segments; s += 4) {
    const a0 = start[s];
    const a1 = start[s + 1];
    const a2 = start[s + 2];
    const a3 = start[s + 3];
    const e3 = start[s + 4];
    const common = Math.min(a1 - a0, a2 - a1, a3 - a2, e3 - a3);
    let u0 = 0;
    let u1 = 0;
    let u2 = 0;
    let u3 = 0;
    for (let k = 0; k < common; k++) {
      u0 += values[a0 + k] * x[index[a0 + k]];
      u1 += values[a1 + k] * x[index[a1 + k]];
      u2 += values[a2 + k] * x[index[a2 + k]];
      u3 += values[a3 + k] * x[index[a3 + k]];
    }
    out[s] = rangeSum(u0, a0 + common, a1, index, values, x);
    out[s + 1] = rangeSum(u1, a1 + common, a2, index, values, x);
    out[s + 2] = rangeSum(u2, a2 + common, a3, index, values, x);
    out[s + 3] = rangeSum(u3, a3 + common, e3, index, values, x);
  }
}

/**
 * As segmentSums, for sums of looked-up products: out[s] = Σ products[term[k]] for k from start[s]
 * to start[s+1]−1, strictly in k order; out.length must be a multiple of 4.
 */
function termSums(start: Int32Array, term: Int32Array, products: Float64Array, out: Float64Array): void {
  const segments = out.length;
  for (let s = 0; s < segments; s += 4) {
    const a0 = start[s];
    const a1 = start[s + 1];
    const a2 = start[s + 2];
    const a3 = start[s + 3];
    const e3 = start[s + 4];
    const common = Math.min(a1 - a0, a2 - a1, a3 - a2, e3 - a3);
    let u0 = 0;
    let u1 = 0;
    let u2 = 0;
    let u3 = 0;
    for (let k = 0; k < common; k++) {
      u0 += products[term[a0 + k]];
      u1 += products[term[a1 + k]];
      u2 += products[term[a2 + k]];
      u3 += products[term[a3 + k]];
    }
    out[s] = termRangeSum(u0, a0 + common, a1, term, products);
    out[s + 1] = termRangeSum(u1, a1 + common, a2, term, products);
    out[s + 2] = termRangeSum(u2, a2 + common, a3, term, products);
    out[s + 3] = termRangeSum(u3, a3 + common, e3, term, products);
  }
}

/** acc + Σ products[term[k]] for k from `from` to `to`−1, added strictly in k order. */
function termRangeSum(acc: number, from: number, to: number, term: Int32Array, products: Float64Array): number {
  for (let k = from; k < to; k++) acc += products[term[k]];
  return acc;
}

/** n rounded up to a multiple of 4. */
function padded(n: number): number {
  return Math.ceil(n / 4) * 4;
}

/**
 * Two principal components by power iteration with Gram–Schmidt deflation (missing values → column mean).
 *
 * The centred matrix X is kept sparse, once by row and once by column: a missing vote centres to
 * exactly 0, and a zero term changes nothing in a floating-point sum that starts at +0 (such a sum
 * is never −0). So computing Xᵀ(X·v) as row sums u = X·v, then, per column, Σ over rows in order
 * of u[i]·X[i][j], gives bit-identical results to the dense row-by-row accumulation, in a fraction
 * of the time.
 */
export function pca(rows: (number | null)[][], columns: number, iterations = 100): PcaResult {
  const n = rows.length;
  const sums = new Float64Array(columns);
  const counts = new Int32Array(columns);
  for (const r of rows) {
    for (let j = 0; j < columns; j++) {
      const v = r[j];
      if (v !== null && v !== undefined) {
        sums[j] += v;
        counts[j]++;
      }
    }
  }
  const center: number[] = [];
  for (let j = 0; j < columns; j++) center.push(counts[j] > 0 ? sums[j] / counts[j] : 0);
  // Non-zeros of X by row (compressed sparse row, columns ascending) …
  const rowStart = new Int32Array(padded(n) + 1);
  const colCount = new Int32Array(columns);
  const cols: number[] = [];
  const vals: number[] = [];
  // … each as a "term": one per distinct (column, value), so that X·v can add up products
  // X[i][j]·v[j] computed once per term (a column of votes has at most three values).
  const terms: number[] = [];
  const termCol: number[] = [];
  const termVal: number[] = [];
  const voteTerm = new Int32Array(columns * 3).fill(-1);
  const otherTerm: (Map<number, number> | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    for (let j = 0; j < columns; j++) {
      const c = center[j];
      const x = r[j];
      const d = (x ?? c) - c;
      if (d !== 0) {
        cols.push(j);
        vals.push(d);
        colCount[j]++;
        // d ≠ 0, so x is a number.
        const value = x as number;
        const slot = value === -1 || value === 0 || value === 1 ? j * 3 + value + 1 : -1;
        let t = slot >= 0 ? voteTerm[slot] : ((otherTerm[j] ??= new Map()).get(value) ?? -1);
        if (t < 0) {
          t = termVal.length;
          termCol.push(j);
          termVal.push(d);
          if (slot >= 0) voteTerm[slot] = t;
          else otherTerm[j]!.set(value, t);
        }
        terms.push(t);
      }
    }
    rowStart[i + 1] = cols.length;
  }
  rowStart.fill(cols.length, n + 1);
  const rowCols = Int32Array.from(cols);
  const rowVals = Float64Array.from(vals);
  const rowTerms = Int32Array.from(terms);
  const products = new Float64Array(termVal.length);
  // … and by column (compressed sparse column, rows ascending).
  const colStart = new Int32Array(padded(columns) + 1);
  for (let j = 0; j < columns; j++) colStart[j + 1] = colStart[j] + colCount[j];
  colStart.fill(colStart[columns], columns + 1);
  const next = colStart.slice(0, columns);
  const colRows = new Int32Array(rowVals.length);
  const colVals = new Float64Array(rowVals.length);
  for (let i = 0; i < n; i++) {
    for (let k = rowStart[i]; k < rowStart[i + 1]; k++) {
      const p = next[rowCols[k]]++;
      colRows[p] = i;
      colVals[p] = rowVals[k];
    }
  }
  const u = new Float64Array(padded(n));
  const out = new Float64Array(padded(columns));
  const covTimes = (v: number[]): number[] => {
    for (let t = 0; t < products.length; t++) products[t] = termVal[t] * v[termCol[t]];
    termSums(rowStart, rowTerms, products, u);
    segmentSums(colStart, colRows, colVals, u, out);
    return Array.from(out.subarray(0, columns));
  };
  const power = (start: number[], against: number[][]): number[] => {
    // Fallback starts (unit vectors) when the preferred start lies in the null space.
    for (let s = -1; s < columns; s++) {
      let e = start;
      if (s >= 0) {
        e = new Array<number>(columns).fill(0);
        e[s] = 1;
      }
      let v = normalise(orthogonalise(e, against));
      if (!v) continue;
      let ok = true;
      for (let it = 0; it < iterations; it++) {
        const w = normalise(orthogonalise(covTimes(v), against));
        if (!w) {
          ok = false;
          break;
        }
        v = w;
      }
      if (ok) return v;
    }
    return new Array<number>(columns).fill(0);
  };
  const pc1 = power(new Array<number>(columns).fill(1), []);
  const alternating = Array.from({ length: columns }, (_, j) => (j % 2 === 0 ? 1 : -1));
  const pc2 = power(alternating, norm(pc1) > 0 ? [pc1] : []);
  return { center, components: [pc1, pc2] };
}

/** Sparsity-aware projection of one participant onto the components, scaled by sqrt(#statements / #votes). */
export function projectParticipant(
  row: (number | null)[],
  voted: boolean[],
  result: PcaResult
): Point2D {
  const { center, components } = result;
  let x = 0;
  let y = 0;
  let count = 0;
  for (let j = 0; j < center.length; j++) {
    if (!voted[j]) continue;
    const d = (row[j] ?? center[j]) - center[j];
    x += d * components[0][j];
    y += d * components[1][j];
    count++;
  }
  const scale = Math.sqrt(center.length / Math.max(count, 1));
  return { x: x * scale, y: y * scale };
}

/** Result of k-means: non-empty clusters' centres, per-point cluster index and per-cluster total weight. */
export interface KMeansResult {
  centers: Point2D[];
  assignment: number[];
  weights: number[];
}

function dist2(a: Point2D, b: Point2D): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return dx * dx + dy * dy;
}

/** Distinct points in first-occurrence order. */
export function distinctPoints(points: Point2D[]): Point2D[] {
  const seen = new Set<string>();
  const out: Point2D[] = [];
  for (const p of points) {
    const key = `${p.x},${p.y}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ x: p.x, y: p.y });
    }
  }
  return out;
}

function nearest(p: Point2D, centers: Point2D[]): number {
  let best = 0;
  let bestD = Infinity;
  centers.forEach((c, i) => {
    const d = dist2(p, c);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** Weighted k-means (initial centres: first k distinct points; stops when centres move < tolerance or after maxIterations); empty clusters are dropped. */
export function kmeans(
  points: Point2D[],
  k: number,
  weights?: number[],
  maxIterations = 100,
  tolerance = 0.01
): KMeansResult {
  if (points.length === 0 || k < 1) return { centers: [], assignment: [], weights: [] };
  const w = weights ?? points.map(() => 1);
  let centers = distinctPoints(points).slice(0, k);
  let assignment = points.map((p) => nearest(p, centers));
  for (let it = 0; it < maxIterations; it++) {
    const sx = centers.map(() => 0);
    const sy = centers.map(() => 0);
    const sw = centers.map(() => 0);
    points.forEach((p, i) => {
      const c = assignment[i];
      sx[c] += w[i] * p.x;
      sy[c] += w[i] * p.y;
      sw[c] += w[i];
    });
    const next = centers.map((c, i) => (sw[i] > 0 ? { x: sx[i] / sw[i], y: sy[i] / sw[i] } : c));
    let moved = 0;
    next.forEach((c, i) => {
      moved = Math.max(moved, Math.sqrt(dist2(c, centers[i])));
    });
    centers = next;
    assignment = points.map((p) => nearest(p, centers));
    if (moved < tolerance) break;
  }
  const totals = centers.map(() => 0);
  const used = centers.map(() => false);
  assignment.forEach((c, i) => {
    used[c] = true;
    totals[c] += w[i];
  });
  const remap: number[] = [];
  const outCenters: Point2D[] = [];
  const outWeights: number[] = [];
  centers.forEach((c, i) => {
    if (used[i]) {
      remap[i] = outCenters.length;
      outCenters.push(c);
      outWeights.push(totals[i]);
    }
  });
  return { centers: outCenters, assignment: assignment.map((c) => remap[c]), weights: outWeights };
}

/** Mean silhouette of a clustering; with weights, each point stands for `weight` coincident members. */
export function silhouette(points: Point2D[], assignment: number[], weights?: number[]): number {
  const w = weights ?? points.map(() => 1);
  const clusters = [...new Set(assignment)];
  if (clusters.length < 2) return 0;
  const clusterWeight = new Map<number, number>();
  assignment.forEach((c, i) => clusterWeight.set(c, (clusterWeight.get(c) ?? 0) + w[i]));
  let total = 0;
  let totalW = 0;
  points.forEach((p, i) => {
    const own = assignment[i];
    const sums = new Map<number, number>();
    points.forEach((q, j) => {
      if (j === i) return;
      const d = Math.sqrt(dist2(p, q));
      sums.set(assignment[j], (sums.get(assignment[j]) ?? 0) + w[j] * d);
    });
    const ownW = clusterWeight.get(own) ?? 0;
    let s = 0;
    if (ownW - 1 > 0) {
      const a = (sums.get(own) ?? 0) / (ownW - 1);
      let b = Infinity;
      for (const c of clusters) {
        if (c === own) continue;
        b = Math.min(b, (sums.get(c) ?? 0) / (clusterWeight.get(c) ?? 1));
      }
      const m = Math.max(a, b);
      s = m > 0 ? (b - a) / m : 0;
    }
    total += w[i] * s;
    totalW += w[i];
  });
  return totalW > 0 ? total / totalW : 0;
}

/** Group index per point: base k-means (k ≤ 100), then weighted k-means for k = 2…5 chosen by silhouette. */
export function clusterPoints(points: Point2D[]): number[] {
  if (points.length === 0) return [];
  const base = kmeans(points, Math.min(100, distinctPoints(points).length));
  const nBase = base.centers.length;
  const distinctBase = distinctPoints(base.centers).length;
  if (distinctBase < 2) return points.map(() => 0);
  const maxK = Math.min(5, 2 + Math.floor(nBase / 12), distinctBase);
  let best: KMeansResult | null = null;
  let bestScore = -Infinity;
  for (let k = 2; k <= maxK; k++) {
    const r = kmeans(base.centers, k, base.weights);
    const s = silhouette(base.centers, r.assignment, base.weights);
    if (s > bestScore) {
      bestScore = s;
      best = r;
    }
  }
  const chosen = best as KMeansResult;
  return base.assignment.map((b) => chosen.assignment[b]);
}

/** One-proportion z-statistic with pseudocount: 2·sqrt(n+1)·((s+1)/(n+1) − 0.5). */
export function oneProportionZ(successes: number, n: number): number {
  return 2 * Math.sqrt(n + 1) * ((successes + 1) / (n + 1) - 0.5);
}

/** Two-proportion z-statistic of (s1+1)/(n1+1) vs (s2+1)/(n2+1); 0 when the pooled proportion is 1. */
export function twoProportionZ(s1: number, n1: number, s2: number, n2: number): number {
  const a = s1 + 1;
  const b = s2 + 1;
  const m = n1 + 1;
  const n = n2 + 1;
  const p1 = a / m;
  const p2 = b / n;
  const pooled = (a + b) / (m + n);
  if (pooled >= 1) return 0;
  const v = pooled * (1 - pooled) * (1 / m + 1 / n);
  if (!(v > 0)) return 0;
  return (p1 - p2) / Math.sqrt(v);
}

/** Whether a z-statistic is significant at 90 % (one-sided). */
export function isSignificant(z: number): boolean {
  return z > SIGNIFICANCE_Z;
}

/** Total votes (including pass) in a tally. */
export function tallyTotal(t: Tally): number {
  return t.agree + t.disagree + t.pass;
}

/** Representativeness scores of a statement for a group versus all other groups. */
export interface RepnessScores {
  pa: number;
  pat: number;
  ra: number;
  rat: number;
  pd: number;
  pdt: number;
  rd: number;
  rdt: number;
}

/** Computes pa/pat/ra/rat and pd/pdt/rd/rdt for a group tally against the summed other groups' tally. */
export function repnessScores(group: Tally, other: Tally): RepnessScores {
  const ns = tallyTotal(group);
  const no = tallyTotal(other);
  const pa = (group.agree + 1) / (ns + 2);
  const pd = (group.disagree + 1) / (ns + 2);
  return {
    pa,
    pat: oneProportionZ(group.agree, ns),
    ra: pa / ((1 + other.agree) / (2 + no)),
    rat: twoProportionZ(group.agree, ns, other.agree, no),
    pd,
    pdt: oneProportionZ(group.disagree, ns),
    rd: pd / ((1 + other.disagree) / (2 + no)),
    rdt: twoProportionZ(group.disagree, ns, other.disagree, no)
  };
}

/** A representative statement of a group, with direction and scores. */
export interface RepresentativeStatement {
  statement: string;
  direction: 'agree' | 'disagree';
  /** Share of the group voting this way, (n+1)/(ns+2). */
  p: number;
  pTest: number;
  repness: number;
  repnessTest: number;
  /** repness × repnessTest × p × pTest. */
  score: number;
}

/** Decides whether a statement is representative for a group and in which direction (null if not). */
export function representativeness(
  statement: string,
  group: Tally,
  other: Tally
): RepresentativeStatement | null {
  const r = repnessScores(group, other);
  const agreeOk = isSignificant(r.rat) && isSignificant(r.pat);
  const disagreeOk = isSignificant(r.rdt) && isSignificant(r.pdt);
  if (!agreeOk && !disagreeOk) return null;
  const agree = agreeOk && (!disagreeOk || r.rat > r.rdt);
  const [p, pTest, repness, repnessTest] = agree
    ? [r.pa, r.pat, r.ra, r.rat]
    : [r.pd, r.pdt, r.rd, r.rdt];
  return {
    statement,
    direction: agree ? 'agree' : 'disagree',
    p,
    pTest,
    repness,
    repnessTest,
    score: repness * repnessTest * p * pTest
  };
}

/** A statement with majority support (agree or disagree) over everyone. */
export interface MajorityStatement {
  statement: string;
  p: number;
  pTest: number;
}

/** Majority consensus: statements with p > 0.5 and significant p-test, top 5 by p·pTest, per direction. */
export function majorityConsensus(
  statements: string[],
  tallies: Tally[]
): { agree: MajorityStatement[]; disagree: MajorityStatement[] } {
  const pick = (key: 'agree' | 'disagree'): MajorityStatement[] => {
    const out: { m: MajorityStatement; i: number }[] = [];
    statements.forEach((s, i) => {
      const t = tallies[i];
      const ns = tallyTotal(t);
      const p = (t[key] + 1) / (ns + 2);
      const pTest = oneProportionZ(t[key], ns);
      if (p > 0.5 && isSignificant(pTest)) out.push({ m: { statement: s, p, pTest }, i });
    });
    out.sort((a, b) => b.m.p * b.m.pTest - a.m.p * a.m.pTest || a.i - b.i);
    return out.slice(0, TOP_N).map((o) => o.m);
  };
  return { agree: pick('agree'), disagree: pick('disagree') };
}

/** Group-aware consensus of a statement: ∏ over groups of (agree+1)/(total+2). */
export function groupAwareConsensus(groupTallies: Tally[]): number {
  return groupTallies.reduce((acc, t) => acc * ((t.agree + 1) / (tallyTotal(t) + 2)), 1);
}

/** Spread (max − min) across groups of the agree share (agree+1)/(total+2). */
export function agreeSpread(groupTallies: Tally[]): number {
  if (groupTallies.length === 0) return 0;
  const shares = groupTallies.map((t) => (t.agree + 1) / (tallyTotal(t) + 2));
  return Math.max(...shares) - Math.min(...shares);
}

/** A group in the result: visible (size ≥ minGroupSize) or suppressed with no figures. */
export type OpinionGroup =
  | {
      id: number;
      suppressed: false;
      /** Number of member participants. */
      size: number;
      representative: RepresentativeStatement[];
    }
  | { id: number; size: null; suppressed: true };

/** An anonymous participant point (keyed by index, not id); group is null for suppressed groups. */
export interface AnonymousPoint {
  index: number;
  x: number;
  y: number;
  group: number | null;
}

/** Full output of computeOpinionGroups. */
export interface OpinionGroupsResult {
  /** Effective small-group threshold (≥ 3). */
  minGroupSize: number;
  /** Number of clustered ("in conversation") participants. */
  clusteredCount: number;
  /** Anonymous 2-D points, sorted by (x, y). */
  points: AnonymousPoint[];
  /** Participant id → group id (all clustered participants). Private to the caller: never publish. */
  membership: Map<string, number>;
  groups: OpinionGroup[];
  /** All active statements by group-aware consensus over visible groups, descending. */
  bridgeStatements: { statement: string; consensus: number }[];
  majority: { agree: MajorityStatement[]; disagree: MajorityStatement[] };
  divisiveStatements: { statement: string; spread: number }[];
  /** Per active statement, counts for each visible group. */
  statementCounts: { statement: string; groups: ({ group: number } & Tally)[] }[];
}

/** Input of computeOpinionGroups. */
export interface OpinionGroupsInput {
  statements: string[];
  votes: Vote[];
  moderatedOut?: string[];
  minGroupSize?: number;
}

function emptyTally(): Tally {
  return { agree: 0, disagree: 0, pass: 0 };
}

function addVote(t: Tally, v: number): void {
  if (v < 0) t.agree++;
  else if (v > 0) t.disagree++;
  else t.pass++;
}

function sumTallies(ts: Tally[]): Tally {
  const out = emptyTally();
  for (const t of ts) {
    out.agree += t.agree;
    out.disagree += t.disagree;
    out.pass += t.pass;
  }
  return out;
}

/** Computes opinion groups, representative/bridge/majority/divisive statements with small-group protection. */
export function computeOpinionGroups(input: OpinionGroupsInput): OpinionGroupsResult {
  const k = Math.max(
    MIN_GROUP_SIZE_FLOOR,
    Math.floor(
      Number.isFinite(input.minGroupSize) ? (input.minGroupSize as number) : DEFAULT_MIN_GROUP_SIZE
    )
  );
  const m = buildVoteMatrix(input.statements, input.votes, input.moderatedOut ?? []);
  const activeCols = m.statements.map((_, j) => j).filter((j) => !m.moderated[j]);
  const activeStatements = activeCols.map((j) => m.statements[j]);

  const clustered = selectClusteredParticipants(
    m.participants,
    m.voteCounts,
    activeCols.length
  );
  const result = pca(
    clustered.map((i) => m.rows[i]),
    m.statements.length
  );
  const pts = clustered.map((i) => projectParticipant(m.rows[i], m.voted[i], result));
  const assignment = clusterPoints(pts);
  const groupCount = assignment.length === 0 ? 0 : Math.max(...assignment) + 1;

  const sizes = new Array<number>(groupCount).fill(0);
  assignment.forEach((g) => sizes[g]++);
  const visible = sizes.map((s) => s >= k);

  const membership = new Map<string, number>();
  clustered.forEach((i, idx) => membership.set(m.participants[i], assignment[idx]));

  // Tallies per group (all groups) and over everyone, active statements only.
  const groupTallies: Tally[][] = sizes.map(() => activeCols.map(() => emptyTally()));
  const addVotes = (i: number, tallies: Tally[]) => {
    const row = m.rows[i];
    const mask = m.voted[i];
    for (let c = 0; c < activeCols.length; c++) {
      const j = activeCols[c];
      const v = row[j];
      if (mask[j] && v !== null) addVote(tallies[c], v);
    }
  };
  for (let idx = 0; idx < clustered.length; idx++) addVotes(clustered[idx], groupTallies[assignment[idx]]);
  const everyone: Tally[] = activeCols.map(() => emptyTally());
  const population = m.participants.length;
  if (population >= k) {
    for (let i = 0; i < population; i++) addVotes(i, everyone);
  }

  const visibleIds = sizes.map((_, g) => g).filter((g) => visible[g]);

  const groups: OpinionGroup[] = sizes.map((size, g) => {
    if (!visible[g]) return { id: g, size: null, suppressed: true };
    const reps: { r: RepresentativeStatement; c: number }[] = [];
    activeStatements.forEach((s, c) => {
      const other = sumTallies(
        groupTallies.filter((_, h) => h !== g).map((ts) => ts[c])
      );
      const r = representativeness(s, groupTallies[g][c], other);
      if (r) reps.push({ r, c });
    });
    reps.sort((a, b) => b.r.score - a.r.score || a.c - b.c);
    return {
      id: g,
      suppressed: false,
      size,
      representative: reps.slice(0, TOP_N).map((x) => x.r)
    };
  });

  const bridgeStatements =
    visibleIds.length === 0
      ? []
      : activeStatements
          .map((s, c) => ({
            statement: s,
            consensus: groupAwareConsensus(visibleIds.map((g) => groupTallies[g][c])),
            c
          }))
          .sort((a, b) => b.consensus - a.consensus || a.c - b.c)
          .map(({ statement, consensus }) => ({ statement, consensus }));

  const divisiveStatements =
    visibleIds.length < 2
      ? []
      : activeStatements
          .map((s, c) => ({
            statement: s,
            spread: agreeSpread(visibleIds.map((g) => groupTallies[g][c])),
            c
          }))
          .sort((a, b) => b.spread - a.spread || a.c - b.c)
          .slice(0, TOP_N)
          .map(({ statement, spread }) => ({ statement, spread }));

  const majority =
    population >= k
      ? majorityConsensus(activeStatements, everyone)
      : { agree: [], disagree: [] };

  const statementCounts = activeStatements.map((s, c) => ({
    statement: s,
    groups: visibleIds.map((g) => ({ group: g, ...groupTallies[g][c] }))
  }));

  const points: AnonymousPoint[] = pts
    .map((p, idx) => ({ x: p.x, y: p.y, group: visible[assignment[idx]] ? assignment[idx] : null }))
    .sort((a, b) => a.x - b.x || a.y - b.y)
    .map((p, index) => ({ index, ...p }));

  return {
    minGroupSize: k,
    clusteredCount: clustered.length,
    points,
    membership,
    groups,
    bridgeStatements,
    majority,
    divisiveStatements,
    statementCounts
  };
}
