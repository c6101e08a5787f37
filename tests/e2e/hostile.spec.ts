// Hostile input in a real browser: a scripted member sends the whole XSS corpus as message
// bodies and formatted bodies, and puts payloads and layout breakers in their display name, the
// room's name and topic, and file names; then oversized and wrongly typed events. No payload may
// run (a page-wide tripwire stays untouched), no view may crash or overflow a phone's width, and
// malformed events show as "Unsupported or invalid content".
import type { Browser, Page } from '@playwright/test';
import { Preset } from 'matrix-js-sdk';
import { test, expect, signInThroughUi } from './fixtures.ts';
import { sendMessage, startParticipant } from '../participants/participant.ts';
import { joinDialogue, waitForConsultation } from '../participants/consultation.ts';
import { uniqueLocalpart } from '../homeserver/synapse.ts';
import { addStatement, answerQuestion, vote } from '../../src/lib/consultation/room.ts';
import { MAX_STATEMENT_CHARS, MAX_TEXT_CHARS } from '../../src/lib/consultation/events.ts';
import { ignoredTotal } from '../../src/lib/consultation/state.ts';
import { hasLoneSurrogate, LAYOUT_BREAKERS, XSS_PAYLOADS } from '../hostile/xss-corpus.ts';
import { readWholeTimeline, unreadableRows } from '../load/timeline-reader.ts';
import { overflow } from './layout.ts';
import { inBatches } from '../participants/crowd.ts';
import { roomWithCrowd } from '../load/watched-room.ts';
import { collectPageErrors } from './page-errors.ts';

/** A phone-sized page with a page-wide tripwire that every payload calls, and a record of page errors and dialogs. */
async function hostilePage(browser: Browser) {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tripped: string[] = [];
    Object.assign(window, { __tripped: tripped, __tripwire: (id: string) => tripped.push(String(id)) });
  });
  const pageErrors = collectPageErrors(page);
  page.on('dialog', (dialog) => {
    pageErrors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const tripped = () => page.evaluate(() => (window as unknown as { __tripped: string[] }).__tripped);
  return { page, tripped, pageErrors };
}

/** Fires the events payloads hook into at every element matching `selector` (content, not controls). */
async function poke(page: Page, selector: string): Promise<void> {
  await page.evaluate((selector) => {
    for (const node of document.querySelectorAll(selector)) {
      for (const type of ['mouseover', 'focus', 'click', 'toggle', 'error', 'load', 'animationstart']) {
        node.dispatchEvent(new Event(type, { bubbles: true }));
      }
    }
  }, selector);
}

/** The tripwire records a call made in the page: the check above it could have failed. */
async function expectTripwireWorks(page: Page, tripped: () => Promise<string[]>): Promise<void> {
  await page.evaluate(() => (window as unknown as { __tripwire: (id: string) => void }).__tripwire('control'));
  expect(await tripped()).toEqual(['control']);
}

test('hostile input: the XSS corpus and layout breakers in every field run nothing, break nothing, crash nothing', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(420_000);
  const tag = info.testId.slice(0, 6);
  const { page, tripped, pageErrors } = await hostilePage(browser);

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
      await poke(page, '[data-testid=timeline] [data-testid=body] *');
    });
    expect(rows.length).toBeGreaterThanOrEqual(XSS_PAYLOADS.length + LAYOUT_BREAKERS.length + malformed.length);
    // Bodies with a lone surrogate decrypt, but their JSON cannot be parsed: invalid content, not a missing key.
    const invalidText = LAYOUT_BREAKERS.filter((b) => hasLoneSurrogate(b.text)).length;
    expect(invalidText).toBe(3);
    expect(rows.filter((row) => row.kind === 'invalid')).toHaveLength(malformed.length + invalidText);
    expect(unreadableRows(rows)).toEqual([]);

    // Nothing sticks out of a phone's width: header, room list, timeline.
    expect(await overflow(page)).toEqual([]);
    expect(await tripped()).toEqual([]);
    expect(pageErrors).toEqual([]);
    await expectTripwireWorks(page, tripped);
  } finally {
    await crowd.stop();
  }
});

