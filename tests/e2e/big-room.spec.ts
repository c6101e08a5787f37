// Big rooms: a person scrolls from the newest message of a long encrypted room back to its
// start. The timeline is virtualised, so the page holds a bounded number of rows whatever the
// room's length, and the JS heap stays small. Full size (`npm run test:load`): 10,000 messages.
import { test, expect } from './fixtures.ts';
import { parseMessageBody, sendFromEveryone } from '../participants/crowd.ts';
import { roomWithCrowd, untilNewestShown } from '../load/watched-room.ts';
import { readWholeTimeline, unreadableRows } from '../load/timeline-reader.ts';
import { LOAD } from '../load/sizes.ts';
import { heapUsedMB, MAX_ROWS_IN_PAGE } from '../load/heap.ts';

const SENDERS = 10;

test('@load scrolling a long room back to its start keeps the page small and every message readable', async ({ browser, hs, newUser }, info) => {
  const { messages } = LOAD.bigRoom;
  test.setTimeout(LOAD.full ? 1_800_000 : 420_000);
  const tag = info.testId.slice(0, 6);
  const roomName = `Long room ${tag}`;

  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  const { crowd, roomId } = await roomWithCrowd(page, hs, await newUser('reader'), SENDERS, `long${tag}`, roomName);
  try {
    const sent = await sendFromEveryone(crowd, roomId, messages / SENDERS, tag);
    await untilNewestShown(page, crowd, roomId);

    let mostRows = 0;
    const rows = await readWholeTimeline(page, LOAD.full ? 1_500_000 : 360_000, async () => {
      mostRows = Math.max(mostRows, await page.getByTestId('message').count());
    });
    const ours = rows.filter((row) => parseMessageBody(tag, row.body) !== null);
    const seen = new Set(ours.map((row) => row.body));
    expect(sent.filter((message) => !seen.has(message.body)).map((message) => message.body)).toEqual([]);
    expect(ours.length).toBe(sent.length);
    expect(unreadableRows(rows)).toEqual([]);
    // Virtualised: never more than a screenful or so of rows in the page.
    expect(mostRows).toBeLessThanOrEqual(MAX_ROWS_IN_PAGE);
    const heap = await heapUsedMB(page);
    const figures = `${heap.toFixed(1)} MB of JS heap after scrolling ${ours.length} messages; at most ${mostRows} rows in the page`;
    info.annotations.push({ type: 'heap', description: figures });
    console.log(`big room: ${figures}`);
    expect(heap).toBeLessThan(150);
  } finally {
    await crowd.stop();
  }
});
