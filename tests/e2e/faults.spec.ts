// Faults: the homeserver is killed (SIGKILL, as in a crash) in the middle of a conversation and
// started again; the browser's network is cut for 30 seconds while others keep writing. In both
// cases every message written is delivered exactly once, and the app recovers by itself.
import type { Page } from '@playwright/test';
import { test, expect, messageWithText, recordPlaintext } from './fixtures.ts';
import { createSynapse, registerUser, removeSynapseData, startSynapse, stopSynapse, uniqueLocalpart } from '../homeserver/synapse.ts';
import { parseMessageBody, sendFromEveryone, type SentMessage } from '../participants/crowd.ts';
import { readWholeTimeline, unreadableRows } from '../load/timeline-reader.ts';
import { roomWithCrowd } from '../load/watched-room.ts';

const PEOPLE = 3;
const PER_MEMBER = 8;
const PAUSE_MS = 700;

async function writeWhileAway(page: Page, texts: string[], testId: string): Promise<void> {
  for (const text of texts) {
    recordPlaintext(testId, text);
    await page.getByTestId('composer').fill(text);
    await page.getByTestId('composer').press('Enter');
    await expect(messageWithText(page, text)).toBeVisible();
  }
}

/**
 * Once the server can be reached again: the app syncs again by itself, what the person wrote
 * while away is confirmed by the server, and the browser shows every message of the
 * conversation once, as the server ordered it (paged back through the room).
 */
async function expectRecovery(
  page: Page,
  fault: string,
  { conversation, mine, tag }: { conversation: Promise<SentMessage[]>; mine: string[]; tag: string }
): Promise<void> {
  const backAt = Date.now();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'syncing', { timeout: 120_000 });
  console.log(`${fault}: the app was syncing again ${Date.now() - backAt} ms after the server could be reached`);
  const sent = await conversation;
  // The timeline is read from the newest message back to the start, again until it settles:
  // messages paged in over the gap may still be decrypting, or still arriving, on a first pass.
  const expected = [...sent.map((m) => m.body), ...mine].sort();
  await expect
    .poll(
      async () => {
        const rows = await readWholeTimeline(page);
        const bodies = rows.map((row) => row.body).filter((body) => parseMessageBody(tag, body) !== null || mine.includes(body));
        return {
          bodies: [...bodies].sort(),
          duplicates: bodies.length - new Set(bodies).size,
          // A local echo keeps its transaction id ("~…") until the server confirms it.
          unsent: rows.filter((row) => !row.id.startsWith('$')).length,
          undecryptable: unreadableRows(rows).length
        };
      },
      { timeout: 90_000, intervals: [1_000, 3_000, 5_000] }
    )
    .toEqual({ bodies: expected, duplicates: 0, unsent: 0, undecryptable: 0 });
}

test('@load the homeserver is killed mid-conversation and restarted: every message arrives once, the app recovers by itself', async ({ page }, info) => {
  test.skip(!!process.env.PARLEY_HOMESERVER_URL, 'needs a homeserver this suite can kill and start');
  test.setTimeout(300_000);
  const tag = info.testId.slice(0, 6);
  // A homeserver of this test's own, so killing it disturbs no other test.
  const hs = await startSynapse(await createSynapse('crash'));
  let running = hs;
  try {
    const person = await registerUser(hs, uniqueLocalpart('survivor'), 'pw-survivor-crash-1');
    const { crowd, roomId } = await roomWithCrowd(page, hs, person, PEOPLE, `crash${tag}`, `Crash ${tag}`);
    try {
      const conversation = sendFromEveryone(crowd, roomId, PER_MEMBER, tag, PAUSE_MS);
      await expect(page.getByTestId('message').last()).toHaveAttribute('data-kind', 'text', { timeout: 30_000 });
      await stopSynapse(running, 'SIGKILL');
      await expect(page.getByTestId('sync-status')).not.toHaveAttribute('data-status', 'syncing', { timeout: 60_000 });
      const mine = [`Written while the server was down ${tag} 1`, `Written while the server was down ${tag} 2`];
      await writeWhileAway(page, mine, info.testId);
      await page.waitForTimeout(3_000);

      running = await startSynapse(hs);
      await expectRecovery(page, 'homeserver restart', { conversation, mine, tag });
    } finally {
      await crowd.stop();
    }
  } finally {
    await stopSynapse(running);
    removeSynapseData(hs);
  }
});

test('@load the network is cut for 30 s while others keep writing: every message arrives once, the app recovers by itself', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(300_000);
  const tag = info.testId.slice(0, 6);
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const { crowd, roomId } = await roomWithCrowd(page, hs, await newUser('cutoff'), PEOPLE, `cut${tag}`, `Cut ${tag}`);
  try {
    await context.setOffline(true);
    const cutAt = Date.now();
    const conversation = sendFromEveryone(crowd, roomId, PER_MEMBER, tag, PAUSE_MS);
    await expect(page.getByTestId('sync-status')).not.toHaveAttribute('data-status', 'syncing', { timeout: 60_000 });
    const mine = [`Written in the tunnel ${tag} 1`, `Written in the tunnel ${tag} 2`];
    await writeWhileAway(page, mine, info.testId);
    await page.waitForTimeout(Math.max(0, 30_000 - (Date.now() - cutAt)));
    await context.setOffline(false);
    await expectRecovery(page, 'network cut', { conversation, mine, tag });
  } finally {
    await crowd.stop();
  }
});
