// A large consultation while the facilitator watches in Chromium: a crowd of scripted voters
// (real matrix-js-sdk clients with Rust crypto) joins the dialogue, proposes statements and votes
// on every one of them along two camps, while the facilitator keeps typing in the page. Every
// vote is counted, the two camps come out as the opinion groups with the bridging statements on
// top, and every keystroke the facilitator made during the stream was handled. How long they
// waited for each keystroke is recorded here and printed; `npm run bench` reports it.
import { test, expect, signInThroughUi } from './fixtures.ts';
import { LOAD } from '../load/sizes.ts';
import { inBatches, startCrowd } from '../participants/crowd.ts';
import { joinDialogue, waitForConsultation } from '../participants/consultation.ts';
import { percentile, recordedResponsiveness, startRecordingResponsiveness } from '../load/responsiveness.ts';
import { addStatement, vote } from '../../src/lib/consultation/room.ts';
import type { VoteValue } from '../../src/lib/consultation/opinion-groups.ts';
import { collectPageErrors } from './page-errors.ts';

/** Statement s is camp A's (0), camp B's (1) or a bridge both agree with (2). */
const sideOf = (statement: number) => statement % 3;
const campOf = (voter: number) => voter % 2;
function voteOf(voter: number, statement: number): VoteValue {
  // About one vote in eleven is a pass, so that the groups are not perfectly clean.
  if ((voter * 7 + statement * 3) % 11 === 0) return 'pass';
  const side = sideOf(statement);
  return side === 2 || side === campOf(voter) ? 'agree' : 'disagree';
}

