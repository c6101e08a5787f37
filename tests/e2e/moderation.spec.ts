// Moderation inside end-to-end encryption, against the real homeserver: the nudge before
// sending, a report that travels encrypted to the moderators' devices and lands in the
// moderators' room, a moderator's actions recorded in the audit log, policy lists across the
// rooms of a dialogue's space, and translations members attach to each other's messages.
import { createServer } from 'node:http';
import { translationServicePort } from '../../playwright.config.ts';
import { test, expect, messageWithText, openPerson, recordPlaintext, sendThroughUi, twoPeopleInRoom } from './fixtures.ts';
import { auditDatabase } from './audit.ts';
import { startParticipant } from '../participants/participant.ts';
import { joinDialogue } from '../participants/consultation.ts';
import { uniqueLocalpart } from '../homeserver/synapse.ts';
import { joinWhenInvited, sendMessage } from '../participants/participant.ts';
import { get } from 'svelte/store';
import { receiveWarnings, warningInbox } from '../../src/lib/moderation/warnings.ts';

test('a threat is nudged, a report reaches the moderators encrypted, and the moderator acts', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(240_000);
  const tag = info.testId.slice(0, 8);
  const facilitator = await openPerson(browser, hs, await newUser('modfac'));
  const reporter = await openPerson(browser, hs, await newUser('modrep'));
  // The offender takes a look-alike of the facilitator's name (Cyrillic "о" for Latin "o").
  const offender = await startParticipant(hs, uniqueLocalpart('offender'), undefined, facilitator.user.localpart.replace(/o/g, 'о'));
  try {
    const fpage = facilitator.page;
    await fpage.getByTestId('new-dialogue').click();
    await fpage.getByLabel('Dialogue name').fill(`Moderated ${tag}`);
    await fpage.getByLabel('Ground rules and consent text').fill(`No threats, no insults ${tag}`);
    await fpage.getByLabel('Participants (Matrix IDs)').fill(`${reporter.user.userId}\n${offender.user.userId}`);
    await fpage.getByRole('button', { name: 'Create dialogue' }).click();
    await expect(fpage.getByTestId('new-consultation')).toBeVisible({ timeout: 60_000 });
    const plenaryId = decodeURIComponent(new URL(fpage.url()).pathname.split('/').pop()!);
    await joinDialogue(offender, plenaryId);
    const offenderInbox = warningInbox(null, 'offender');
    receiveWarnings(offender.client, offenderInbox);

    // The reporter joins, accepts the rules, and is nudged (in English, her UI language) when drafting a threat in Russian.
    const page = reporter.page;
    for (let accepted = 0; accepted < 2; accepted++) {
      const invites = page.getByTestId('invites').locator('li', { hasText: `Moderated ${tag}` });
      await expect(invites).toHaveCount(2 - accepted);
      await invites.first().getByRole('button', { name: 'Accept' }).click();
    }
    await page.getByTestId('rooms').getByRole('link', { name: `Moderated ${tag} · plenary` }).click();
    await page.getByTestId('accept-rules').click();
    await expect(page.getByTestId('composer')).toBeEnabled();
    await page.getByTestId('composer').fill('Я тебя убью');
    await page.getByTestId('composer').press('Enter');
    await expect(page.getByTestId('nudge')).toContainText('This may hurt someone');
    await page.getByTestId('nudge-edit').click();
    await expect(page.getByTestId('nudge')).toHaveCount(0);
    await expect(page.getByTestId('composer')).toHaveValue('Я тебя убью');
    await page.getByTestId('composer').fill('');

    // The look-alike name is flagged, on both people.
    await page.getByText(/^\d+ (person|people)$/).click();
    await expect(page.locator(`[data-testid="member"][data-user-id="${offender.user.userId}"]`).getByTestId('look-alike')).toBeVisible();
    await expect(page.locator(`[data-testid="member"][data-user-id="${facilitator.user.userId}"]`).getByTestId('look-alike')).toBeVisible();

    // The offender writes something hateful; the reporter reports it.
    const offensive = `Убирайтесь отсюда, вам здесь не место ${tag}`;
    const reason = `He has been doing this for weeks ${tag}`;
    recordPlaintext(info.testId, offensive);
    recordPlaintext(info.testId, reason);
    await sendMessage(offender, plenaryId, { msgtype: 'm.text', body: offensive });
    const message = page.getByTestId('message').filter({ hasText: offensive });
    await message.getByTestId('report-message').click();
    await page.getByTestId('report-form').getByLabel('Hate or dehumanising language').check();
    await page.getByTestId('report-form').getByLabel('Anything the moderators should know (optional)').fill(reason);
    await page.getByTestId('send-report').click();
    await expect(page.getByTestId('report-outcome')).toHaveText('Report sent to the moderators.');

    // It lands in the moderators' room, readable there; the moderator removes the message and bans the author.
    await fpage.getByTestId('rooms').getByRole('link', { name: `Moderated ${tag} · moderators` }).click();
    const item = fpage.getByTestId('queue-item').filter({ hasText: offensive });
    await expect(item).toContainText(reason, { timeout: 60_000 });
    await expect(item).toContainText(reporter.user.userId);
    // A term of the dialogue's own, added by the moderator, flags a message on the moderator's device.
    const coded = `Встретимся у моста ${tag}q`;
    recordPlaintext(info.testId, coded);
    await sendMessage(offender, plenaryId, { msgtype: 'm.text', body: coded });
    await fpage.getByText(/^This dialogue's own terms/).click();
    await expect(fpage.getByTestId('flagged-message').filter({ hasText: coded })).toHaveCount(0);
    await fpage.getByTestId('new-term').fill(`${tag}q`);
    await fpage.getByTestId('add-term').click();
    await expect(fpage.getByTestId('flagged-message').filter({ hasText: coded })).toHaveCount(1, { timeout: 30_000 });

    // A private warning reaches the author's own device (only a category: their client words it in their language).
    await item.getByTestId('queue-action').selectOption('warn');
    await item.getByTestId('queue-apply').click();
    await expect(item.getByTestId('audit-entry')).toContainText('Warn privately');
    await expect.poll(() => get(offenderInbox.warnings).map((w) => [w.category, w.room, w.from]), { timeout: 30_000 }).toEqual([
      ['hate', plenaryId, facilitator.user.userId]
    ]);

    await item.getByTestId('queue-action').selectOption('ban');
    await item.getByTestId('queue-apply').click();
    await expect(item.getByTestId('audit-entry').last()).toContainText('Ban from the dialogue');
    await expect
      .poll(async () => offender.client.getRoom(plenaryId)?.getMyMembership(), { timeout: 30_000 })
      .toBe('ban');

    // The reporter is not in the moderators' room; the server holds neither the text nor the reason in clear.
    await expect(page.getByTestId('rooms').getByRole('link', { name: `Moderated ${tag} · moderators` })).toHaveCount(0);
    if (hs.databasePath) {
      const audit = auditDatabase(hs.databasePath, [offensive, reason, coded, `${tag}q`, 'org.parley.moderation.report']);
      expect(audit.leakedPlaintexts).toEqual([]);
      expect(Object.keys(audit.eventCounts).filter((type) => type.startsWith('org.parley.moderation'))).toEqual([]);
    }
  } finally {
    await offender.stop();
  }
});

