// Shared helpers for the browser suite: the homeserver that global setup started, fresh users
// per test (no test depends on another's users or rooms), and signing in through the real UI.
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerUser, uniqueLocalpart, type HomeserverInfo, type RegisteredUser } from '../homeserver/synapse.ts';
import { HOMESERVER_FILE, PLAINTEXT_DIR } from './paths.ts';

export function suiteHomeserver(): HomeserverInfo {
  return JSON.parse(readFileSync(HOMESERVER_FILE, 'utf8')) as HomeserverInfo;
}

export interface Person {
  user: RegisteredUser;
  page: Page;
}

export const test = base.extend<{ hs: HomeserverInfo; newUser: (prefix: string) => Promise<RegisteredUser> }>({
  hs: async ({}, use) => {
    await use(suiteHomeserver());
  },
  newUser: async ({ hs }, use) => {
    await use((prefix) => registerUser(hs, uniqueLocalpart(prefix), `pw-${prefix}-${Math.random().toString(36).slice(2)}`));
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

export async function signInThroughUi(page: Page, hs: HomeserverInfo, user: RegisteredUser): Promise<void> {
  await submitSignIn(page, hs.url, user.localpart, user.password);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'syncing');
}

/** A browser context of its own (its own IndexedDB), signed in as a fresh user. */
export async function openPerson(browser: Browser, hs: HomeserverInfo, user: RegisteredUser): Promise<Person> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await signInThroughUi(page, hs, user);
  return { user, page };
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
