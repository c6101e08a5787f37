// Safety for people at risk, in real Chromium against the real homeserver: quick exit leaves no
// way Back into the app, and "exit and erase" leaves nothing of Parley in the browser.
import { test, expect, openPerson, createRoomThroughUi } from './fixtures.ts';

test('quick exit replaces the app, and Back does not return to it', async ({ browser, hs, newUser }, info) => {
  const person = await openPerson(browser, hs, await newUser('exit'));
  const page = person.page;
  const appOrigin = new URL(page.url()).origin;
  // A neutral page of the person's choosing (here the homeserver's own static page, on this machine).
  const neutral = `${hs.url}/_matrix/static/`;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Neutral page to leave for').fill(neutral);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  // A move around the app first, which would otherwise add history entries.
  await createRoomThroughUi(page, `Exit ${info.testId.slice(0, 8)}`);
  await page.getByRole('link', { name: 'Settings' }).click();

  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForURL(neutral);
  // Back goes to wherever the tab was before Parley, never to Parley.
  await page.goBack().catch(() => null);
  expect(new URL(page.url()).origin).not.toBe(appOrigin);
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);
});

test('exit and erase leaves no session, database, storage or cache of Parley in the browser', async ({ browser, hs, newUser }) => {
  const person = await openPerson(browser, hs, await newUser('erase'));
  const page = person.page;
  const appUrl = page.url();
  const neutral = `${hs.url}/_matrix/static/`;
  await page.evaluate((url) => localStorage.setItem('parley:neutral-page', url), neutral);
  const before = await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
  expect(before.length).toBeGreaterThan(0);
  const accessToken = await page.evaluate(() =>
    Object.values(localStorage)
      .map((value) => {
        try {
          return (JSON.parse(value) as { accessToken?: string }).accessToken;
        } catch {
          return undefined;
        }
      })
      .find(Boolean)
  );
  expect(accessToken).toBeTruthy();

  await page.getByTestId('exit-and-erase').click();
  await page.waitForURL(neutral);
  await page.goto(appUrl);
  await expect(page.getByRole('button', { name: 'Sign in', exact: true }).last()).toBeVisible();
  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((db) => db.name),
    localStorage: Object.keys(localStorage),
    // SvelteKit writes its scroll positions again when the app opens; they hold no one's data (checked below).
    sessionStorage: Object.keys(sessionStorage).filter((key) => !key.startsWith('sveltekit:')),
    sveltekitBookkeeping: Object.entries(sessionStorage).map(([key, value]) => `${key}=${value}`).join('\n'),
    caches: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length
  }));
  expect(left).toMatchObject({ databases: [], localStorage: [], sessionStorage: [], caches: [], serviceWorkers: 0 });
  expect(left.sveltekitBookkeeping).not.toContain(person.user.localpart);
  // The device is gone on the server too: its access token no longer works.
  const whoami = await fetch(`${hs.url}/_matrix/client/v3/account/whoami`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(whoami.status).toBe(401);
});
