// Shared helpers for the browser suite: the homeserver that global setup started, fresh users
// per test (no test depends on another's users or rooms), and signing in through the real UI.
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerUser, uniqueLocalpart, type HomeserverInfo, type RegisteredUser } from '../homeserver/synapse.ts';
import { HOMESERVER_FILE, PLAINTEXT_DIR } from './paths.ts';
import { joinWhenInvited, startParticipant, type Participant } from '../participants/participant.ts';

export function suiteHomeserver(): HomeserverInfo {
  return JSON.parse(readFileSync(HOMESERVER_FILE, 'utf8')) as HomeserverInfo;
}

export interface Person {
  user: RegisteredUser;
  page: Page;
  /** Shown at the first sign-in of the account; null on later devices. */
  recoveryKey: string | null;
}

export const test = base.extend<{ hs: HomeserverInfo; newUser: (prefix: string) => Promise<RegisteredUser> }>({
  hs: async ({}, use) => {
    await use(suiteHomeserver());
  },
  newUser: async ({ hs }, use) => {
    await use(async (prefix) => {
      const user = await registerUser(hs, uniqueLocalpart(prefix), `pw-${prefix}-${Math.random().toString(36).slice(2)}`);
      // Registration signs in a device of its own; the person's devices are the browsers.
      await fetch(`${hs.url}/_matrix/client/v3/logout`, { method: 'POST', headers: { authorization: `Bearer ${user.accessToken}` } });
      return user;
    });
  }
});

export { expect };

/** Fills and submits the sign-in form, whatever the outcome. */
export async function submitSignIn(page: Page, server: string, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Server').fill(server);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
}

/**
 * Signs in; on an account's first device this also goes through the trust set-up and
 * returns the recovery key it showed. On a later device it stops at the device check.
 */
export async function signInThroughUi(page: Page, hs: HomeserverInfo, user: RegisteredUser): Promise<string | null> {
  await submitSignIn(page, hs.url, user.localpart, user.password);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'syncing');
  const gate = page.getByTestId('trust-setup').or(page.getByTestId('device-verification'));
  await expect(gate).toBeVisible();
  if (!(await page.getByTestId('trust-setup').isVisible())) return null;
  return completeTrustSetup(page);
}

/** Sets up cross-signing, secret storage and backup with a recovery key; returns the key. */
export async function completeTrustSetup(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Set up', exact: true }).click();
  const key = (await page.getByTestId('recovery-key').textContent({ timeout: 30_000 }))!.trim();
  expect(key).toMatch(/^E[sS]\w{2}( \w{4}){11}$/);
  await page.getByLabel('To confirm you kept it, type or paste the recovery key again').fill(key);
  await page.getByRole('button', { name: 'I have kept it' }).click();
  await expect(page.getByTestId('trust-setup')).toHaveCount(0);
  return key;
}

/** On a later device: unlock history with the recovery key (or passphrase). */
export async function recoverWithKey(page: Page, recoveryKey: string): Promise<void> {
  await page.getByLabel('Recovery key or passphrase').fill(recoveryKey);
  await page.getByRole('button', { name: 'Unlock history' }).click();
  await expect(page.getByTestId('device-verification')).toHaveCount(0, { timeout: 60_000 });
}

/** A browser context of its own (its own IndexedDB), signed in as a fresh user. */
export async function openPerson(browser: Browser, hs: HomeserverInfo, user: RegisteredUser): Promise<Person> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const recoveryKey = await signInThroughUi(page, hs, user);
  return { user, page, recoveryKey };
}

export async function createRoomThroughUi(page: Page, name: string): Promise<string> {
  await page.getByTestId('new-room').click();
  await page.getByLabel('Room name').fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

export async function inviteThroughUi(page: Page, userId: string): Promise<void> {
  await page.getByLabel('Matrix ID to invite').fill(userId);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByText('Invitation sent.')).toBeVisible();
}

export async function acceptInviteThroughUi(page: Page, roomName: string): Promise<void> {
  const invite = page.getByTestId('invites').locator('li', { hasText: roomName });
  await invite.getByRole('button', { name: 'Accept' }).click();
  await page.getByTestId('rooms').getByRole('link', { name: roomName }).click();
  await expect(page.getByRole('heading', { level: 1, name: roomName })).toBeVisible();
}

/** Records a plaintext this test sent, for the server audit that runs after the suite. */
export function recordPlaintext(testId: string, text: string): void {
  appendFileSync(join(PLAINTEXT_DIR, `${testId.replace(/[^\w-]/g, '_')}.txt`), `${JSON.stringify(text)}\n`);
}

export async function sendThroughUi(page: Page, text: string, testId: string): Promise<void> {
  recordPlaintext(testId, text);
  await page.getByTestId('composer').fill(text);
  await page.getByTestId('composer').press('Enter');
}

export function messageWithText(page: Page, text: string) {
  return page.getByTestId('message').filter({ has: page.getByTestId('body').getByText(text, { exact: true }) });
}

/** Alice creates an encrypted room, invites Bob, Bob accepts: each in a browser of their own. */
export async function twoPeopleInRoom(
  browser: Browser,
  hs: HomeserverInfo,
  newUser: (prefix: string) => Promise<RegisteredUser>,
  roomName: string
): Promise<{ alice: Person; bob: Person; roomId: string }> {
  const alice = await openPerson(browser, hs, await newUser('alice'));
  const bob = await openPerson(browser, hs, await newUser('bob'));
  const roomId = await createRoomThroughUi(alice.page, roomName);
  await inviteThroughUi(alice.page, bob.user.userId);
  await acceptInviteThroughUi(bob.page, roomName);
  return { alice, bob, roomId };
}

/**
 * The signed-in person on `page` creates an encrypted room and a scripted participant joins it.
 * The caller stops the participant.
 */
export async function roomWithScriptedPeer(page: Page, hs: HomeserverInfo, peerPrefix: string, roomName: string): Promise<{ peer: Participant; roomId: string }> {
  const peer = await startParticipant(hs, uniqueLocalpart(peerPrefix));
  try {
    const roomId = await createRoomThroughUi(page, roomName);
    await inviteThroughUi(page, peer.user.userId);
    await joinWhenInvited(peer, roomId);
    return { peer, roomId };
  } catch (error) {
    await peer.stop();
    throw error;
  }
}
