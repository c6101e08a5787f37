import { test, expect, openPerson, createRoomThroughUi, inviteThroughUi, signInThroughUi } from './fixtures.ts';

test('decline an invitation, leave a room, sign out wipes local data and deletes the device', async ({ browser, hs, newUser }) => {
  const alice = await openPerson(browser, hs, await newUser('alice'));
  const bobUser = await newUser('bob');
  const bob = await openPerson(browser, hs, bobUser);

  const declined = `To decline ${Date.now()}`;
  const left = `To leave ${Date.now()}`;
  const declinedId = await createRoomThroughUi(alice.page, declined);
  await inviteThroughUi(alice.page, bob.user.userId);
  const leftId = await createRoomThroughUi(alice.page, left);
  await inviteThroughUi(alice.page, bob.user.userId);

  const invites = bob.page.getByTestId('invites');
  await invites.locator('li', { hasText: declined }).getByRole('button', { name: 'Decline' }).click();
  await expect(invites.locator('li', { hasText: declined })).toHaveCount(0);
  await expect(bob.page.getByRole('link', { name: declined })).toHaveCount(0);

  await invites.locator('li', { hasText: left }).getByRole('button', { name: 'Accept' }).click();
  await bob.page.getByTestId('rooms').getByRole('link', { name: left }).click();
  await bob.page.getByRole('button', { name: 'Leave' }).click();
  await bob.page.getByRole('group').getByRole('button', { name: 'Leave' }).click();
  await expect(bob.page).toHaveURL(/\/rooms$/);
  await expect(bob.page.getByRole('link', { name: left })).toHaveCount(0);

  // The server agrees: Bob's membership in both rooms is "leave".
  const aliceToken = await alice.page.evaluate(() => (JSON.parse(localStorage.getItem('parley.session')!) as { accessToken: string }).accessToken);
  for (const roomId of [declinedId, leftId]) {
    const response = await fetch(`${hs.url}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/state/m.room.member/${encodeURIComponent(bob.user.userId)}`, {
      headers: { authorization: `Bearer ${aliceToken}` }
    });
    expect(((await response.json()) as { membership: string }).membership).toBe('leave');
  }

  const token = await bob.page.evaluate(() => (JSON.parse(localStorage.getItem('parley.session')!) as { accessToken: string }).accessToken);
  await bob.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(bob.page.getByTestId('auth-form')).toBeVisible();

  const local = await bob.page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((db) => db.name),
    localStorageKeys: Object.keys(localStorage),
    caches: 'caches' in window ? await caches.keys() : []
  }));
  expect(local.databases).toEqual([]);
  expect(local.localStorageKeys).toEqual([]);
  expect(local.caches).toEqual([]);

  const whoami = await fetch(`${hs.url}/_matrix/client/v3/account/whoami`, { headers: { authorization: `Bearer ${token}` } });
  expect(whoami.status, 'the signed-out device no longer exists on the server').toBe(401);

  await signInThroughUi(bob.page, hs, bobUser);
  await expect(bob.page.getByTestId('my-user-id')).toHaveText(bobUser.userId);
});
