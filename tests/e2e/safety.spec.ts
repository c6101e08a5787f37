// Safety for people at risk, in real Chromium against the real homeserver: quick exit leaves no
// way Back into the app, "exit and erase" leaves nothing of Parley in the browser, and a person
// who changed nothing shows others neither read receipts nor typing.
import { DatabaseSync } from 'node:sqlite';
import { ReceiptType, RoomMemberEvent } from 'matrix-js-sdk';
import { test, expect, openPerson, createRoomThroughUi, messageWithText, recordPlaintext, sendThroughUi, signInThroughUi, twoPeopleInRoom, roomWithScriptedPeer } from './fixtures.ts';
import { translationServicePort } from '../../playwright.config.ts';
import { sendMessage } from '../participants/participant.ts';

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
  // Looked at from a plain file of the app's origin, where no app code runs (and registers nothing).
  await page.goto(new URL('/manifest.webmanifest', appUrl).href);
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
  await page.goto(appUrl);
  await expect(page.getByRole('button', { name: 'Sign in', exact: true }).last()).toBeVisible();
  // The device is gone on the server too: its access token no longer works.
  const whoami = await fetch(`${hs.url}/_matrix/client/v3/account/whoami`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(whoami.status).toBe(401);
});

function receiptTypesOf(databasePath: string, userId: string, roomId: string): string[] {
  const db = new DatabaseSync(databasePath, { readOnly: true });
  try {
    const rows = db.prepare('SELECT receipt_type FROM receipts_linearized WHERE user_id = ? AND room_id = ?').all(userId, roomId) as { receipt_type: string }[];
    return rows.map((row) => row.receipt_type).sort();
  } finally {
    db.close();
  }
}

test('a default user never shows another member a public read receipt or a typing notice', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(120_000);
  const tag = info.testId.slice(0, 8);
  const person = await openPerson(browser, hs, await newUser('quiet'));
  const page = person.page;
  const { peer: other, roomId } = await roomWithScriptedPeer(page, hs, 'watcher', `Quiet ${tag}`);
  try {
    const typing: boolean[] = [];
    other.client.on(RoomMemberEvent.Typing, (_event, member) => {
      if (member.userId === person.user.userId) typing.push(member.typing);
    });
    const publicReceipt = () => other.client.getRoom(roomId)?.getReadReceiptForUserId(person.user.userId, true, ReceiptType.Read)?.eventId ?? null;

    const text = `Are you there? ${tag}`;
    recordPlaintext(info.testId, text);
    const eventId = await sendMessage(other, roomId, { msgtype: 'm.text', body: text });
    await expect(messageWithText(page, text)).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('composer').pressSequentially('I am writing an answer', { delay: 30 });
    // The receipt went out, privately: the server holds an m.read.private and no m.read from the person.
    if (hs.databasePath) {
      await expect.poll(() => receiptTypesOf(hs.databasePath!, person.user.userId, roomId), { timeout: 15_000 }).toEqual(['m.read.private']);
    }
    // Long enough for a typing notice or receipt to have reached the other member's sync, had one been sent.
    await page.waitForTimeout(3_000);
    expect(typing).toEqual([]);
    expect(publicReceipt()).toBeNull();

    // Positive control: once the person turns both on, the same watcher sees them.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('privacy-publicReceipts').check();
    await page.getByTestId('privacy-typingNotices').check();
    await page.getByTestId('rooms').getByRole('link', { name: `Quiet ${tag}` }).click();
    const second = `Still there? ${tag}`;
    recordPlaintext(info.testId, second);
    const secondId = await sendMessage(other, roomId, { msgtype: 'm.text', body: second });
    await expect(messageWithText(page, second)).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('composer').pressSequentially('Yes', { delay: 30 });
    await expect.poll(() => typing.includes(true), { timeout: 15_000 }).toBe(true);
    await expect.poll(publicReceipt, { timeout: 15_000 }).toBe(secondId);
    expect(eventId).not.toBe(secondId);
  } finally {
    await other.stop();
  }
});

