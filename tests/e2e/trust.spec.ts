// Trust: recovery key, new devices verified by emoji or restored with the key, verifying other
// people, identity resets, the device list, "only verified devices", and the encrypted backup.
import type { Page } from '@playwright/test';
import {
  test, expect, openPerson, signInThroughUi, recoverWithKey, createRoomThroughUi, inviteThroughUi,
  sendThroughUi, messageWithText, twoPeopleInRoom, submitSignIn, type Person
} from './fixtures.ts';
import type { HomeserverInfo, RegisteredUser } from '../homeserver/synapse.ts';
import { auditDatabase } from './audit.ts';
import { startParticipant, joinWhenInvited, waitForMessage } from '../participants/participant.ts';
import { uniqueLocalpart } from '../homeserver/synapse.ts';

async function accessToken(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(localStorage.getItem('parley.session')!) as { accessToken: string }).accessToken);
}

/** Waits until the server-side backup holds keys for the room (uploads are spread over seconds). */
async function waitForBackedUpKeys(hs: HomeserverInfo, token: string, roomId: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  await expect
    .poll(async () => {
      const version = (await (await fetch(`${hs.url}/_matrix/client/v3/room_keys/version`, { headers })).json()) as { version?: string };
      if (!version.version) return 0;
      const keys = (await (await fetch(`${hs.url}/_matrix/client/v3/room_keys/keys/${encodeURIComponent(roomId)}?version=${version.version}`, { headers })).json()) as { sessions?: object };
      return Object.keys(keys.sessions ?? {}).length;
    }, { timeout: 30_000 })
    .toBeGreaterThan(0);
}

async function newDevice(browser: import('@playwright/test').Browser, hs: HomeserverInfo, user: RegisteredUser): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  expect(await signInThroughUi(page, hs, user)).toBeNull();
  await expect(page.getByTestId('device-verification')).toBeVisible();
  return page;
}

/** Both sides compare emoji; the lists must be equal; both confirm. Returns the emoji names. */
async function compareEmojiAndConfirm(a: Page, b: Page): Promise<string[]> {
  const names = (page: Page) => page.getByTestId('sas-emoji').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-emoji-name')!));
  await expect(a.getByTestId('sas-emoji').locator('li')).toHaveCount(7);
  await expect(b.getByTestId('sas-emoji').locator('li')).toHaveCount(7);
  const [fromA, fromB] = [await names(a), await names(b)];
  expect(fromA).toEqual(fromB);
  await a.getByRole('button', { name: 'They match' }).click();
  await b.getByRole('button', { name: 'They match' }).click();
  await expect(a.getByTestId('verification-done')).toBeVisible();
  await expect(b.getByTestId('verification-done')).toBeVisible();
  for (const page of [a, b]) await page.getByRole('button', { name: 'Close' }).click();
  return fromA;
}

async function roomWithMessages(person: Person, texts: string[], testId: string): Promise<{ roomId: string; name: string }> {
  const name = `Trust room ${Date.now()}`;
  const roomId = await createRoomThroughUi(person.page, name);
  for (const text of texts) {
    await sendThroughUi(person.page, text, testId);
    await expect(messageWithText(person.page, text)).toHaveAttribute('data-send-state', 'remote');
  }
  return { roomId, name };
}