test('a policy rule hides a listed user in a second room of the space, refuses their invitation, and bans them everywhere', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(240_000);
  const tag = info.testId.slice(0, 8);
  const facilitator = await openPerson(browser, hs, await newUser('polfac'));
  const reader = await openPerson(browser, hs, await newUser('polread'));
  const listed = await startParticipant(hs, uniqueLocalpart('listed'));
  try {
    const fpage = facilitator.page;
    await fpage.getByTestId('new-dialogue').click();
    await fpage.getByLabel('Dialogue name').fill(`Policy ${tag}`);
    await fpage.getByLabel('Ground rules and consent text').fill(`Be kind ${tag}`);
    await fpage.getByLabel('Participants (Matrix IDs)').fill(`${reader.user.userId}\n${listed.user.userId}`);
    await fpage.getByRole('button', { name: 'Create dialogue' }).click();
    await expect(fpage.getByTestId('new-consultation')).toBeVisible({ timeout: 60_000 });
    const plenaryId = decodeURIComponent(new URL(fpage.url()).pathname.split('/').pop()!);
    await joinDialogue(listed, plenaryId);

    // A second room in the dialogue's space, made in the UI, with both people invited to it.
    await fpage.getByTestId('spaces').getByRole('link', { name: `Policy ${tag}` }).click();
    await fpage.getByTestId('add-room-to-space').click();
    await fpage.getByLabel('Room name').fill(`Side ${tag}`);
    await fpage.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(fpage.getByRole('heading', { name: `Side ${tag}` })).toBeVisible({ timeout: 30_000 });
    const sideId = decodeURIComponent(new URL(fpage.url()).pathname.split('/').pop()!);
    for (const invitee of [reader.user.userId, listed.user.userId]) {
      await fpage.getByLabel('Matrix ID to invite').fill(invitee);
      await fpage.getByRole('button', { name: 'Invite', exact: true }).click();
      await expect(fpage.getByText('Invitation sent.')).toBeVisible();
    }

    const page = reader.page;
    for (let accepted = 0; accepted < 3; accepted++) {
      const invites = page.getByTestId('invites').locator('li', { hasText: new RegExp(`(Policy|Side) ${tag}`) });
      await expect(invites).toHaveCount(3 - accepted, { timeout: 30_000 });
      await invites.first().getByRole('button', { name: 'Accept' }).click();
    }
    await joinWhenInvited(listed, sideId);
    await expect
      .poll(() => listed.client.getRoom(sideId)?.getMember(reader.user.userId)?.membership, { timeout: 30_000 })
      .toBe('join');
    const text = `Hello from the side room ${tag}`;
    recordPlaintext(info.testId, text);
    await sendMessage(listed, sideId, { msgtype: 'm.text', body: text });
    await page.getByTestId('rooms').getByRole('link', { name: `Side ${tag}` }).click();
    const message = page.getByTestId('message').filter({ hasText: text });
    await expect(message).toBeVisible({ timeout: 30_000 });

    // The facilitator lists the author on the dialogue's policy list, from the moderators' room.
    await fpage.getByTestId('rooms').getByRole('link', { name: `Policy ${tag} · moderators` }).click();
    await fpage.getByText(/^Policy list \(0 rules\)/).click();
    await fpage.getByTestId('policy-entity').fill(listed.user.userId);
    await fpage.getByTestId('policy-add').click();
    await expect(fpage.getByTestId('policy-rule')).toContainText(listed.user.userId);

    // In the second room, on the reader's device, the message is now behind a notice, and can still be shown.
    const hidden = page.getByTestId('message').filter({ has: page.getByTestId('policy-hidden') });
    await expect(hidden).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId('message').filter({ hasText: text })).toHaveCount(0);
    await hidden.getByRole('button', { name: 'Show anyway' }).click();
    await expect(page.getByTestId('message').filter({ hasText: text })).toBeVisible();

    // One action bans the listed person from every room of the dialogue, recorded in the audit log.
    await fpage.getByTestId('policy-apply').click();
    await expect(fpage.getByTestId('policy-outcome')).toHaveText(/^1 person banned from \d+ rooms\.$/);
    for (const roomId of [sideId, plenaryId]) {
      await expect.poll(async () => listed.client.getRoom(roomId)?.getMyMembership(), { timeout: 30_000 }).toBe('ban');
    }

    // Listed people cannot be invited.
    await fpage.getByTestId('rooms').getByRole('link', { name: `Side ${tag}` }).click();
    await fpage.getByLabel('Matrix ID to invite').fill(listed.user.userId);
    await fpage.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect(fpage.getByText(`On this dialogue's policy list, so not invited: ${listed.user.userId}`)).toBeVisible();
  } finally {
    await listed.stop();
  }
});