test('with a lifetime of a few seconds, messages disappear for both members, and the header shows the policy', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(120_000);
  const tag = info.testId.slice(0, 8);
  const { alice, bob } = await twoPeopleInRoom(browser, hs, newUser, `Fleeting ${tag}`);
  await alice.page.getByText('Disappearing messages').click();
  await alice.page.getByTestId('retention-amount').fill('8');
  await alice.page.getByTestId('retention-unit').selectOption('second');
  await alice.page.getByTestId('retention-set').click();
  for (const page of [alice.page, bob.page]) {
    await expect(page.getByTestId('retention-badge')).toHaveText('Messages disappear after 8 seconds', { timeout: 15_000 });
  }
  // Bob cannot change it: only those allowed to set room state see the setting.
  await expect(bob.page.getByText('Disappearing messages')).toHaveCount(0);

  const text = `This will not last ${tag}`;
  await sendThroughUi(alice.page, text, info.testId);
  for (const page of [alice.page, bob.page]) await expect(messageWithText(page, text)).toBeVisible({ timeout: 5_000 });
  for (const page of [alice.page, bob.page]) await expect(messageWithText(page, text)).toHaveCount(0, { timeout: 20_000 });
  // A reload does not bring it back from the local store.
  await bob.page.reload();
  await expect(bob.page.getByTestId('retention-badge')).toBeVisible({ timeout: 30_000 });
  await expect(messageWithText(bob.page, text)).toHaveCount(0);
});

test('a full scenario reaches only the app and the homeserver, under a policy that blocks inline script and other origins', async ({ browser, hs, newUser, baseURL }, info) => {
  test.setTimeout(180_000);
  const tag = info.testId.slice(0, 8);
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const origins = new Set<string>();
  context.on('request', (request) => origins.add(new URL(request.url()).origin));
  const user = await newUser('leakless');
  // Sign in (trust setup included), chat with someone, create a dialogue and open the consultation form.
  await signInThroughUi(page, hs, user);
  const { peer, roomId } = await roomWithScriptedPeer(page, hs, 'peer', `Leakless ${tag}`);
  try {
    const hello = `Hello from the peer ${tag}`;
    recordPlaintext(info.testId, hello);
    await sendMessage(peer, roomId, { msgtype: 'm.text', body: hello });
    await expect(messageWithText(page, hello)).toBeVisible({ timeout: 30_000 });
    await sendThroughUi(page, `And hello back ${tag}`, info.testId);
    await expect(page.getByTestId('message').last()).toHaveAttribute('data-send-state', /sent|remote/);
    await page.getByTestId('new-dialogue').click();
    await page.getByLabel('Dialogue name').fill(`Leakless dialogue ${tag}`);
    await page.getByLabel('Ground rules and consent text').fill(`Rules ${tag}`);
    await page.getByRole('button', { name: 'Create dialogue' }).click();
    await page.getByTestId('new-consultation').click({ timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'syncing', { timeout: 30_000 });

    expect([...origins].sort()).toEqual([new URL(baseURL!).origin, new URL(hs.url).origin].sort());

    // The page's policy: no inline script runs, and nothing else can be reached.
    const policies = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((metas) => metas.map((m) => m.getAttribute('content') ?? ''));
    expect(policies[0]).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // The suite's deployment lists one translation service (tests/setup/test-config.js).
    expect(policies.at(-1)).toBe(`connect-src 'self' ${new URL(hs.url).origin} http://127.0.0.1:${translationServicePort}`);
    // The page itself carries no inline script (SvelteKit's start-up script was moved to a file).
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
    const blocked = await page.evaluate(async (elsewhere) => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const fetched = await fetch(elsewhere).then(() => 'reached', () => 'blocked');
      return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, fetched };
    }, `http://127.0.0.1:9/`);
    expect(blocked).toEqual({ inlineRan: false, fetched: 'blocked' });
  } finally {
    await peer.stop();
    await context.close();
  }
});

