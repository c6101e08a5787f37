import { test, expect, twoPeopleInRoom, sendThroughUi, messageWithText } from './fixtures.ts';

test('two people exchange end-to-end encrypted messages both ways', async ({ browser, hs, newUser }, info) => {
  const { alice, bob } = await twoPeopleInRoom(browser, hs, newUser, `Dniester dialogue ${Date.now()}`);
  for (const person of [alice, bob]) await expect(person.page.getByTestId('encrypted-badge')).toBeVisible();

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
