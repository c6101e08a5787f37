// Load: many scripted participants talk at once in one encrypted room while a person watches in
// the browser. Full size (`npm run test:load`) is 50 people × 20 messages; the default suite
// runs a reduced size so that CI stays short.
import { test, expect } from './fixtures.ts';
import { parseMessageBody, roomEventIds, sendFromEveryone } from '../participants/crowd.ts';
import { roomWithCrowd, untilNewestShown } from '../load/watched-room.ts';
import { readWholeTimeline, recordSyncDeliveries, unreadableRows } from '../load/timeline-reader.ts';
import { LOAD } from '../load/sizes.ts';

test('@load a crowd sends into one encrypted room: the watcher sees every message decrypted, once, in order', async ({ browser, hs, newUser }, info) => {
  const { people, perMember } = LOAD.chat;
  test.setTimeout(LOAD.full ? 1_200_000 : 300_000);
  const tag = info.testId.slice(0, 6);
  const roomName = `Crowd ${tag}`;

  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  const deliveries = await recordSyncDeliveries(page);
  const { crowd, roomId } = await roomWithCrowd(page, hs, await newUser('watcher'), people, `crowd${tag}`, roomName);
  try {
    const sent = await sendFromEveryone(crowd, roomId, perMember, tag);
    expect(sent).toHaveLength(people * perMember);
    await untilNewestShown(page, crowd, roomId);

    const rows = await readWholeTimeline(page);
    const ours = rows.filter((row) => parseMessageBody(tag, row.body) !== null);
    // Named by sender and number: a whole sender missing means a key never shared, scattered ones a late key.
    const sentById = new Map(sent.map((m) => [m.eventId, m.body]));
    expect(unreadableRows(rows).map((row) => `${row.kind}: ${sentById.get(row.id) ?? row.id}`)).toEqual([]);
    // Every message, once.
    expect(new Set(ours.map((row) => row.body)).size).toBe(ours.length);
    expect(ours.map((row) => row.body).sort()).toEqual(sent.map((m) => m.body).sort());
    // In a consistent order: each sender's messages in the order they were sent, and the
    // browser's order is the server's (the order of the event IDs the server confirmed).
    const lastIndex = new Map<number, number>();
    for (const row of ours) {
      const { member, index } = parseMessageBody(tag, row.body)!;
      expect(index, `${row.body} after #${lastIndex.get(member)}`).toBeGreaterThan(lastIndex.get(member) ?? -1);
      lastIndex.set(member, index);
    }
    const sentIds = new Set(sent.map((m) => m.eventId));
    expect(ours.map((row) => row.id)).toEqual((await roomEventIds(crowd.members[0], roomId)).filter((id) => sentIds.has(id)));

    // Delivery to this browser: from the server's timestamp to the sync that carried it.
    const delivered = await deliveries();
    const latencies = sent.filter((m) => m.eventId in delivered).map((m) => delivered[m.eventId]);
    info.annotations.push({ type: 'delivery', description: `${latencies.length} of ${sent.length} seen in syncs` });
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.min(...latencies)).toBeGreaterThanOrEqual(0);
  } finally {
    await crowd.stop();
  }
});