test('hostile input: consultation text and policy-list reasons run nothing and break nothing, for the participant and the facilitator', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(900_000);
  const tag = info.testId.slice(0, 6);
  const payloads = XSS_PAYLOADS.map((p) => p.payload);
  // Within the limits of the form's fields (a title takes 200 characters, a constituency 80).
  const short = payloads.filter((p) => p.length <= 200);
  const tiny = payloads.filter((p) => p.length <= 80);
  const fitting = (texts: string[], max: number) => texts.join(' ').slice(0, max);
  const facilitator = await hostilePage(browser);
  const participant = await hostilePage(browser);
  const participantUser = await newUser('target');
  await signInThroughUi(facilitator.page, hs, await newUser('facil'));
  await signInThroughUi(participant.page, hs, participantUser);
  const trudy = await startParticipant(hs, uniqueLocalpart('trudy'));
  const mallory = await startParticipant(hs, uniqueLocalpart('mallory'));
  const voters = [trudy, mallory, await startParticipant(hs, uniqueLocalpart('voter'))];
  try {
    // What the facilitator writes reaches participants: payloads in every field of the dialogue and the consultation form.
    const fpage = facilitator.page;
    await fpage.getByTestId('new-dialogue').click();
    await fpage.getByLabel('Dialogue name').fill(`Hostile dialogue ${tag}`);
    await fpage.getByLabel('Russian', { exact: false }).check();
    await fpage.getByLabel('Ground rules and consent text').fill(fitting([...payloads.slice(0, 20), LAYOUT_BREAKERS[1].text], MAX_TEXT_CHARS));
    await fpage.getByLabel('Participants (Matrix IDs)').fill([participantUser.userId, ...voters.map((p) => p.user.userId)].join('\n'));
    await fpage.getByRole('button', { name: 'Create dialogue' }).click();
    await expect(fpage.getByTestId('new-consultation')).toBeVisible({ timeout: 60_000 });
    const plenaryId = decodeURIComponent(new URL(fpage.url()).pathname.split('/').pop()!);
    await fpage.getByTestId('new-consultation').click();
    const title = short[0];
    await fpage.getByLabel('Title').fill(title);
    await fpage.getByLabel('Background text').fill(fitting([...payloads.slice(20, 40), LAYOUT_BREAKERS[1].text], MAX_TEXT_CHARS));
    await fpage.getByTestId('question-text').first().fill(short[1]);
    await fpage.getByTestId('add-question').click();
    await fpage.getByTestId('question-kind').nth(1).selectOption('open');
    await fpage.getByTestId('question-text').nth(1).fill(short[2]);
    await fpage.getByLabel('Minimum group size for any figure (k)').fill('3');
    await fpage.getByLabel(/^Constituencies/).fill(tiny.slice(0, 5).join('\n'));
    await fpage.getByLabel(/^Age bands/).fill(tiny.slice(5, 8).join('\n'));
    await fpage.getByLabel('Consent text for this consultation').fill(fitting(payloads.slice(40, 60), MAX_TEXT_CHARS));
    await fpage.getByTestId('open-consultation').click();
    await expect(fpage.getByTestId('consultation-phase')).toHaveAttribute('data-phase', 'open');
    const consultationUrl = new URL(fpage.url()).pathname;

    // What participants write reaches the facilitator: payloads and layout breakers as
    // statements, payloads as answers, and votes so that the synthesis draws its tables.
    await Promise.all(voters.map((p) => joinDialogue(p, plenaryId)));
    const open = await waitForConsultation(trudy, plenaryId, (s) => s.questions.every((q) => q.thread));
    const statementsQ = open.questions.find((q) => q.kind === 'statements')!;
    const openQ = open.questions.find((q) => q.kind === 'open')!;
    const statementTexts = [...payloads.slice(60, 180), ...LAYOUT_BREAKERS.map((b) => b.text)].filter((text) => text.length <= MAX_STATEMENT_CHARS);
    // The server refuses what is not valid JSON text (a lone surrogate); the app ignores, and
    // counts, statements that are not valid ones (only invisible characters, say).
    const sent = (await inBatches(statementTexts, 4, (text) => addStatement(trudy.client, plenaryId, open.id, statementsQ.id, text).then(() => 1, () => 0))).reduce<number>((a, b) => a + b, 0);
    expect(sent).toBeGreaterThan(110);
    for (const text of payloads.slice(0, 30)) await answerQuestion(mallory.client, plenaryId, open.id, openQ, text, true);
    const withStatements = await waitForConsultation(trudy, plenaryId, (s) => s.id === open.id && s.statements.length + ignoredTotal(s.ignored) === sent, 120_000);
    // Statements with a lone surrogate are the sender's only: other clients cannot parse them.
    const accepted = withStatements.statements.filter((statement) => !hasLoneSurrogate(statement.text)).length;
    expect(accepted).toBeGreaterThan(100);
    await Promise.all(
      voters.map(async (p, i) => {
        for (const statement of withStatements.statements.slice(0, 12)) await vote(p.client, plenaryId, open.id, statement.id, i === 2 ? 'disagree' : 'agree');
      })
    );

    // The participant: accepts the rules and opens the consultation.
    const ppage = participant.page;
    for (let left = 2; left > 0; left--) {
      const invites = ppage.getByTestId('invites').locator('li', { hasText: `Hostile dialogue ${tag}` });
      await expect(invites).toHaveCount(left);
      await invites.first().getByRole('button', { name: 'Accept' }).click();
    }
    await ppage.getByTestId('rooms').getByRole('link', { name: `Hostile dialogue ${tag} · plenary` }).click();
    await expect(ppage.getByTestId('ground-rules')).toBeVisible();
    await poke(ppage, '[data-testid=ground-rules] .rules-text');
    await ppage.getByTestId('accept-rules').click();
    await ppage.getByTestId('consultation-link').first().click();
    await expect(ppage.getByTestId('statement')).toHaveCount(accepted, { timeout: 60_000 });
    await expect(ppage.getByTestId('undecryptable-count')).toHaveCount(0);
    await ppage.locator('details.consent summary').click();
    await poke(ppage, '.consultation h1, .consultation .text, .consultation .statement-text, .consultation option');

    // The facilitator: the synthesis with every answer, then the groups and bridges once closed.
    await fpage.goto(consultationUrl);
    await expect(fpage.getByTestId('synthesis-answer')).toHaveCount(30, { timeout: 60_000 });
    await expect(fpage.getByTestId('undecryptable-count')).toHaveCount(0);
    await fpage.getByTestId('close-consultation').click();
    // Three voters make groups smaller than k, so none is shown; the votes table names every statement.
    await expect(fpage.getByTestId('group-summary')).toBeVisible({ timeout: 60_000 });
    await poke(fpage, '.consultation h1, .consultation .text, [data-testid=synthesis] p, [data-testid=synthesis] bdi, [data-testid=synthesis] th, [data-testid=synthesis] td');

    // A policy list someone else keeps (here Mallory's): its name, its rules' reasons, and
    // entities that are not user IDs at all. Following and applying it copies the named users'
    // rules, reasons included, into the dialogue's own list, which the facilitator reads.
    const { room_id: listId } = await mallory.client.createRoom({ name: short[11], preset: Preset.PublicChat });
    const named = short.slice(12, 22);
    for (const [i, reason] of named.entries()) {
      await mallory.client.sendStateEvent(listId, 'm.policy.rule.user' as never, { entity: `@evil${i}-${tag}:localhost`, recommendation: 'm.ban', reason } as never, `rule${i}`);
    }
    for (const [i, entity] of short.slice(22, 27).entries()) {
      await mallory.client.sendStateEvent(listId, 'm.policy.rule.user' as never, { entity, recommendation: 'm.ban', reason: short[30 + i] } as never, `bad${i}`);
    }
    await fpage.getByTestId('rooms').getByRole('link', { name: `Hostile dialogue ${tag} · moderators` }).click();
    await fpage.getByTestId('policy-lists').locator('summary').click();
    await fpage.getByLabel('Room ID or alias of a policy list').fill(listId);
    await fpage.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(fpage.getByTestId('policy-outcome')).toHaveText('This dialogue now follows the list.');
    await fpage.getByTestId('policy-apply').click();
    await expect(fpage.getByTestId('policy-outcome')).toHaveText(`${named.length} people banned from 4 rooms.`, { timeout: 120_000 });
    await expect(fpage.getByTestId('policy-rule')).toHaveCount(named.length);
    await poke(fpage, '[data-testid=policy-lists] bdi, [data-testid=policy-lists] code');

    for (const { page, tripped, pageErrors } of [facilitator, participant]) {
      expect(await overflow(page)).toEqual([]);
      expect(await tripped()).toEqual([]);
      expect(pageErrors).toEqual([]);
      await expectTripwireWorks(page, tripped);
    }
  } finally {
    await Promise.all(voters.map((p) => p.stop()));
  }
});
