import { test, expect, signInThroughUi, submitSignIn, messageWithText, recordPlaintext, openPerson, createRoomThroughUi } from './fixtures.ts';
import { auditDatabase } from './audit.ts';
import { createSynapse, freePort, registerUser, removeSynapseData, startSynapse, stopSynapse, uniqueLocalpart } from '../homeserver/synapse.ts';
import { startParticipant, waitForMessage } from '../participants/participant.ts';
import { dialogueRoomOptions } from '../../src/lib/dialogue/rooms.ts';

test('sign-in errors are clear: wrong password, unreachable server, not a Matrix server, name taken', async ({ page, hs, newUser, baseURL }) => {
  const user = await newUser('carol');
  await submitSignIn(page, hs.url, user.localpart, 'not-the-password');
  await expect(page.getByTestId('auth-error')).toHaveText('The username or password is wrong.');

  await submitSignIn(page, `http://127.0.0.1:${await freePort()}`, user.localpart, user.password);
  await expect(page.getByTestId('auth-error')).toHaveText(/can't be reached/);

  // The app's own origin answers, but with a web page rather than the Matrix API.
  await submitSignIn(page, baseURL!, user.localpart, user.password);
  await expect(page.getByTestId('auth-error')).toHaveText("There is a website at that address, but it isn't a Matrix server.");

  await page.getByRole('button', { name: 'Create account' }).first().click();
  await page.getByLabel('Server').fill(hs.url);
  await page.getByLabel('Username').fill(user.localpart);
  await page.getByLabel('Password').fill('another-password-123');
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await expect(page.getByTestId('auth-error')).toHaveText('That username is already taken. Please choose another.');
  await expect(page.getByTestId('sync-status')).toHaveCount(0);
});

test('sign up with only a name and password', async ({ page, hs }) => {
  const localpart = uniqueLocalpart('dana');
  await page.goto('/');
  await page.getByRole('button', { name: 'Create account' }).first().click();
  await expect(page.getByText(/don't need your real name/)).toBeVisible();
  await page.getByLabel('Server').fill(hs.url);
  await page.getByLabel('Username').fill(localpart);
  await page.getByLabel('Password').fill('a-long-pass-phrase-42');
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'syncing');
  await expect(page.getByTestId('my-user-id')).toHaveText(new RegExp(`^@${localpart}:`));
});

test('homeserver stopped mid-session: offline shown, queued messages go out once when it is back', async ({ page }, info) => {
  test.skip(!!process.env.PARLEY_HOMESERVER_URL, 'needs a homeserver this suite can stop and start');
  // A homeserver of this test's own, so stopping it disturbs no other test.
  const hs = await startSynapse(await createSynapse('outage'));
  let running = hs;
  try {
    const alice = await registerUser(hs, uniqueLocalpart('alice'), 'pw-alice-outage-1');
    const bob = await startParticipant(hs, uniqueLocalpart('bob'));
    const { room_id: roomId } = await bob.client.createRoom({ ...dialogueRoomOptions('Outage room'), invite: [alice.userId] });

    await signInThroughUi(page, hs, alice);
    await page.getByTestId('invites').getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('rooms').getByRole('link', { name: 'Outage room' }).click();

    const first = `Before the outage ${info.testId}`;
    await page.getByTestId('composer').fill(first);
    await page.getByTestId('composer').press('Enter');
    await waitForMessage(bob, roomId, (body) => body === first);

    await stopSynapse(running, 'SIGKILL');
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'offline', { timeout: 60_000 });

    const queued = [`Queued one ${info.testId}`, `Queued two ${info.testId}`];
    for (const text of queued) {
      await page.getByTestId('composer').fill(text);
      await page.getByTestId('composer').press('Enter');
      await expect(messageWithText(page, text)).toBeVisible();
    }
    // Nothing is lost while the server is away: both stay on screen, not yet sent.
    for (const text of queued) await expect(messageWithText(page, text)).not.toHaveAttribute('data-send-state', 'remote');

    running = await startSynapse(hs);
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'syncing', { timeout: 60_000 });
    for (const text of queued) {
      await expect(messageWithText(page, text)).toHaveAttribute('data-send-state', 'remote', { timeout: 60_000 });
      await waitForMessage(bob, roomId, (body) => body === text, 60_000);
    }
    // Exactly once each, for the sender and for the recipient.
    for (const text of [first, ...queued]) await expect(messageWithText(page, text)).toHaveCount(1);
    const bodies = (bob.client.getRoom(roomId)?.getLiveTimeline().getEvents() ?? []).map((e) => (e.getContent() as { body?: string }).body);
    for (const text of [first, ...queued]) expect(bodies.filter((b) => b === text)).toHaveLength(1);
    await bob.stop();

    // This homeserver's database too holds the messages only encrypted.
    const audit = auditDatabase(hs.databasePath!, [first, ...queued]);
    expect(audit.clearMessageTypes).toEqual([]);
    expect(audit.senderFoundInFiles).toBe(true);
    expect(audit.leakedPlaintexts).toEqual([]);
  } finally {
    await stopSynapse(running);
    removeSynapseData(hs);
  }
});

test('a message that fails to send stays visible with retry and discard', async ({ browser, hs, newUser }, info) => {
  const alice = await openPerson(browser, hs, await newUser('alice'));
  await createRoomThroughUi(alice.page, `Offline room ${Date.now()}`);
  const context = alice.page.context();
  await context.setOffline(true);
  const kept = `Kept while offline ${info.testId}`;
  const dropped = `Discarded while offline ${info.testId}`;
  for (const text of [kept, dropped]) {
    recordPlaintext(info.testId, text);
    await alice.page.getByTestId('composer').fill(text);
    await alice.page.getByTestId('composer').press('Enter');
  }
  for (const text of [kept, dropped]) await expect(messageWithText(alice.page, text)).toHaveAttribute('data-send-state', 'failed');
  await messageWithText(alice.page, dropped).getByRole('button', { name: 'Discard' }).click();
  await expect(messageWithText(alice.page, dropped)).toHaveCount(0);

  await context.setOffline(false);
  // Retry by hand; if the automatic resend after reconnecting won the race, the button is already gone.
  await messageWithText(alice.page, kept).getByRole('button', { name: 'Retry' }).click({ timeout: 5_000 }).catch(() => undefined);
  await expect(messageWithText(alice.page, kept)).toHaveAttribute('data-send-state', 'remote');
  await expect(messageWithText(alice.page, kept)).toHaveCount(1);
  await expect(messageWithText(alice.page, dropped)).toHaveCount(0);
});
