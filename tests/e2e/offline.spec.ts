// Offline: with the network cut, Parley reopens from its service worker's cache, shows the
// timeline already seen (from the client's own store), keeps two messages written offline in
// its outbox, and sends them in order when the network returns.
import { test, expect, openPerson, messageWithText, recordPlaintext, sendThroughUi, roomWithScriptedPeer } from './fixtures.ts';
import { sendMessage } from '../participants/participant.ts';

test('offline: reload from cache, read the timeline seen, queue two messages, send them in order when back', async ({ browser, hs, newUser }, info) => {
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
