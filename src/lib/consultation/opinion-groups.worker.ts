// Web Worker: computes opinion groups off the main thread for opinion-groups-worker.ts. The math
// stays in opinion-groups.ts; this only unpacks the request and posts back `{ id, result }` or
// `{ id, error }`. Imported outside a worker (the Node bench), it only provides the functions.
import { computeOpinionGroups, type OpinionGroupsInput, type Vote } from './opinion-groups.ts';
import type { OpinionGroupsReply, OpinionGroupsRequest, PackedOpinionGroupsInput } from './opinion-groups-worker.ts';

/** PackedOpinionGroupsInput.voteValue codes. */
const VALUE_OF_CODE = ['agree', 'disagree', 'pass'] as const;

/** The votes exactly as they were before packOpinionGroupsInput. */
export function unpackOpinionGroupsInput(packed: PackedOpinionGroupsInput): OpinionGroupsInput {
  const { participantIds, statementIds, voteParticipant, voteStatement, voteValue } = packed;
  const votes: Vote[] = new Array<Vote>(voteValue.length);
  for (let i = 0; i < votes.length; i++) {
    votes[i] = {
      participant: participantIds[voteParticipant[i]],
      statement: statementIds[voteStatement[i]],
      value: VALUE_OF_CODE[voteValue[i]]
    };
  }
  const input: OpinionGroupsInput = { statements: packed.statements, votes };
  if (packed.moderatedOut !== undefined) input.moderatedOut = packed.moderatedOut;
  if (packed.minGroupSize !== undefined) input.minGroupSize = packed.minGroupSize;
  return input;
}

export function answerOpinionGroupsRequest({ id, input }: OpinionGroupsRequest): OpinionGroupsReply {
  try {
    return { id, result: computeOpinionGroups(unpackOpinionGroupsInput(input)) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<OpinionGroupsRequest>) => void) | null;
  postMessage(message: OpinionGroupsReply): void;
}

if (typeof self !== 'undefined' && typeof window === 'undefined') {
  const scope = self as unknown as WorkerScope;
  scope.onmessage = (event) => {
    const reply = answerOpinionGroupsRequest(event.data);
    try {
      scope.postMessage(reply);
    } catch (error) {
      scope.postMessage({ id: reply.id, error: error instanceof Error ? error.message : String(error) });
    }
  };
}