async function openRoom(page: Page, name: string): Promise<void> {
  await page.getByTestId('rooms').getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

function memberRow(page: Page, userId: string) {
  return page.locator(`[data-testid=member][data-user-id="${userId}"]`);
}

/** A verifies B from the room's member list; both compare emoji. */
async function verifyPerson(a: Person, b: Person): Promise<void> {
  await a.page.getByText(/\d+ (people|person)/).click();
  await memberRow(a.page, b.user.userId).getByRole('button', { name: /^Verify/ }).click();
  await b.page.getByTestId('verification-dialog').getByRole('button', { name: 'Accept' }).click();
  await compareEmojiAndConfirm(a.page, b.page);
  await expect(memberRow(a.page, b.user.userId)).toHaveAttribute('data-verified', 'true');
}

test('a new device is verified by comparing emoji and then reads the earlier history', async ({ browser, hs, newUser }, info) => {
  const user = await newUser('amina');
  const device1 = await openPerson(browser, hs, user);
  expect(device1.recoveryKey).toBeTruthy();
  const texts = [`Earlier message one ${info.testId}`, `Earlier message two ${info.testId}`];
  const room = await roomWithMessages(device1, texts, info.testId);
  await waitForBackedUpKeys(hs, await accessToken(device1.page), room.roomId);

  const device2 = await newDevice(browser, hs, user);
  await device2.getByRole('button', { name: 'Verify with another device' }).click();
  await device1.page.getByTestId('verification-dialog').getByRole('button', { name: 'Accept' }).click();
  const emoji = await compareEmojiAndConfirm(device2, device1.page);
  // The emoji are shown with their names (translated: here, English).
  await expect(device1.page.getByTestId('sas-emoji')).toHaveCount(0);
  expect(emoji).toHaveLength(7);

  await expect(device2.getByTestId('device-verification')).toHaveCount(0, { timeout: 60_000 });
  await openRoom(device2, room.name);
  for (const text of texts) await expect(messageWithText(device2, text)).toBeVisible();
  await expect(device2.getByTestId('undecryptable')).toHaveCount(0);
  // Device 2 is now cross-signed: its own messages carry no device warning for device 1.
  await device2.goto('/settings');
  await expect(device2.getByTestId('device')).toHaveCount(2);
  for (const row of await device2.getByTestId('device').all()) await expect(row).toHaveAttribute('data-verified', 'true');
});

test('a new device restores the history with the recovery key alone', async ({ browser, hs, newUser }, info) => {
  const user = await newUser('olena');
  const device1 = await openPerson(browser, hs, user);
  const texts = [`Before losing my phone ${info.testId}`];
  const room = await roomWithMessages(device1, texts, info.testId);
  await waitForBackedUpKeys(hs, await accessToken(device1.page), room.roomId);
  await device1.page.context().close();

  const device3 = await newDevice(browser, hs, user);
  // A key of the right shape with one character changed fails its parity check.
  const key = device1.recoveryKey!;
  const wrongKey = key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a');
  await device3.getByLabel('Recovery key or passphrase').fill(wrongKey);
  await device3.getByRole('button', { name: 'Unlock history' }).click();
  await expect(device3.getByRole('alert')).toContainText("doesn't match");
  await recoverWithKey(device3, device1.recoveryKey!);
  await openRoom(device3, room.name);
  await expect(messageWithText(device3, texts[0])).toBeVisible();
  await expect(device3.getByTestId('undecryptable')).toHaveCount(0);
});

test('a passphrase chosen at set-up unlocks the history on a new device', async ({ browser, hs, newUser }, info) => {
  const user = await newUser('ana');
  const passphrase = 'two banks, one river, 1992';
  const device1 = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await submitSignIn(device1, hs.url, user.localpart, user.password);
  await device1.getByLabel('With a passphrase I choose').check();
  await device1.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await device1.getByLabel('Passphrase again').fill('something else entirely');
  await device1.getByRole('button', { name: 'Set up', exact: true }).click();
  await expect(device1.getByRole('alert')).toHaveText('The two passphrases are different.');
  await device1.getByLabel('Passphrase again').fill(passphrase);
  await device1.getByRole('button', { name: 'Set up', exact: true }).click();
  const key = (await device1.getByTestId('recovery-key').textContent({ timeout: 30_000 }))!.trim();
  await device1.getByLabel('To confirm you kept it, type or paste the recovery key again').fill(key);
  await device1.getByRole('button', { name: 'I have kept it' }).click();
  const person: Person = { user, page: device1, recoveryKey: key };
  const texts = [`Protected by a passphrase ${info.testId}`];
  const room = await roomWithMessages(person, texts, info.testId);
  await waitForBackedUpKeys(hs, await accessToken(device1), room.roomId);

  const device2 = await newDevice(browser, hs, user);
  await recoverWithKey(device2, passphrase);
  await openRoom(device2, room.name);
  await expect(messageWithText(device2, texts[0])).toBeVisible();
});

test('verifying another person; their identity reset must be acknowledged before sending', async ({ browser, hs, newUser }, info) => {
  const { alice, bob } = await twoPeopleInRoom(browser, hs, newUser, `Verified room ${Date.now()}`);

  await verifyPerson(alice, bob);
  const fromBob = `Verified Bob speaking ${info.testId}`;
  await sendThroughUi(bob.page, fromBob, info.testId);
  await expect(messageWithText(alice.page, fromBob).getByTestId('shield')).toHaveAttribute('data-shield', 'verified');

  // Bob resets his encryption: a new identity.
  await bob.page.goto('/settings');
  await bob.page.getByRole('button', { name: 'Reset encryption' }).click();
  await bob.page.getByLabel('I understand what will be lost').check();
  await bob.page.getByLabel('Your account password').fill(bob.user.password);
  await bob.page.getByRole('button', { name: 'Reset and make a new recovery key' }).click();
  await expect(bob.page.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 });

  const warning = alice.page.getByTestId('identity-warning');
  await expect(warning).toContainText('identity has changed', { timeout: 30_000 });
  // Bob's earlier message is no longer shown as verified.
  await expect(messageWithText(alice.page, fromBob).getByTestId('shield')).not.toHaveAttribute('data-shield', 'verified');
  await expect(alice.page.getByTestId('composer')).toBeDisabled();
  await expect(memberRow(alice.page, bob.user.userId)).toHaveAttribute('data-verified', 'false');
  await warning.getByRole('button', { name: 'I understand, continue' }).click();
  await expect(warning).toHaveCount(0);
  const after = `After the reset ${info.testId}`;
  await sendThroughUi(alice.page, after, info.testId);
  await expect(messageWithText(alice.page, after)).toHaveAttribute('data-send-state', 'remote');
});