test('the app lock: idle locks and empties the page, the stored data holds no key or token in clear, and only the right passphrase opens it', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(180_000);
  const tag = info.testId.slice(0, 8);
  const { alice } = await twoPeopleInRoom(browser, hs, newUser, `Locked ${tag}`);
  const page = alice.page;
  const text = `Something private ${tag}`;
  await sendThroughUi(page, text, info.testId);
  await expect(messageWithText(page, text)).toBeVisible();
  const accessToken = await page.evaluate(() => (JSON.parse(localStorage.getItem('parley.session') ?? '{}') as { accessToken?: string }).accessToken);
  expect(accessToken).toBeTruthy();

  const passphrase = `lock-${tag}`;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByTestId('lock-passphrase').fill(passphrase);
  await page.getByTestId('lock-repeat').fill(passphrase);
  await page.getByTestId('lock-idle').selectOption('1');
  await page.getByTestId('lock-turn-on').click();
  await expect(page.getByTestId('lock-outcome')).toHaveText('The app lock is on.');

  // Time runs as usual, but can be moved on: a minute without input locks the app.
  await page.clock.install();
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock').click();
  await page.getByTestId('rooms').getByRole('link', { name: `Locked ${tag}` }).click({ timeout: 30_000 });
  await expect(messageWithText(page, text)).toBeVisible({ timeout: 30_000 });
  await page.clock.fastForward('01:05');
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 30_000 });
  expect(await page.content()).not.toContain(text);
  expect(await page.title()).toBe('Parley');

  // What a copied profile would hold: every IndexedDB value and all of local storage.
  const stored = await page.evaluate(async () => {
    const dump: string[] = [];
    const encode = (value: unknown): string =>
      JSON.stringify(value, (_key, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? `bytes:${new TextDecoder('latin1').decode(v as ArrayBuffer)}` : v));
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of db.objectStoreNames) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        dump.push(...values.map((value) => `${name}/${storeName}\t${encode(value)}`));
      }
      db.close();
    }
    for (const key of Object.keys(localStorage)) dump.push(`localStorage/${key}\t${JSON.stringify(localStorage.getItem(key))}`);
    return dump;
  });
  const all = stored.join('\n');
  expect(stored.some((line) => line.includes(':crypto'))).toBe(true);
  expect(all).not.toContain(accessToken!);
  if (alice.recoveryKey) expect(all).not.toContain(alice.recoveryKey);
  // The Rust crypto store keeps pickled keys. Encrypted at rest, every pickle is an opaque
  // envelope (version, nonce, ciphertext), and no key's contents are readable anywhere.
  const cryptoValues = stored.filter((line) => line.includes(':crypto')).map((line) => JSON.parse(line.split('\t')[1]) as unknown);
  const pickles: unknown[] = [];
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (/pickle/i.test(key)) pickles.push(inner);
      else walk(inner);
    }
  };
  cryptoValues.forEach(walk);
  expect(pickles.length).toBeGreaterThan(0);
  for (const pickle of pickles) expect(Object.keys(pickle as object).sort()).toEqual(['ciphertext', 'nonce', 'version']);
  expect(all).not.toMatch(/"(ratchet|initial_ratchet|private_key|secret_key|session_key|pickle_key|decryption_key)"/i);
  expect(all).not.toContain(text);

  // A wrong passphrase opens nothing; the right one brings everything back.
  await page.getByTestId('unlock-passphrase').fill(`${passphrase}x`);
  await page.getByTestId('unlock').click();
  await expect(page.getByTestId('unlock-error')).toHaveText('That passphrase is not right.');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock').click();
  await page.getByTestId('rooms').getByRole('link', { name: `Locked ${tag}` }).click({ timeout: 30_000 });
  await expect(messageWithText(page, text)).toBeVisible({ timeout: 30_000 });
});
