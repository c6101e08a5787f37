// Scripted participants taking part in a consultation with the app's own modules: they join a
// dialogue, accept its ground rules, and answer, propose, vote and endorse as the app does.
import { type Room } from 'matrix-js-sdk';
import { acceptGroundRules, dialogueOf } from '../../src/lib/dialogue/dialogue.ts';
import { consultationRoomViewOf, type ConsultationRoomView } from '../../src/lib/consultation/room.ts';
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

export function roomView(p: Participant, plenaryId: string): ConsultationRoomView | null {
  const room = plenaryOf(p, plenaryId);
  return room && dialogueOf(room) ? consultationRoomViewOf(p.client, room, false) : null;
}

/** Joins the plenary and then its dialogue's space (named in the plenary's state), and accepts the ground rules. */
export async function joinDialogue(p: Participant, plenaryId: string): Promise<void> {
  await joinWhenInvited(p, plenaryId, 60_000);
  const dialogue = await until('dialogue structure', () => dialogueOf(plenaryOf(p, plenaryId)));
  await joinWhenInvited(p, dialogue.space, 60_000);
  await plenaryOf(p, plenaryId)?.loadMembersIfNeeded();
  const rules = await until('ground rules', () => roomView(p, plenaryId)?.consent.rules);
  await acceptGroundRules(p.client, plenaryId, rules.id);
  await until('own consent', () => roomView(p, plenaryId)?.iHaveConsented);
}

/** Waits until a consultation in the plenary satisfies `ready`, as this participant sees it. */
export async function waitForConsultation(
  p: Participant,
  plenaryId: string,
  ready: (state: ConsultationState) => boolean,
  timeoutMs = 60_000
): Promise<ConsultationState> {
  return until('consultation state', () => roomView(p, plenaryId)?.consultations.find(ready), timeoutMs);
}
