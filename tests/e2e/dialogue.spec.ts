import { test, expect, openPerson, createRoomThroughUi, inviteThroughUi, acceptInviteThroughUi, sendThroughUi, messageWithText } from './fixtures.ts';

test('two people exchange end-to-end encrypted messages both ways', async ({ browser, hs, newUser }, info) => {
  const alice = await openPerson(browser, hs, await newUser('alice'));
  const bob = await openPerson(browser, hs, await newUser('bob'));

  const roomName = `Dniester dialogue ${Date.now()}`;
  await createRoomThroughUi(alice.page, roomName);
  await expect(alice.page.getByTestId('encrypted-badge')).toBeVisible();
  await inviteThroughUi(alice.page, bob.user.userId);
  await acceptInviteThroughUi(bob.page, roomName);

  const fromAlice = `Hello from the left bank ${info.testId}`;
  await sendThroughUi(alice.page, fromAlice, info.testId);
  await expect(messageWithText(bob.page, fromAlice)).toBeVisible();

  const fromBob = `Привет с правого берега ${info.testId}`;
  await sendThroughUi(bob.page, fromBob, info.testId);
  await expect(messageWithText(alice.page, fromBob)).toBeVisible();
  await expect(messageWithText(alice.page, fromAlice)).toHaveAttribute('data-send-state', 'remote');
  await expect(alice.page.getByTestId('undecryptable')).toHaveCount(0);
  await expect(bob.page.getByTestId('undecryptable')).toHaveCount(0);
});
