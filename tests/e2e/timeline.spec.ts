// What an Element user expects of a room: spaces that group rooms, replies, names that cannot
// impersonate, formatted text, and older history fetched on scroll.
import { test, expect, openPerson, createRoomThroughUi, inviteThroughUi, sendThroughUi, messageWithText, recordPlaintext } from './fixtures.ts';
import { startParticipant, joinWhenInvited, sendMessage } from '../participants/participant.ts';
import { uniqueLocalpart } from '../homeserver/synapse.ts';

test('a space groups the rooms of one dialogue', async ({ browser, hs, newUser }) => {
  const alice = await openPerson(browser, hs, await newUser('alice'));
  const page = alice.page;
  const spaceName = `Caucasus dialogue ${Date.now()}`;
  await page.getByTestId('new-room').click();
  await page.getByLabel('Dialogue (a space that groups rooms)').check();
  await page.getByLabel('Dialogue name').fill(spaceName);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: spaceName })).toBeVisible();
  await expect(page.getByTestId('spaces').getByRole('link', { name: spaceName })).toBeVisible();

  for (const roomName of ['Plenary', 'Working group']) {
    await page.getByRole('link', { name: spaceName }).click();
    await page.getByTestId('add-room-to-space').click();
    await page.getByLabel('Room name').fill(roomName);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: roomName })).toBeVisible();
    await expect(page.getByTestId('encrypted-badge')).toBeVisible();
  }
  await page.getByRole('link', { name: spaceName }).click();
  const children = page.getByTestId('space-children');
  await expect(children.getByRole('link')).toHaveCount(2);
  await expect(children.getByRole('link', { name: 'Plenary' })).toBeVisible();
  await expect(children.getByRole('link', { name: 'Working group' })).toBeVisible();
});

test('replies, look-alike names, Markdown and back-pagination', async ({ browser, hs, newUser }, info) => {
  const alice = await openPerson(browser, hs, await newUser('alice'));
  const aliceName = 'Nino';
  const impostor = await startParticipant(hs, uniqueLocalpart('impostor'), undefined, aliceName);
  const friend = await startParticipant(hs, uniqueLocalpart('friend'), undefined, aliceName);
  try {
    const roomId = await createRoomThroughUi(alice.page, `Timeline room ${Date.now()}`);
    for (const p of [impostor, friend]) {
      await inviteThroughUi(alice.page, p.user.userId);
      await joinWhenInvited(p, roomId);
    }
    // Sixty earlier messages, so that the first screen cannot hold them all.
    for (let i = 0; i < 60; i++) {
      const body = `History line ${i} ${info.testId}`;
      recordPlaintext(info.testId, body);
      await sendMessage(i % 2 ? impostor : friend, roomId, { msgtype: 'm.text', body });
    }
    const last = messageWithText(alice.page, `History line 59 ${info.testId}`);
    await expect(last).toBeVisible();

    // Two people both called "Nino": each is shown with their Matrix ID.
    await expect(alice.page.getByTestId('sender').filter({ hasText: `${aliceName} (${impostor.user.userId})` }).first()).toBeVisible();
    await expect(alice.page.getByTestId('sender').filter({ hasText: `${aliceName} (${friend.user.userId})` }).first()).toBeVisible();

    // Reply to the last message.
    await last.hover();
    await last.getByRole('button', { name: /^Reply to/ }).click();
    await expect(alice.page.getByTestId('replying-to')).toContainText('History line 59');
    const answer = `I agree with **this** ${info.testId}`;
    await sendThroughUi(alice.page, answer, info.testId);
    const sent = alice.page.getByTestId('message').filter({ hasText: `I agree with this ${info.testId}` });
    await expect(sent.locator('strong', { hasText: 'this' })).toBeVisible();
    await expect(sent.locator('blockquote')).toContainText(`History line 59 ${info.testId}`);
    await expect(sent).toHaveAttribute('data-send-state', 'remote');

    // After a reload the local cache holds only the latest events; scrolling to the top
    // fetches older history from the server until the first message is there.
    await alice.page.reload();
    await expect(alice.page.getByTestId('sync-status')).toHaveAttribute('data-status', 'syncing');
    await expect(messageWithText(alice.page, `History line 59 ${info.testId}`)).toBeVisible();
    const first = messageWithText(alice.page, `History line 0 ${info.testId}`);
    await expect(first).toHaveCount(0);
    // Scrolled with the mouse wheel, as a person does: the list tells a reader's scrolling from its
    // own, and keeps following the newest message for anyone who did not scroll. (Scrolled by
    // script, a fixed number of times, the test failed whenever paging took longer than its loop.)
    await alice.page.getByTestId('timeline').hover();
    await expect(async () => {
      await alice.page.mouse.wheel(0, -100_000);
      await expect(first).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(alice.page.getByTestId('day-separator').first()).toBeVisible();
    await expect(alice.page.getByTestId('undecryptable')).toHaveCount(0);
  } finally {
    await impostor.stop();
    await friend.stop();
  }
});
