// Offline: with the network cut, Parley reopens from its service worker's cache, shows the
// timeline already seen (from the client's own store), keeps two messages written offline in
// its outbox, and sends them in order when the network returns. A message whose sending failed
// after it was encrypted survives a reload, readable, until it is sent.
import { test, expect, openPerson, messageWithText, recordPlaintext, sendThroughUi, roomWithScriptedPeer } from './fixtures.ts';
import { sendMessage } from '../participants/participant.ts';

test('offline: reload from cache, read the timeline seen, queue two messages (leaving asks first), send them in order when back', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(180_000);
  const tag = info.testId.slice(0, 8);
  const person = await openPerson(browser, hs, await newUser('offline'));
  const page = person.page;
  const { peer, roomId } = await roomWithScriptedPeer(page, hs, 'online', `Offline ${tag}`);
  try {
    const seen = `Read this before the train ${tag}`;
    recordPlaintext(info.testId, seen);
    const seenId = await sendMessage(peer, roomId, { msgtype: 'm.text', body: seen });
    await expect(messageWithText(page, seen)).toBeVisible({ timeout: 30_000 });
    // The client has written what it synced to its own store (encrypted events, as received).
    const storedEventIds = () =>
      page.evaluate(async () => {
        const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.endsWith(':sync'));
        const dumps = await Promise.all(
          names.map(
            (name) =>
              new Promise<string>((resolve) => {
                const open = indexedDB.open(name);
                open.onsuccess = () => {
                  const db = open.result;
                  if (!db.objectStoreNames.contains('sync')) return resolve('');
                  const all = db.transaction('sync', 'readonly').objectStore('sync').getAll();
                  all.onsuccess = () => resolve(JSON.stringify(all.result));
                  all.onerror = () => resolve('');
                };
                open.onerror = () => resolve('');
              })
          )
        );
        return dumps.join('');
      });
    await expect.poll(async () => (await storedEventIds()).includes(seenId), { timeout: 30_000 }).toBe(true);
    // The service worker has cached the app and controls the page.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);

    await page.context().setOffline(true);
    await page.reload();
    await expect(messageWithText(page, seen)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', /offline|error|connecting/);
    const first = `First, written offline ${tag}`;
    const second = `Second, written offline ${tag}`;
    await sendThroughUi(page, first, info.testId);
    await sendThroughUi(page, second, info.testId);
    await expect(messageWithText(page, first)).toBeVisible();
    await expect(messageWithText(page, second)).toBeVisible();
    // Written offline, they are not yet encrypted, and the SDK keeps nothing unencrypted across a
    // reload: leaving the page now would lose them, so the browser asks first.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.type();
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toBe('beforeunload');
    for (const text of [first, second]) await expect(messageWithText(page, text)).toHaveAttribute('data-send-state', 'failed');

    await page.context().setOffline(false);
    const received = () =>
      (peer.client.getRoom(roomId)?.getLiveTimeline().getEvents() ?? [])
        .map((event) => (event.getContent() as { body?: string }).body)
        .filter((body): body is string => !!body && body.includes('written offline'));
    await expect.poll(received, { timeout: 60_000 }).toEqual([first, second]);
    for (const text of [first, second]) await expect(messageWithText(page, text)).toHaveAttribute('data-send-state', /sent|remote/, { timeout: 30_000 });
  } finally {
    await peer.stop();
  }
});

test('a message whose sending failed survives a reload, readable and encrypted at rest, and is sent on retry', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(180_000);
  const tag = info.testId.slice(0, 8);
  const person = await openPerson(browser, hs, await newUser('unsent'));
  const page = person.page;
  const { peer, roomId } = await roomWithScriptedPeer(page, hs, 'reader', `Unsent ${tag}`);
  try {
    // The server refuses nothing, the way there breaks: the message is encrypted, then not sent.
    const sends = /\/rooms\/[^/]+\/send\/m\.room\.encrypted\//;
    await page.route(sends, (route) => route.abort('connectionreset'));
    const text = `Sent just as the line dropped ${tag}`;
    await sendThroughUi(page, text, info.testId);
    await expect(messageWithText(page, text)).toHaveAttribute('data-send-state', 'failed', { timeout: 60_000 });
    // The SDK keeps it for after a reload, encrypted only.
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('mx_pending_events_')).map((key) => localStorage.getItem(key) ?? '').join(''));
    expect(kept).toContain('m.room.encrypted');
    expect(kept).not.toContain(text);

    await page.reload();
    await expect(messageWithText(page, text)).toHaveAttribute('data-send-state', 'failed', { timeout: 30_000 });
    await expect(page.getByText('Unsupported or invalid content')).toHaveCount(0);

    await page.unroute(sends);
    await messageWithText(page, text).getByRole('button', { name: 'Retry' }).click();
    await expect(messageWithText(page, text)).toHaveAttribute('data-send-state', /sent|remote/, { timeout: 30_000 });
    const received = () =>
      (peer.client.getRoom(roomId)?.getLiveTimeline().getEvents() ?? []).filter((event) => (event.getContent() as { body?: string }).body === text).length;
    await expect.poll(received, { timeout: 30_000 }).toBe(1);
  } finally {
    await peer.stop();
  }
});
