// A whole consultation against the real homeserver: a facilitator sets up a dialogue and opens a
// consultation in Chromium; eight participants (two in browsers, six scripted with
// matrix-js-sdk in Node) answer and vote along two camps; the facilitator finds two opinion
// groups and a bridge statement, drafts two recommendations, participants endorse, the brief
// goes to the negotiators' room, and a negotiator in another browser verifies its digest.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { test, expect, openPerson, recordPlaintext, type Person } from './fixtures.ts';
import { auditDatabase } from './audit.ts';
import { startParticipant, type Participant } from '../participants/participant.ts';
import { joinDialogue, waitForConsultation } from '../participants/consultation.ts';
import { uniqueLocalpart } from '../homeserver/synapse.ts';
import { addStatement, answerQuestion, endorse, setPhase, setProfile, vote } from '../../src/lib/consultation/room.ts';
import type { ConsultationState } from '../../src/lib/consultation/state.ts';
import type { VoteValue } from '../../src/lib/consultation/opinion-groups.ts';

test('a consultation runs from opening to a verified brief, with two camps and a bridge', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(420_000);
  const tag = info.testId.slice(0, 8);
  const secret = (text: string) => {
    recordPlaintext(info.testId, text);
    return text;
  };
  const rules = secret(`Speak for yourself, never name others, keep what is said here ${tag}`);
  const title = secret(`Crossing points consultation ${tag}`);
  const questionStatements = secret(`Which of these statements do you agree with? ${tag}`);
  const questionOpen = secret(`What would make it safer for you to meet across the river? ${tag}`);
  const campA = [secret(`Schools on the left bank should teach in Romanian first ${tag}`), secret(`The old ferry should reopen under civilian control ${tag}`)];
  const campB = [secret(`Schools on the left bank should teach in Russian first ${tag}`), secret(`The old ferry should stay closed until elections ${tag}`)];
  const bridges = [secret(`Women must sit at the negotiating table ${tag}`), secret(`Both sides should search for missing persons together ${tag}`)];
  const quotable = secret(`A bus that does not stop at the checkpoint for an hour ${tag}`);
  const notQuotable = secret(`Knowing who else is in the room before I arrive ${tag}`);
  const recommendations = [secret(`Guarantee seats for women in every working group ${tag}`), secret(`Set up a joint missing-persons desk ${tag}`)];

  const facilitatorUser = await newUser('facil');
  const browserParticipants = [await newUser('pa'), await newUser('pb')];
  const negotiatorUser = await newUser('negot');
  const scripted: Participant[] = [];
  for (let i = 0; i < 6; i++) scripted.push(await startParticipant(hs, uniqueLocalpart(`sp${i}`)));
  try {
    // Everyone's device exists before anything is posted: a device that signs in later cannot
    // decrypt what was sent before it existed (see README, known limits).
    const facilitator = await openPerson(browser, hs, facilitatorUser);
    const people: Person[] = [];
    for (const user of browserParticipants) people.push(await openPerson(browser, hs, user));
    const negotiator = await openPerson(browser, hs, negotiatorUser);

    // --- The facilitator sets up the dialogue in one step.
    const fpage = facilitator.page;
    await fpage.getByTestId('new-dialogue').click();
    await fpage.getByLabel('Dialogue name').fill(`Dniester women ${tag}`);
    await fpage.getByLabel('Romanian', { exact: false }).check();
    await fpage.getByLabel('Russian', { exact: false }).check();
    await fpage.getByLabel('Ground rules and consent text').fill(rules);
    await fpage.getByLabel('Participants (Matrix IDs)').fill(
      [...browserParticipants.map((u) => u.userId), ...scripted.map((p) => p.user.userId)].join('\n')
    );
    await fpage.getByLabel(/^Negotiators/).fill(negotiatorUser.userId);
    await fpage.getByRole('button', { name: 'Create dialogue' }).click();
    await expect(fpage.getByTestId('new-consultation')).toBeVisible({ timeout: 60_000 });
    const plenaryId = decodeURIComponent(new URL(fpage.url()).pathname.split('/').pop()!);

    // --- It opens a consultation: a statements question and an open question, k = 3.
    await fpage.getByTestId('new-consultation').click();
    await fpage.getByLabel('Title').fill(title);
    await fpage.getByTestId('question-text').first().fill(questionStatements);
    await fpage.getByTestId('add-question').click();
    await fpage.getByTestId('question-kind').nth(1).selectOption('open');
    await fpage.getByTestId('question-text').nth(1).fill(questionOpen);
    await fpage.getByLabel('Minimum group size for any figure (k)').fill('3');
    await fpage.getByLabel(/^Constituencies/).fill('Left bank\nRight bank');
    await fpage.getByTestId('open-consultation').click();
    await expect(fpage.getByTestId('consultation-phase')).toHaveAttribute('data-phase', 'open');
    const consultationUrl = new URL(fpage.url()).pathname;

    // --- Scripted participants join, accept the rules, propose statements, identify, vote.
    await Promise.all(scripted.map((p) => joinDialogue(p, plenaryId)));
    const isOpen = (s: ConsultationState) => s.definition.title === title && s.phase === 'open' && s.questions.every((q) => q.thread);
    const seen = await waitForConsultation(scripted[0], plenaryId, isOpen);
    const statementsQ = seen.questions.find((q) => q.kind === 'statements')!;
    const openQ = seen.questions.find((q) => q.kind === 'open')!;
    for (const text of [campA[0], campB[0], bridges[0]]) await addStatement(scripted[0].client, plenaryId, seen.id, statementsQ.id, text);
    for (const text of [campA[1], campB[1], bridges[1]]) await addStatement(scripted[3].client, plenaryId, seen.id, statementsQ.id, text);
    const withStatements = await waitForConsultation(scripted[0], plenaryId, (s) => s.id === seen.id && s.statements.length === 6);
    const idOf = new Map(withStatements.statements.map((s) => [s.text, s.id]));
    const campVotes = (camp: 'A' | 'B'): [string, VoteValue][] => [
      ...campA.map((t): [string, VoteValue] => [t, camp === 'A' ? 'agree' : 'disagree']),
      ...campB.map((t): [string, VoteValue] => [t, camp === 'B' ? 'agree' : 'disagree']),
      ...bridges.map((t): [string, VoteValue] => [t, 'agree'])
    ];
    // Scripted 0–2 are camp A (left bank), 3–5 camp B (right bank). Authors vote on their own statements too.
    await Promise.all(
      scripted.map(async (p, i) => {
        const camp = i < 3 ? 'A' : 'B';
        await setProfile(p.client, plenaryId, seen.id, camp === 'A' ? 'c1' : 'c2', null);
        for (const [text, value] of campVotes(camp)) await vote(p.client, plenaryId, seen.id, idOf.get(text)!, value);
      })
    );
    await answerQuestion(scripted[1].client, plenaryId, seen.id, openQ, notQuotable, false);

    // --- Two participants in browsers: accept the rules, identify, vote along their camps, answer.
    for (const [i, person] of people.entries()) {
      const page = person.page;
      // The space and the plenary: accept both invitations.
      for (let accepted = 0; accepted < 2; accepted++) {
        const invites = page.getByTestId('invites').locator('li', { hasText: `Dniester women ${tag}` });
        await expect(invites).toHaveCount(2 - accepted);
        await invites.first().getByRole('button', { name: 'Accept' }).click();
      }
      await page.getByTestId('rooms').getByRole('link', { name: `Dniester women ${tag} · plenary` }).click();
      await expect(page.getByTestId('ground-rules')).toContainText(rules);
      await expect(page.getByTestId('composer')).toBeDisabled();
      await page.getByTestId('accept-rules').click();
      await expect(page.getByTestId('ground-rules')).toHaveCount(0);
      await expect(page.getByTestId('composer')).toBeEnabled();
      await page.goto(consultationUrl);
      await page.getByTestId('constituency').selectOption({ label: i === 0 ? 'Left bank' : 'Right bank' });
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByText('Saved.')).toBeVisible();
      for (const [text, value] of campVotes(i === 0 ? 'A' : 'B')) {
        const row = page.getByTestId('statement').filter({ hasText: text });
        await row.locator(`[data-vote="${value}"]`).click();
        await expect(row.locator(`[data-vote="${value}"]`)).toHaveAttribute('aria-pressed', 'true');
      }
      await expect(page.getByTestId('vote-progress')).toHaveText('You have voted on 6 of 6 statements');
    }
    await people[0].page.getByTestId('answer-input').fill(quotable);
    await people[0].page.getByTestId('answer-quotable').check();
    await people[0].page.getByTestId('answer-send').click();
    await expect(people[0].page.getByText(quotable)).toBeVisible();

    // --- Synthesis: two groups of four, the bridges lead.
    await fpage.goto(consultationUrl);
    await expect(fpage.getByTestId('synthesis-answer')).toHaveCount(2);
    await fpage.getByTestId('close-consultation').click();
    await expect(fpage.getByTestId('consultation-phase')).toHaveAttribute('data-phase', 'synthesis');
    await expect(fpage.getByTestId('opinion-group')).toHaveCount(2, { timeout: 30_000 });
    for (const group of await fpage.getByTestId('opinion-group').all()) await expect(group).toHaveAttribute('data-size', '4');
    const topBridges = fpage.getByTestId('bridge-statement');
    expect(bridges).toContain((await topBridges.nth(0).locator('bdi').textContent())?.trim());
    expect(bridges).toContain((await topBridges.nth(1).locator('bdi').textContent())?.trim());

    // A participant's forged phase change is refused and shown as not authorised.
    await setPhase(scripted[5].client, plenaryId, seen.id, 'delivered');
    await expect(fpage.getByTestId('not-authorised')).toContainText(scripted[5].user.userId);
    await expect(fpage.getByTestId('consultation-phase')).toHaveAttribute('data-phase', 'synthesis');

    // --- Two recommendations, each linked to its supporting bridge statement.
    for (const [i, text] of recommendations.entries()) {
      await fpage.getByTestId('recommendation-input').fill(text);
      await fpage.getByLabel(bridges[i]).check();
      await fpage.getByTestId('save-recommendation').click();
      await expect(fpage.getByTestId('recommendation').filter({ hasText: text })).toBeVisible();
    }
    await fpage.getByTestId('start-endorsement').click();
    await expect(fpage.getByTestId('consultation-phase')).toHaveAttribute('data-phase', 'endorsement');

    // --- Endorsement: scripted participants endorse both; browser participants respond in the page.
    const inEndorsement = await waitForConsultation(scripted[0], plenaryId, (s) => s.id === seen.id && s.phase === 'endorsement' && s.recommendations.size === 2);
    await Promise.all(
      scripted.map(async (p) => {
        for (const [id, revisions] of inEndorsement.recommendations) {
          await endorse(p.client, plenaryId, seen.id, { id, revision: revisions[revisions.length - 1].revision }, 'endorse', '');
        }
      })
    );
    for (const [i, person] of people.entries()) {
      await person.page.goto(consultationUrl);
      await expect(person.page.getByTestId('recommendation')).toHaveCount(2);
      for (const rec of await person.page.getByTestId('recommendation').all()) {
        if (i === 1) {
          await rec.locator('[data-stance="reservations"]').check();
          await rec.getByLabel('Your reservations (optional)').fill(secret(`Only if the seats are not appointed by ministries ${tag}`));
        }
        await rec.getByTestId('send-stance').click();
        await expect(rec.getByTestId('my-stance')).toBeVisible();
      }
    }
    await fpage.goto(consultationUrl);
    await expect(fpage.getByTestId('endorsement-counts').first()).toContainText('7 endorse, 1 with reservations, 0 object (8 responses)');

    // --- The brief is published to the negotiators' room.
    await fpage.getByTestId('preview-brief').click();
    await expect(fpage.getByTestId('brief')).toContainText(recommendations[0]);
    await fpage.getByTestId('publish-brief').click();
    await expect(fpage.getByTestId('consultation-phase')).toHaveAttribute('data-phase', 'delivered', { timeout: 60_000 });

    // --- A negotiator opens it in another browser, checks who vouches for it, downloads and recomputes.
    const npage = negotiator.page;
    await npage.getByTestId('invites').locator('li', { hasText: 'negotiators' }).getByRole('button', { name: 'Accept' }).click();
    await npage.getByTestId('rooms').getByRole('link', { name: /negotiators/ }).click();
    await expect(npage.getByTestId('invites')).toHaveCount(0);
    // Negotiators are members of their own room only: never of the participants' rooms or the space.
    await expect(npage.getByTestId('rooms').getByRole('link', { name: /plenary|moderators/ })).toHaveCount(0);
    await expect(npage.getByTestId('spaces')).toHaveCount(0);
    const entry = npage.getByTestId('brief-entry').filter({ hasText: title });
    await expect(entry.getByTestId('brief-shield')).toContainText('cross-signed');
    await expect(entry.getByTestId('brief-shield')).not.toContainText('warning');
    await entry.getByTestId('open-brief').click();
    const digest = await entry.getByTestId('brief-digest').getAttribute('data-digest');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    await expect(entry.getByTestId('brief-digest')).toContainText('matching');
    await expect(entry.getByTestId('brief')).toContainText(quotable);
    await expect(entry.getByTestId('brief')).not.toContainText(notQuotable);

    const [csvDownload] = await Promise.all([npage.waitForEvent('download'), entry.getByTestId('download-csv').click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(recommendations[0]);
    expect(csv).toContain(digest!);
    for (const userId of [facilitatorUser, ...browserParticipants].map((u) => u.userId).concat(scripted.map((p) => p.user.userId))) {
      expect(csv).not.toContain(userId);
    }
    const [jsonDownload] = await Promise.all([npage.waitForEvent('download'), entry.getByTestId('download-json').click()]);
    const document = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { brief: { digest: string }; inputs: unknown };
    const recomputed = createHash('sha256').update(canonicalize(document.inputs)!, 'utf8').digest('hex');
    expect(recomputed).toBe(digest);
    expect(document.brief.digest).toBe(digest);

    // --- The homeserver holds none of it in clear: not in its database, not in its uploads.
    if (hs.databasePath && hs.root && hs.dataDir) {
      const texts = [rules, title, questionStatements, questionOpen, ...campA, ...campB, ...bridges, quotable, notQuotable, ...recommendations];
      const audit = auditDatabase(hs.databasePath, [...texts, 'org.parley.consultation.vote', 'org.parley.consultation.brief'], join(hs.root, hs.dataDir, 'media_store'));
      expect(audit.filesSearched).toBeGreaterThan(2);
      expect(audit.senderFoundInFiles).toBe(true);
      expect(audit.leakedPlaintexts).toEqual([]);
      expect(Object.keys(audit.eventCounts).filter((type) => type.startsWith('org.parley.consultation'))).toEqual([]);
    }
  } finally {
    await Promise.all(scripted.map((p) => p.stop()));
  }
});

