import { test, expect, twoPeopleInRoom, sendThroughUi, messageWithText } from './fixtures.ts';

test('reload keeps session, device and history; a message sent meanwhile arrives; a second tab is refused', async ({ browser, hs, newUser }, info) => {
  const { alice, bob } = await twoPeopleInRoom(browser, hs, newUser, `Reload room ${Date.now()}`);

  const before = `Before the reload ${info.testId}`;
  await sendThroughUi(alice.page, before, info.testId);
  await expect(messageWithText(bob.page, before)).toBeVisible();

  const session = () => bob.page.evaluate(() => JSON.parse(localStorage.getItem('parley.session') ?? 'null') as { deviceId: string } | null);
  const deviceBefore = (await session())?.deviceId;
  expect(deviceBefore).toBeTruthy();
  const roomUrl = bob.page.url();

  // Bob's page is gone while Alice writes.
  await bob.page.goto('about:blank');
  const during = `Written while Bob was away ${info.testId}`;
  await sendThroughUi(alice.page, during, info.testId);
  await expect(messageWithText(alice.page, during)).toHaveAttribute('data-send-state', 'remote');

  await bob.page.goto(roomUrl);
  await expect(bob.page.getByTestId('sync-status')).toHaveAttribute('data-status', 'syncing');
  await expect(messageWithText(bob.page, before)).toBeVisible();
  await expect(messageWithText(bob.page, during)).toBeVisible();
  expect((await session())?.deviceId).toBe(deviceBefore);
  await expect(bob.page.getByTestId('undecryptable')).toHaveCount(0);

  // A second tab on the same crypto store would corrupt it: it is refused with an explanation.
  const secondTab = await bob.page.context().newPage();
  await secondTab.goto('/rooms');
  await expect(secondTab.getByTestId('other-tab')).toBeVisible();
  await expect(secondTab.getByTestId('timeline')).toHaveCount(0);
});
