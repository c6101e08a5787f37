// Main-thread client of the opinion-groups Web Worker (opinion-groups.worker.ts): the clustering
// math of a large consultation runs off the main thread, and its code loads only with the worker.
// Where there is no Worker (server-side rendering, Node), it computes on this thread instead.
import type { OpinionGroupsInput, OpinionGroupsResult } from './opinion-groups.ts';

/**
 * The input as posted to the worker. Posting 90,000 `{ participant, statement, value }` objects
 * means serialising every id string again for every vote (≈ 70 ms on the main thread for 1,000 ×
 * 300); here each id is sent once, and the votes travel as typed arrays that are transferred,
 * not copied. Unpacked in the worker into exactly the same votes, in the same order.
 */
export interface PackedOpinionGroupsInput {
  statements: string[];
  moderatedOut?: string[];
  minGroupSize?: number;
  /** Distinct participant ids of the votes, in order of first appearance. */
  participantIds: string[];
  /** Distinct statement ids of the votes (known or not), in order of first appearance. */
  statementIds: string[];
  /** Per vote, in input order: index into participantIds. */
  voteParticipant: Uint32Array;
  /** Per vote: index into statementIds. */
  voteStatement: Uint32Array;
  /** Per vote: 0 agree, 1 disagree, 2 pass. */
  voteValue: Uint8Array;
}

export interface OpinionGroupsRequest {
  id: number;
  input: PackedOpinionGroupsInput;
}

export type OpinionGroupsReply = { id: number; result: OpinionGroupsResult } | { id: number; error: string };

/** Packs the input for posting; `transfer` lists the buffers to transfer with it. */
export function packOpinionGroupsInput(input: OpinionGroupsInput): {
  packed: PackedOpinionGroupsInput;
  transfer: ArrayBuffer[];
} {
  const { votes } = input;
  const participantIds: string[] = [];
  const statementIds: string[] = [];
  const participantIndex = new Map<string, number>();
  const statementIndex = new Map<string, number>();
  const voteParticipant = new Uint32Array(votes.length);
  const voteStatement = new Uint32Array(votes.length);
  const voteValue = new Uint8Array(votes.length);
  // Votes usually come grouped by participant: skip the look-up while the participant repeats.
  let lastParticipant: string | undefined;
  let lastIndex = 0;
  for (let i = 0; i < votes.length; i++) {
    const { participant, statement, value } = votes[i];
    if (participant !== lastParticipant) {
      let p = participantIndex.get(participant);
      if (p === undefined) {
        p = participantIds.length;
        participantIndex.set(participant, p);
        participantIds.push(participant);
      }
      lastParticipant = participant;
      lastIndex = p;
    }
    voteParticipant[i] = lastIndex;
    let s = statementIndex.get(statement);
    if (s === undefined) {
      s = statementIds.length;
      statementIndex.set(statement, s);
      statementIds.push(statement);
    }
    voteStatement[i] = s;
    voteValue[i] = value === 'agree' ? 0 : value === 'disagree' ? 1 : 2;
  }
  const packed: PackedOpinionGroupsInput = {
    statements: input.statements,
    participantIds,
    statementIds,
    voteParticipant,
    voteStatement,
    voteValue
  };
  if (input.moderatedOut !== undefined) packed.moderatedOut = input.moderatedOut;
  if (input.minGroupSize !== undefined) packed.minGroupSize = input.minGroupSize;
  return { packed, transfer: [voteParticipant.buffer, voteStatement.buffer, voteValue.buffer] };
}

interface Pending {
  resolve: (result: OpinionGroupsResult) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  const waiting = [...pending.values()];
  pending.clear();
  for (const p of waiting) p.reject(error);
}

/** The one worker, started on first use. */
function opinionGroupsWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./opinion-groups.worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<OpinionGroupsReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if ('error' in reply) p.reject(new Error(reply.error));
    else p.resolve(reply.result);
  };
  started.onmessageerror = () => failAll(new Error('opinion-groups worker: a reply could not be read'));
  started.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    // The worker could not load or crashed: fail what waits, and start afresh on the next call.
    stopOpinionGroupsWorker(new Error(`opinion-groups worker failed: ${event.message || 'unknown error'}`));
  };
  worker = started;
  return started;
}

/** computeOpinionGroups, run in a Web Worker (on this thread where there is no Worker). */
export async function computeOpinionGroupsInWorker(input: OpinionGroupsInput): Promise<OpinionGroupsResult> {
  if (typeof Worker === 'undefined') {
    const { computeOpinionGroups } = await import('./opinion-groups.ts');
    return computeOpinionGroups(input);
  }
  const target = opinionGroupsWorker();
  const id = nextId++;
  const { packed, transfer } = packOpinionGroupsInput(input);
  return new Promise<OpinionGroupsResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    try {
      target.postMessage({ id, input: packed } satisfies OpinionGroupsRequest, transfer);
    } catch (error) {
      pending.delete(id);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Stops the worker (it restarts on the next call); calls still waiting are rejected. */
export function stopOpinionGroupsWorker(reason: Error = new Error('opinion-groups worker stopped')): void {
  worker?.terminate();
  worker = null;
  failAll(reason);
}