/** A stand-in for a self-hosted LibreTranslate on this machine, recording what it was sent. */
async function startTranslationService(): Promise<{ url: string; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const { q, target } = JSON.parse(body) as { q: string; target: string };
      received.push(q);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ translatedText: `[${target}] ${q}` }));
    });
  });
  // The port the suite's deployment settings list (tests/setup/test-config.js).
  await new Promise<void>((resolve) => server.listen(translationServicePort, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${translationServicePort}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('a translation attached by one user is shown to another; machine translation only through a service the facilitator enabled', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(180_000);
  const tag = info.testId.slice(0, 8);
  const { alice, bob } = await twoPeopleInRoom(browser, hs, newUser, `Interpreted ${tag}`);
  const original = `Мы хотим встретиться в следующий вторник ${tag}`;
  await sendThroughUi(alice.page, original, info.testId);
  const onBob = messageWithText(bob.page, original);
  await expect(onBob).toBeVisible({ timeout: 30_000 });

  // Bob writes an English translation; with no service enabled, nothing offers to send the text anywhere.
  await onBob.getByTestId('translate-message').click();
  const form = bob.page.getByTestId('translate-form');
  await expect(form.getByLabel('Translate into')).toHaveValue('en');
  await expect(form.getByRole('button', { name: /^Translate with/ })).toHaveCount(0);
  const english = `We want to meet next Tuesday ${tag}`;
  recordPlaintext(info.testId, english);
  await form.getByTestId('translation-body').fill(english);
  await form.getByTestId('attach-translation').click();
  await expect(form).toHaveCount(0);

  // Alice, reading in English, sees it under the original, with who translated it.
  const onAlice = messageWithText(alice.page, original).getByTestId('translation');
  await expect(onAlice).toContainText(english, { timeout: 30_000 });
  await expect(onAlice).toContainText(`Translated into English by ${bob.user.localpart}`);

  // Alice, who runs the room, enables a self-hosted service, after a warning she must acknowledge.
  const service = await startTranslationService();
  try {
    await alice.page.getByText('Translation service: off').click();
    await expect(alice.page.getByText(/receives every text people translate with it/)).toBeVisible();
    await expect(alice.page.getByLabel('Self-hosted LibreTranslate-compatible service')).toHaveValue(service.url);
    const enable = alice.page.getByRole('button', { name: 'Enable for this room' });
    await expect(enable).toBeDisabled();
    await alice.page.getByLabel('I understand that text translated with it is sent to that server.').check();
    await enable.click();
    await expect(alice.page.getByText(`Translation service: ${new URL(service.url).host}`)).toBeVisible();

    // Bob can now ask that service; only the text he chose to translate reaches it.
    await onBob.getByTestId('translate-message').click();
    await form.getByRole('button', { name: `Translate with ${new URL(service.url).host}` }).click({ timeout: 30_000 });
    await expect(form.getByTestId('translation-body')).toHaveValue(`[en] ${original}`);
    expect(service.received).toEqual([original]);
  } finally {
    await service.close();
  }

  if (hs.databasePath) {
    const audit = auditDatabase(hs.databasePath, [original, english]);
    expect(audit.leakedPlaintexts).toEqual([]);
    expect(Object.keys(audit.eventCounts).filter((type) => type.startsWith('org.parley.translation'))).toEqual([]);
  }
});
