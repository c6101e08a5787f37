// Interactive verification by comparing emoji (SAS), for a new device of one's own or for
// another person. The UI renders `activeVerification` and calls the functions here.
import type { MatrixClient } from 'matrix-js-sdk';
import {
  CryptoEvent,
  VerificationPhase,
  VerificationRequestEvent,
  VerifierEvent,
  type ShowSasCallbacks,
  type VerificationRequest
} from 'matrix-js-sdk/lib/crypto-api/index.js';
import { writable, get } from 'svelte/store';

export type VerificationView =
  | { step: 'incoming'; otherUserId: string; otherDeviceId: string | null; selfVerification: boolean }
  | { step: 'waiting'; otherUserId: string; selfVerification: boolean }
  | { step: 'compare'; otherUserId: string; emoji: { symbol: string; name: string }[]; selfVerification: boolean; confirmed: boolean }
  | { step: 'done'; otherUserId: string; selfVerification: boolean }
  | { step: 'cancelled'; otherUserId: string; selfVerification: boolean };

export const activeVerification = writable<VerificationView | null>(null);

let current: { request: VerificationRequest; sas: ShowSasCallbacks | null } | null = null;

function track(client: MatrixClient, request: VerificationRequest): void {
  current = { request, sas: null };
  const selfVerification = request.otherUserId === client.getSafeUserId();
  const base = { otherUserId: request.otherUserId, selfVerification };
  const update = () => {
    if (current?.request !== request) return;
    switch (request.phase) {
      case VerificationPhase.Ready:
        // Whoever asked starts the emoji comparison once the other side accepted.
        if (request.initiatedByMe) void request.startVerification('m.sas.v1');
        activeVerification.set({ step: 'waiting', ...base });
        break;
      case VerificationPhase.Started: {
        const verifier = request.verifier;
        if (verifier && !verifier.hasBeenCancelled && !current.sas) {
          verifier.once(VerifierEvent.ShowSas, (sas) => {
            if (current?.request !== request) return;
            current.sas = sas;
            activeVerification.set({
              step: 'compare',
              ...base,
              confirmed: false,
              emoji: (sas.sas.emoji ?? []).map(([symbol, name]) => ({ symbol, name }))
            });
          });
          verifier.verify().catch(() => undefined);
        }
        break;
      }
      case VerificationPhase.Done:
        activeVerification.set({ step: 'done', ...base });
        break;
      case VerificationPhase.Cancelled:
        activeVerification.set({ step: 'cancelled', ...base });
        break;
    }
  };
  request.on(VerificationRequestEvent.Change, update);
  update();
}

/** Requests expire ten minutes after they are made (client-server API, key verification). */
const REQUEST_LIFETIME_MS = 10 * 60_000;

/**
 * Whether a request was made while this client was running. A device that signs in later sees
 * older in-room requests in the history; answering those would be confusing and pointless.
 */
export function isFreshRequest(madeAt: number | null, phase: VerificationPhase, clientStartedAt: number): boolean {
  if (madeAt === null || phase === VerificationPhase.Done || phase === VerificationPhase.Cancelled) return false;
  return madeAt >= clientStartedAt - 5_000;
}

/** When the request was made: the request event's server time in a room, else from its timeout. */
function requestMadeAt(client: MatrixClient, request: VerificationRequest): number | null {
  if (request.roomId && request.transactionId) {
    return client.getRoom(request.roomId)?.findEventById(request.transactionId)?.getTs() ?? null;
  }
  return request.timeout === null ? null : Date.now() + request.timeout - REQUEST_LIFETIME_MS;
}

/** Listens for verification requests from other devices or people. */
export function listenForVerificationRequests(client: MatrixClient): () => void {
  const startedAt = Date.now();
  const onRequest = (request: VerificationRequest) => {
    if (!isFreshRequest(requestMadeAt(client, request), request.phase, startedAt)) return;
    if (current && !['done', 'cancelled'].includes(get(activeVerification)?.step ?? 'done')) return;
    current = { request, sas: null };
    activeVerification.set({
      step: 'incoming',
      otherUserId: request.otherUserId,
      otherDeviceId: request.otherDeviceId ?? null,
      selfVerification: request.otherUserId === client.getSafeUserId()
    });
  };
  client.on(CryptoEvent.VerificationRequestReceived, onRequest);
  return () => client.off(CryptoEvent.VerificationRequestReceived, onRequest);
}

export async function acceptIncoming(client: MatrixClient): Promise<void> {
  if (!current) return;
  const request = current.request;
  await request.accept();
  track(client, request);
}

export async function verifyOwnDevice(client: MatrixClient): Promise<void> {
  const request = await client.getCrypto()!.requestOwnUserVerification();
  track(client, request);
}

export async function verifyPerson(client: MatrixClient, userId: string, roomId: string): Promise<void> {
  const request = await client.getCrypto()!.requestVerificationDM(userId, roomId);
  track(client, request);
}

export async function confirmEmoji(matches: boolean): Promise<void> {
  const sas = current?.sas;
  if (!sas) return;
  if (matches) {
    activeVerification.update((view) => (view?.step === 'compare' ? { ...view, confirmed: true } : view));
    await sas.confirm();
  } else {
    sas.mismatch();
  }
}

export async function cancelVerification(): Promise<void> {
  const request = current?.request;
  current = null;
  activeVerification.set(null);
  if (request && request.phase !== VerificationPhase.Done && request.phase !== VerificationPhase.Cancelled) await request.cancel();
}

export function closeVerification(): void {
  current = null;
  activeVerification.set(null);
}
