// The set-up the load tests share: a person signed in in the browser, and a crowd of scripted
// participants with them in one encrypted room.
import { expect, type Page } from '@playwright/test';
import { acceptInviteThroughUi, signInThroughUi } from '../e2e/fixtures.ts';
import type { HomeserverInfo, RegisteredUser } from '../homeserver/synapse.ts';
import { crowdRoom, newestEventId, startCrowd, type Crowd } from '../participants/crowd.ts';
import { waitForMembers } from '../participants/participant.ts';

/** Signs `person` in on `page`, starts the crowd, and brings everyone into one room. The caller stops the crowd. */
export async function roomWithCrowd(page: Page, hs: HomeserverInfo, person: RegisteredUser, size: number, prefix: string, roomName: string): Promise<{ crowd: Crowd; roomId: string }> {
  await signInThroughUi(page, hs, person);
  const crowd = await startCrowd(hs, size, prefix);
  try {
    const roomId = await crowdRoom(crowd, roomName, [person.userId]);
    await acceptInviteThroughUi(page, roomName);
    // The crowd encrypts to the person's device only once they see them joined.
    await waitForMembers(crowd.members[0], roomId, [person.userId], 60_000);
    return { crowd, roomId };
  } catch (error) {
    await crowd.stop();
    throw error;
  }
}

/**
 * Waits until the room's newest message, as the server orders them, is the last row on the page,
 * decrypted. A reader scrolling up from the bottom never sees what arrives below it afterwards.
 */
export async function untilNewestShown(page: Page, crowd: Crowd, roomId: string, timeoutMs = 120_000): Promise<void> {
  const newest = await newestEventId(crowd.members[0], roomId);
  await expect(page.getByTestId('message').last()).toHaveAttribute('data-event-id', newest, { timeout: timeoutMs });
  await expect(page.getByTestId('message').last()).toHaveAttribute('data-kind', 'text', { timeout: timeoutMs });
}