test('the device list shows every session; signing one out from another ends it', async ({ browser, hs, newUser }) => {
  // Three devices sign in and set up encryption: on a loaded machine that alone can take a minute.
  test.setTimeout(180_000);
  const user = await newUser('nino');
  const device1 = await openPerson(browser, hs, user);
  const device2 = await newDevice(browser, hs, user);
  const device3 = await newDevice(browser, hs, user);
  await recoverWithKey(device3, device1.recoveryKey!);

  await device1.page.goto('/settings');
  await expect(device1.page.getByTestId('device')).toHaveCount(3);
  const device2Id = await device2.evaluate(() => (JSON.parse(localStorage.getItem('parley.session')!) as { deviceId: string }).deviceId);
  const row = device1.page.getByTestId('device').filter({ has: device1.page.locator(`[value="${device2Id}"]`) });
  await expect(row).toHaveAttribute('data-verified', 'false');

  await row.getByRole('button', { name: 'Rename' }).click();
  await row.getByLabel('New name').fill('Old phone');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('Old phone');

  await row.getByRole('checkbox').check();
  await device1.page.getByRole('button', { name: 'Sign out 1 session' }).click();
  await device1.page.getByLabel('Your account password, to sign out the selected sessions').fill('wrong password');
  await device1.page.getByRole('button', { name: 'Sign out 1 session' }).click();
  await expect(device1.page.getByRole('alert')).toHaveText('That password is wrong.');
  await device1.page.getByLabel('Your account password, to sign out the selected sessions').fill(user.password);
  await device1.page.getByRole('button', { name: 'Sign out 1 session' }).click();
  await expect(device1.page.getByTestId('device')).toHaveCount(2);

  await expect(device2.getByTestId('signed-out-notice')).toBeVisible({ timeout: 60_000 });
  await expect(device2.getByTestId('auth-form')).toBeVisible();
});

