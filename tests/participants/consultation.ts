// Scripted participants taking part in a consultation with the app's own modules: they join a
// dialogue, accept its ground rules, and answer, propose, vote and endorse as the app does.
import { type Room } from 'matrix-js-sdk';
import { acceptGroundRules, dialogueOf } from '../../src/lib/dialogue/dialogue.ts';
import { consultationRoomStore, type ConsultationRoomView } from '../../src/lib/consultation/room.ts';
import type { ConsultationState } from '../../src/lib/consultation/state.ts';
import { joinWhenInvited, type Participant } from './participant.ts';

async function until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function plenaryOf(p: Participant, plenaryId: string): Room | null {
  return p.client.getRoom(plenaryId);
}

/**
 * Waits until the app's own view of the plenary satisfies `probe`. That view also fetches history
 * the participant's sync did not bring: in a big dialogue the ground rules lie far behind the
 * joins and consents that follow them. It is dropped once the wait ends (a crowd's views, each
 * refolding on every event, would otherwise take the whole machine).
 */
function untilView<T>(p: Participant, plenaryId: string, what: string, probe: (view: ConsultationRoomView) => T | null | undefined | false, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let unsubscribe: (() => void) | null = null;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe?.();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`timed out waiting for ${what}`))), timeoutMs);
    // The store calls back at once, before `subscribe` returns: a wait met then unsubscribes just after.
    unsubscribe = consultationRoomStore(p.client, plenaryId).subscribe((view) => {
      const value = view && dialogueOf(plenaryOf(p, plenaryId)) ? probe(view) : null;
      if (value) settle(() => resolve(value));
    });
    if (settled) unsubscribe();
  });
}

/** Joins the plenary and then its dialogue's space (named in the plenary's state), and accepts the ground rules. */
export async function joinDialogue(p: Participant, plenaryId: string): Promise<void> {
  await joinWhenInvited(p, plenaryId, 60_000);
  const dialogue = await until('dialogue structure', () => dialogueOf(plenaryOf(p, plenaryId)));
  await joinWhenInvited(p, dialogue.space, 60_000);
  await plenaryOf(p, plenaryId)?.loadMembersIfNeeded();
  const rules = await untilView(p, plenaryId, 'ground rules', (view) => view.consent.rules);
  await acceptGroundRules(p.client, plenaryId, rules.id);
  await untilView(p, plenaryId, 'own consent', (view) => view.iHaveConsented);
}

/** Waits until a consultation in the plenary satisfies `ready`, as this participant sees it. */
export async function waitForConsultation(
  p: Participant,
  plenaryId: string,
  ready: (state: ConsultationState) => boolean,
  timeoutMs = 60_000
): Promise<ConsultationState> {
  return untilView(p, plenaryId, 'consultation state', (view) => view.consultations.find(ready), timeoutMs);
}