test('@load a consultation with a crowd of voters counts every vote and keeps the facilitator responsive', async ({ browser, hs, newUser }, info) => {
  const { voters: size, statements: statementCount } = LOAD.consultation;
  test.setTimeout(LOAD.full ? 3_600_000 : 600_000);
  const tag = info.testId.slice(0, 6);
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const pageErrors = collectPageErrors(page);

  await signInThroughUi(page, hs, await newUser('facil'));
  const crowd = await startCrowd(hs, size, `v${tag}`);
  try {
    // The facilitator sets up the dialogue with everyone on the list and opens the consultation.
    const dialogueName = `Big consultation ${tag}`;
    await page.getByTestId('new-dialogue').click();
    await page.getByLabel('Dialogue name').fill(dialogueName);
    await page.getByLabel('Russian', { exact: false }).check();
    await page.getByLabel('Ground rules and consent text').fill(`Speak for yourself ${tag}`);
    await page.getByLabel('Participants (Matrix IDs)').fill(crowd.members.map((p) => p.user.userId).join('\n'));
    await page.getByRole('button', { name: 'Create dialogue' }).click();
    await expect(page.getByTestId('new-consultation')).toBeVisible({ timeout: 300_000 });
    const plenaryId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByTestId('new-consultation').click();
    const title = `Crossing points ${tag}`;
    await page.getByLabel('Title').fill(title);
    await page.getByTestId('question-text').first().fill('Which of these statements do you agree with?');
    await page.getByTestId('add-question').click();
    await page.getByTestId('question-kind').nth(1).selectOption('open');
    await page.getByTestId('question-text').nth(1).fill('What would make it safer to meet?');
    await page.getByLabel('Minimum group size for any figure (k)').fill('3');
    await page.getByTestId('open-consultation').click();
    await expect(page.getByTestId('consultation-phase')).toHaveAttribute('data-phase', 'open');

    // The crowd joins and accepts the rules; six of them propose the statements. A voter who has
    // joined stops reading until its turn: it need not decrypt every later join and consent.
    const joinStarted = Date.now();
    await inBatches(crowd.members, 10, async (p) => {
      await joinDialogue(p, plenaryId);
      p.holdSync();
    });
    const joinMs = Date.now() - joinStarted;
    const authors = crowd.members.slice(0, 6);
    for (const author of authors) author.resumeSync();
    const open = await waitForConsultation(authors[0], plenaryId, (s) => s.definition.title === title && s.questions.every((q) => q.thread), 120_000);
    const question = open.questions.find((q) => q.kind === 'statements')!;
    const texts = Array.from({ length: statementCount }, (_, s) => `Statement ${s} (${['camp A', 'camp B', 'bridge'][sideOf(s)]}) ${tag}`);
    await inBatches(authors, authors.length, (author, a) =>
      inBatches(texts.filter((_, s) => s % authors.length === a), 1, (text) => addStatement(author.client, plenaryId, open.id, question.id, text))
    );
    const idOf = new Map<string, string>();
    const learnStarted = Date.now();
    await inBatches(crowd.members, 10, async (p) => {
      p.resumeSync();
      const seen = await waitForConsultation(p, plenaryId, (s) => s.id === open.id && s.statements.length === statementCount, 300_000);
      for (const statement of seen.statements) idOf.set(statement.text, statement.id);
      // From here each voter only sends: reading everyone else's votes is not its part.
      p.holdSync();
    });
    const learnMs = Date.now() - learnStarted;

    // The vote stream, while the facilitator types in the answer search again and again.
    await expect(page.getByTestId('figure-statements')).toHaveText(String(statementCount), { timeout: 120_000 });
    await startRecordingResponsiveness(page);
    const search = page.getByLabel('Search answers and tags');
    let streaming = true;
    let typed = '';
    const typing = (async () => {
      for (let round = 0; streaming; round++) {
        typed = `ferry ${round}`;
        await search.fill('');
        await search.pressSequentially(typed, { delay: 60 });
      }
    })();
    const votesSent = Date.now();
    await inBatches(crowd.members, 20, async (p, voter) => {
      for (const [s, text] of texts.entries()) await vote(p.client, plenaryId, open.id, idOf.get(text)!, voteOf(voter, s));
    });
    const sendingMs = Date.now() - votesSent;
    await expect(page.getByTestId('figure-votes')).toHaveText(String(size * statementCount), { timeout: 600_000 });
    const countedMs = Date.now() - votesSent;
    streaming = false;
    await typing;
    await expect(search).toHaveValue(typed);
    const { keyToFrameMs, longTasksMs, longestFrame } = await recordedResponsiveness(page);
    // Every key pressed during the stream reached the page and was handled (a frame followed it).
    expect(keyToFrameMs.length).toBeGreaterThanOrEqual(typed.length);
    await expect(page.getByTestId('figure-voters')).toHaveText(String(size));
    await expect(page.getByTestId('undecryptable-count')).toHaveCount(0);
    await expect(page.getByTestId('failed-sends')).toHaveCount(0);

    // Synthesis: the two camps are the two groups, and bridges lead.
    await page.getByTestId('close-consultation').click();
    await expect(page.getByTestId('consultation-phase')).toHaveAttribute('data-phase', 'synthesis');
    await expect(page.getByTestId('opinion-group')).toHaveCount(2, { timeout: 120_000 });
    const groupSizes = await page.getByTestId('opinion-group').evaluateAll((groups) => groups.map((g) => Number(g.getAttribute('data-size'))));
    expect(groupSizes.sort((a, b) => a - b)).toEqual([Math.floor(size / 2), Math.ceil(size / 2)]);
    const bridges = await page.getByTestId('bridge-statement').locator('bdi').allTextContents();
    expect(bridges.length).toBeGreaterThan(0);
    for (const text of bridges) expect(text).toContain('(bridge)');
    expect(pageErrors).toEqual([]);

    const figures = {
      voters: size,
      statements: statementCount,
      votes: size * statementCount,
      joinAndConsentMs: joinMs,
      learnStatementsMs: learnMs,
      voteSendingMs: sendingMs,
      allCountedMs: countedMs,
      keyPresses: keyToFrameMs.length,
      keyToFrameP50Ms: Math.round(percentile(keyToFrameMs, 50)),
      keyToFrameP95Ms: Math.round(percentile(keyToFrameMs, 95)),
      longTasks: longTasksMs.length,
      longestTaskMs: Math.round(Math.max(0, ...longTasksMs)),
      longestFrame
    };
    info.annotations.push({ type: 'consultation load', description: JSON.stringify(figures) });
    console.log(`consultation load: ${JSON.stringify(figures)}`);
  } finally {
    await crowd.stop();
  }
});