test('"only verified devices": an unverified new device of the recipient cannot read, and the sender is told why', async ({ browser, hs, newUser }, info) => {
  const roomName = `Sensitive room ${Date.now()}`;
  const { alice, bob } = await twoPeopleInRoom(browser, hs, newUser, roomName);
  await verifyPerson(alice, bob);
  await alice.page.getByTestId('only-verified-toggle').check();
  await expect(alice.page.getByTestId('only-verified-banner')).toBeVisible();

  const bobNewDevice = await newDevice(browser, hs, bob.user);
  // Alice's earlier in-room request is in the history this device syncs: it must not pop up.
  await expect(bobNewDevice.getByTestId('verification-dialog')).not.toBeVisible();
  await bobNewDevice.getByRole('button', { name: 'Continue without confirming' }).click();
  const newDeviceId = await bobNewDevice.evaluate(() => (JSON.parse(localStorage.getItem('parley.session')!) as { deviceId: string }).deviceId);
  await expect(alice.page.getByTestId('excluded-device')).toHaveAttribute('data-device-id', newDeviceId, { timeout: 30_000 });
  await expect(alice.page.getByTestId('excluded-device')).toContainText(bob.user.localpart);

  const secret = `For verified devices only ${info.testId}`;
  await sendThroughUi(alice.page, secret, info.testId);
  await expect(messageWithText(bob.page, secret)).toBeVisible();
  await openRoom(bobNewDevice, roomName);
  await expect(bobNewDevice.getByTestId('undecryptable')).toHaveCount(1);
  await expect(messageWithText(bobNewDevice, secret)).toHaveCount(0);
});

test('the server holds the key backup and secret storage only in encrypted form', async ({ browser, hs, newUser }, info) => {
  test.skip(!hs.databasePath, 'an external homeserver: its database is not readable here');
  const alice = await openPerson(browser, hs, await newUser('alice'));
  const witness = await startParticipant(hs, uniqueLocalpart('witness'));
  try {
    const roomName = `Backup room ${Date.now()}`;
    const roomId = await createRoomThroughUi(alice.page, roomName);
    await inviteThroughUi(alice.page, witness.user.userId);
    await joinWhenInvited(witness, roomId);
    const text = `Backed up message ${info.testId}`;
    await sendThroughUi(alice.page, text, info.testId);
    await waitForMessage(witness, roomId, (body) => body === text);
    await waitForBackedUpKeys(hs, await accessToken(alice.page), roomId);

    // The witness received the same Megolm session: its key must appear nowhere in clear.
    const sessionKeys = (await witness.client.getCrypto()!.exportRoomKeys()).filter((k) => k.room_id === roomId).map((k) => k.session_key);
    expect(sessionKeys.length).toBeGreaterThan(0);
    const audit = auditDatabase(hs.databasePath!, [...sessionKeys, alice.recoveryKey!, alice.recoveryKey!.replace(/ /g, '')]);
    expect(audit.leakedPlaintexts).toEqual([]);

    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(hs.databasePath!, { readOnly: true });
    const rows = db.prepare('SELECT session_data FROM e2e_room_keys WHERE user_id = ? AND room_id = ?').all(alice.user.userId, roomId) as { session_data: string }[];
    const secrets = db.prepare(`SELECT account_data_type, content FROM account_data WHERE user_id = ? AND (account_data_type LIKE 'm.cross_signing.%' OR account_data_type = 'm.megolm_backup.v1')`).all(alice.user.userId) as { account_data_type: string; content: string }[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(JSON.parse(row.session_data)).sort()).toEqual(['ciphertext', 'ephemeral', 'mac']);
    expect(secrets.map((s) => s.account_data_type).sort()).toEqual(['m.cross_signing.master', 'm.cross_signing.self_signing', 'm.cross_signing.user_signing', 'm.megolm_backup.v1']);
    for (const secret of secrets) {
      const content = JSON.parse(secret.content) as { encrypted: Record<string, Record<string, string>> };
      for (const encrypted of Object.values(content.encrypted)) expect(Object.keys(encrypted).sort()).toEqual(['ciphertext', 'iv', 'mac']);
    }
  } finally {
    await witness.stop();
  }
});
