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

// The app's own view of the plenary, which also fetches history the participant's sync did not
// bring: in a big dialogue the ground rules lie far behind the joins and consents that follow them.
const views = new WeakMap<Participant, Map<string, { view: ConsultationRoomView | null }>>();

function roomView(p: Participant, plenaryId: string): ConsultationRoomView | null {
  let byRoom = views.get(p);
  if (!byRoom) views.set(p, (byRoom = new Map()));
  let latest = byRoom.get(plenaryId);
  if (!latest) {
    const kept: { view: ConsultationRoomView | null } = { view: null };
    byRoom.set(plenaryId, (latest = kept));
    // Lives as long as the client: a stopped client emits nothing more.
    consultationRoomStore(p.client, plenaryId).subscribe((view) => (kept.view = view && dialogueOf(plenaryOf(p, plenaryId)) ? view : null));
  }
  return latest.view;
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
