// Opinion-group clustering of 1,000 participants × 300 statements, computed in a worker thread as
// the app does in a Web Worker: the wall time from posting the votes to receiving the groups, and
// the longest the main thread was blocked meanwhile (serialising the input, receiving and
// deserialising the result, and any event-loop delay sampled around it).
// `node scripts/bench-clustering.ts` runs it on its own; `npm run bench` awaits benchClustering().
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { MessageChannel, Worker, isMainThread, parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { OpinionGroupsInput, Vote, VoteValue } from '../src/lib/consultation/opinion-groups.ts';
import { packOpinionGroupsInput, type OpinionGroupsReply, type OpinionGroupsRequest } from '../src/lib/consultation/opinion-groups-worker.ts';
import { answerOpinionGroupsRequest } from '../src/lib/consultation/opinion-groups.worker.ts';

export const PARTICIPANTS = 1000;
export const STATEMENTS = 300;
/** Share of the statements each participant votes on. */
export const VOTE_SHARE = 0.3;
const CAMPS = 3;
const WARM_UP = 1;
const RUNS = 5;
export const GOAL_WALL_MS = 300;
export const GOAL_BLOCK_MS = 50;

/** mulberry32: a small seeded PRNG, so every run clusters the same votes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Sparse votes with structure: three latent camps, each with its own leaning on every statement
 * (some statements are consensual, most split the camps), plus individual noise and passes. Ids
 * look like Matrix ids and event ids, as in a real consultation.
 */
export function consultationInput(seed = 20240601): OpinionGroupsInput {
  const random = prng(seed);
  const statements = Array.from({ length: STATEMENTS }, (_, j) => `$statement${String(j).padStart(4, '0')}-${Math.floor(random() * 1e12).toString(36)}`);
  // Per camp and statement, the probability of agreeing (when not passing).
  const leaning: number[][] = Array.from({ length: CAMPS }, () => new Array<number>(STATEMENTS).fill(0));
  for (let j = 0; j < STATEMENTS; j++) {
    const consensual = random() < 0.15;
    const shared = random();
    for (let c = 0; c < CAMPS; c++) {
      leaning[c][j] = consensual ? 0.75 + 0.2 * shared : random() < 0.5 ? 0.1 + 0.15 * random() : 0.75 + 0.15 * random();
    }
  }
  const votes: Vote[] = [];
  const order = statements.map((_, j) => j);
  const perParticipant = Math.round(STATEMENTS * VOTE_SHARE);
  for (let i = 0; i < PARTICIPANTS; i++) {
    const participant = `@participant${i}:consultation.example.org`;
    // Camps of unequal size: 45 %, 35 %, 20 %.
    const r = random();
    const camp = r < 0.45 ? 0 : r < 0.8 ? 1 : 2;
    // How strongly this participant follows the camp line.
    const conformity = 0.6 + 0.4 * random();
    // A random 30 % of the statements (partial Fisher–Yates shuffle).
    for (let n = 0; n < perParticipant; n++) {
      const pick = n + Math.floor(random() * (STATEMENTS - n));
      [order[n], order[pick]] = [order[pick], order[n]];
      const j = order[n];
      let value: VoteValue;
      if (random() < 0.1) value = 'pass';
      else {
        const p = random() < conformity ? leaning[camp][j] : 0.5;
        value = random() < p ? 'agree' : 'disagree';
      }
      votes.push({ participant, statement: statements[j], value });
    }
  }
  return { statements, votes, moderatedOut: statements.slice(0, 3), minGroupSize: 5 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

export interface ClusteringFigures {
  clustering1000x300Ms: number;
  clusteringMainThreadBlockMs: number;
}

/** One measured round trip: wall time, and the longest synchronous main-thread step within it. */
interface Run {
  wallMs: number;
  packMs: number;
  postMs: number;
  receiveMs: number;
  loopDelayMs: number;
  groups: number;
}

/**
 * The worker posts each result on a dedicated port that has no listener, then a tiny "ready"
 * note on its parent port; the main thread then takes the result with receiveMessageOnPort, so
 * the time of that call is exactly the time spent receiving and deserialising the result.
 */
async function measure(worker: Worker, results: MessagePort, input: OpinionGroupsInput, id: number): Promise<Run> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  // Let the sampling timer start before the measured round trip.
  await new Promise((resolve) => setTimeout(resolve, 5));
  return new Promise<Run>((resolve, reject) => {
    let packMs = 0;
    let postMs = 0;
    const onError = (error: Error) => {
      loop.disable();
      reject(error);
    };
    const onReady = (note: { id: number }) => {
      if (note.id !== id) return;
      const receivedAt = performance.now();
      const message = receiveMessageOnPort(results);
      const receiveMs = performance.now() - receivedAt;
      const wallMs = performance.now() - startedAt;
      worker.off('message', onReady);
      worker.off('error', onError);
      const reply = message?.message as OpinionGroupsReply | undefined;
      if (!reply || reply.id !== id) return onError(new Error(`no result for request ${id}`));
      if ('error' in reply) return onError(new Error(reply.error));
      const groups = reply.result.groups.length;
      // One more tick, so a delay caused by the receipt itself is sampled too.
      setTimeout(() => {
        loop.disable();
        resolve({ wallMs, packMs, postMs, receiveMs, loopDelayMs: loop.max / 1e6, groups });
      }, 2);
    };
    worker.on('message', onReady);
    worker.on('error', onError);
    // As computeOpinionGroupsInWorker does: pack, then post with the vote arrays transferred.
    const startedAt = performance.now();
    const { packed, transfer } = packOpinionGroupsInput(input);
    const packedAt = performance.now();
    worker.postMessage({ id, input: packed } satisfies OpinionGroupsRequest, transfer);
    packMs = packedAt - startedAt;
    postMs = performance.now() - packedAt;
  });
}

export async function benchClustering(log: (line: string) => void = console.log): Promise<ClusteringFigures> {
  const input = consultationInput();
  const { port1, port2 } = new MessageChannel();
  // This file is the worker too (see the end); `--input-type` (for `node -e`) cannot apply to a file.
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
  const worker = new Worker(new URL(import.meta.url), { workerData: { port: port1 }, transferList: [port1], execArgv });
  try {
    const runs: Run[] = [];
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      const run = await measure(worker, port2, input, i);
      if (i >= WARM_UP) runs.push(run);
    }
    const walls = runs.map((r) => r.wallMs);
    const pack = Math.max(...runs.map((r) => r.packMs));
    const post = Math.max(...runs.map((r) => r.postMs));
    const send = Math.max(...runs.map((r) => r.packMs + r.postMs));
    const receive = Math.max(...runs.map((r) => r.receiveMs));
    const loopDelay = Math.max(...runs.map((r) => r.loopDelayMs));
    const wall = median(walls);
    const block = Math.max(send, receive, loopDelay);
    log(
      `clustering ${PARTICIPANTS}×${STATEMENTS} (${input.votes.length} votes, ${runs[0].groups} groups) in a worker: ` +
        `median ${round1(wall)} ms (min ${round1(Math.min(...walls))}, max ${round1(Math.max(...walls))}, ${RUNS} runs after ${WARM_UP} warm-up); ` +
        `goal ≤ ${GOAL_WALL_MS} ms${wall <= GOAL_WALL_MS ? '' : ' NOT MET'} ` +
        `(machine load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs)`
    );
    log(
      `clustering main-thread block: ${round1(block)} ms (pack+postMessage ${round1(send)}: pack ${round1(pack)}, postMessage ${round1(post)}; receive+deserialise ${round1(receive)}; ` +
        `event-loop delay max ${round1(loopDelay)} at 1 ms resolution); goal ≤ ${GOAL_BLOCK_MS} ms${block <= GOAL_BLOCK_MS ? '' : ' NOT MET'}`
    );
    return { clustering1000x300Ms: Math.round(wall), clusteringMainThreadBlockMs: round1(block) };
  } finally {
    port2.close();
    await worker.terminate();
  }
}

// The worker side: the same file, run by the Worker above.
if (!isMainThread && parentPort) {
  const parent = parentPort;
  const results = (workerData as { port: MessagePort }).port;
  // What opinion-groups.worker.ts does in the browser, with the result on the dedicated port.
  parent.on('message', (request: OpinionGroupsRequest) => {
    results.postMessage(answerOpinionGroupsRequest(request));
    parent.postMessage({ id: request.id });
  });
} else if (import.meta.filename === process.argv[1]) {
  const figures = await benchClustering();
  console.log(JSON.stringify(figures));
}
