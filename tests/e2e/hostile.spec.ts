// Hostile input in a real browser: a scripted member sends the whole XSS corpus as message
// bodies and formatted bodies, and puts payloads and layout breakers in their display name, the
// room's name and topic, and file names; then oversized and wrongly typed events. No payload may
// run (a page-wide tripwire stays untouched), no view may crash or overflow a phone's width, and
// malformed events show as "Unsupported or invalid content".
import { test, expect } from './fixtures.ts';
import { sendMessage } from '../participants/participant.ts';
import { LAYOUT_BREAKERS, XSS_PAYLOADS } from '../hostile/xss-corpus.ts';
import { readWholeTimeline } from '../load/timeline-reader.ts';
import { overflow } from './layout.ts';
import { inBatches } from '../participants/crowd.ts';
import { roomWithCrowd } from '../load/watched-room.ts';

test('hostile input: the XSS corpus and layout breakers in every field run nothing, break nothing, crash nothing', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(420_000);
  const tag = info.testId.slice(0, 6);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tripped: string[] = [];
    Object.assign(window, { __tripped: tripped, __tripwire: (id: string) => tripped.push(String(id)) });
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    pageErrors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const tripped = () => page.evaluate(() => (window as unknown as { __tripped: string[] }).__tripped);

  // Mallory creates the room, so she may also set its name and topic.
  const { crowd, roomId } = await roomWithCrowd(page, hs, await newUser('target'), 1, 'mallory', `Hostile ${tag}`);
  const [mallory] = crowd.members;
  try {
    // Names and topics: each payload in turn is the member's display name, the room's name and topic.
    const names = [...XSS_PAYLOADS.slice(0, 12).map((p) => p.payload), ...LAYOUT_BREAKERS.map((b) => b.text), 'N'.repeat(10_000)];
    // The server itself refuses some (a lone surrogate is not valid JSON for Synapse): counted, not sent.
    let accepted = 0;
    const attempt = (request: Promise<unknown>) => request.then(() => accepted++, () => undefined);
    for (const [i, name] of names.entries()) {
      await attempt(mallory.client.setDisplayName(name));
      await attempt(mallory.client.setRoomName(roomId, name));
      await attempt(mallory.client.setRoomTopic(roomId, names[names.length - 1 - i]));
    }
    expect(accepted).toBeGreaterThan(names.length * 2);
    // Every payload as a formatted body (and as the body other views preview), every layout
    // breaker as a plain body, some payloads as file names.
    await inBatches(XSS_PAYLOADS, 1, (p) =>
      sendMessage(mallory, roomId, { msgtype: 'm.text', body: p.payload, format: 'org.matrix.custom.html', formatted_body: p.payload })
    );
    await inBatches(LAYOUT_BREAKERS, 1, (b) => sendMessage(mallory, roomId, { msgtype: 'm.text', body: b.text }));
    await inBatches(XSS_PAYLOADS.slice(0, 10), 1, (p) => sendMessage(mallory, roomId, { msgtype: 'm.file', body: p.payload, info: { mimetype: 'text/html', size: 1 } }));
    // Oversized events: the largest body an encrypted event can carry (the server refuses events
    // over 64 KiB, and encryption adds a third), and HTML nested 2,000 deep. They are valid.
    await sendMessage(mallory, roomId, { msgtype: 'm.text', body: 'x'.repeat(44_000) });
    await sendMessage(mallory, roomId, { msgtype: 'm.text', body: 'nested', format: 'org.matrix.custom.html', formatted_body: '<div>'.repeat(2_000) + 'deep' + '</div>'.repeat(2_000) });
    // Wrongly typed events: each must show as unsupported or invalid.
    const malformed: Record<string, unknown>[] = [
      { msgtype: 'm.text', body: 42 },
      { msgtype: 42, body: 'a number for a msgtype' },
      { msgtype: 'm.text', body: null, formatted_body: {} },
      { msgtype: 'm.text', body: ['an', 'array'], format: 'org.matrix.custom.html', formatted_body: ['<b>x</b>'] },
      { msgtype: 'm.text', body: { toString: 'x' }, 'm.relates_to': 'not an object' },
      { msgtype: 'm.image', body: 7, file: 'mxc://nowhere/x', info: 'big' },
      { body: 'no msgtype at all' }
    ];
    for (const content of malformed) await sendMessage(mallory, roomId, content);
    const last = `still standing ${tag}`;
    await sendMessage(mallory, roomId, { msgtype: 'm.text', body: last });
    await expect(page.getByTestId('message').filter({ hasText: last })).toBeVisible({ timeout: 120_000 });
    // The newest rows, just above the last message, are the malformed ones.
    await expect(page.getByText('Unsupported or invalid content').first()).toBeVisible();

    // Every row is rendered on the way up; poke the ones in view at each step.
    const rows = await readWholeTimeline(page, 360_000, async () => {
      await page.getByTestId('timeline').evaluate((el) => {
        for (const node of el.querySelectorAll('[data-testid=body] *')) {
          for (const type of ['mouseover', 'focus', 'click', 'toggle', 'error', 'load', 'animationstart']) {
            node.dispatchEvent(new Event(type, { bubbles: true }));
          }
        }
      });
    });
    expect(rows.length).toBeGreaterThanOrEqual(XSS_PAYLOADS.length + LAYOUT_BREAKERS.length + malformed.length);
    expect(rows.filter((row) => row.kind === 'invalid')).toHaveLength(malformed.length);

    // Nothing sticks out of a phone's width: header, room list, timeline.
    expect(await overflow(page)).toEqual([]);
    expect(await tripped()).toEqual([]);
    expect(pageErrors).toEqual([]);
    // A positive control: the tripwire does record a call made in this page.
    await page.evaluate(() => (window as unknown as { __tripwire: (id: string) => void }).__tripwire('control'));
    expect(await tripped()).toEqual(['control']);
  } finally {
    await crowd.stop();
  }
});
