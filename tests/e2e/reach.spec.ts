// Reach: every main screen passes axe-core without serious or critical violations, and in
// Arabic (right to left) and Georgian (long words) nothing is wider than a 360-pixel phone.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openPerson, createRoomThroughUi, messageWithText, recordPlaintext, sendThroughUi, signInThroughUi, roomWithScriptedPeer } from './fixtures.ts';
import { sendMessage } from '../participants/participant.ts';
import { overflow } from './layout.ts';

async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${screen}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test('sign-in, room list, room, consultation, moderation queue and settings have no serious or critical accessibility violations', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(240_000);
  const tag = info.testId.slice(0, 8);
  const found: string[] = [];
  const context = await browser.newContext({ locale: 'en-GB' });
  const signIn = await context.newPage();
  await signIn.goto('/');
  await expect(signIn.getByTestId('auth-form')).toBeVisible();
  found.push(...(await seriousViolations(signIn, 'sign-in')));
  await context.close();

  const person = await openPerson(browser, hs, await newUser('axe'));
  const page = person.page;
  found.push(...(await seriousViolations(page, 'room list')));
  await createRoomThroughUi(page, `Accessible ${tag}`);
  await sendThroughUi(page, `Hello ${tag}`, info.testId);
  found.push(...(await seriousViolations(page, 'room')));
  await page.getByTestId('new-dialogue').click();
  await page.getByLabel('Dialogue name').fill(`Accessible dialogue ${tag}`);
  await page.getByLabel('Ground rules and consent text').fill(`Rules ${tag}`);
  await page.getByRole('button', { name: 'Create dialogue' }).click();
  await expect(page.getByTestId('new-consultation')).toBeVisible({ timeout: 60_000 });
  found.push(...(await seriousViolations(page, 'plenary')));
  await page.getByTestId('new-consultation').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  found.push(...(await seriousViolations(page, 'consultation form')));
  await page.getByTestId('rooms').getByRole('link', { name: `Accessible dialogue ${tag} · moderators` }).click();
  await expect(page.getByTestId('moderation-queue')).toBeVisible();
  found.push(...(await seriousViolations(page, 'moderation queue')));
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'settings')));
  expect(found).toEqual([]);
});

for (const lng of ['ar', 'ka'] as const) {
  test(`in ${lng}, the main screens fit a 360-pixel phone${lng === 'ar' ? ', right to left' : ''}`, async ({ browser, hs, newUser }, info) => {
    test.setTimeout(240_000);
    const tag = info.testId.slice(0, 8);
    const viewport = { width: 360, height: 740 };
    const problems: string[] = [];
    const check = async (page: Page, screen: string) => {
      await page.screenshot({ path: info.outputPath(`${lng}-${screen}.png`), fullPage: true });
      problems.push(...(await overflow(page)).map((p) => `${screen}: ${p}`));
    };

    // The sign-in screen, in the browser's language.
    const fresh = await browser.newContext({ locale: lng, viewport });
    const signIn = await fresh.newPage();
    await signIn.goto('/');
    await expect(signIn.locator('html')).toHaveAttribute('lang', lng);
    await expect(signIn.locator('html')).toHaveAttribute('dir', lng === 'ar' ? 'rtl' : 'ltr');
    await check(signIn, 'sign-in');
    await fresh.close();

    // A person with a room, a message and a dialogue switches to the language.
    const context = await browser.newContext({ locale: 'en-GB', viewport });
    const page = await context.newPage();
    await signInThroughUi(page, hs, await newUser(`narrow${lng}`));
    await createRoomThroughUi(page, `Narrow ${tag}`);
    await sendThroughUi(page, `A message that is long enough to wrap on a small phone screen ${tag}`, info.testId);
    await page.getByTestId('new-dialogue').click();
    await page.getByLabel('Dialogue name').fill(`Narrow dialogue ${tag}`);
    await page.getByLabel('Ground rules and consent text').fill(`Rules ${tag}`);
    await page.getByRole('button', { name: 'Create dialogue' }).click();
    await expect(page.getByTestId('new-consultation')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('language-switcher').selectOption(lng);
    await expect(page.locator('html')).toHaveAttribute('lang', lng);
    await expect(page.locator('html')).toHaveAttribute('dir', lng === 'ar' ? 'rtl' : 'ltr');
    await check(page, 'plenary');
    await page.getByTestId('new-consultation').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check(page, 'consultation-form');
    await page.getByTestId('rooms').getByRole('link', { name: `Narrow ${tag}`, exact: true }).click();
    await expect(page.getByTestId('composer')).toBeVisible();
    await check(page, 'room');
    await page.getByTestId('rooms').getByRole('link', { name: new RegExp(`Narrow dialogue ${tag} · `) }).first().click();
    await page.locator('a[href="/settings"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check(page, 'settings');
    await context.close();
    expect(problems).toEqual([]);
  });
}

/** Presses Tab until the focused element matches `selector`, checking that every stop shows its focus. */
async function tabTo(page: Page, selector: string, unseenFocus: string[]): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((wanted) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { matches: false, visible: true, what: 'body' };
      const style = getComputedStyle(el);
      return {
        matches: el.matches(wanted),
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`
      };
    }, selector);
    if (!stop.visible) unseenFocus.push(stop.what);
    if (stop.matches) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('by keyboard alone: sign in, keep the recovery key, create a room and send a message, focus always visible', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(120_000);
  const tag = info.testId.slice(0, 8);
  const user = await newUser('keyboard');
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  const unseen: string[] = [];
  await page.goto('/');
  await tabTo(page, '#server', unseen);
  await page.keyboard.type(hs.url);
  await tabTo(page, '#username', unseen);
  await page.keyboard.type(user.localpart);
  await tabTo(page, '#password', unseen);
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('trust-setup')).toBeVisible({ timeout: 60_000 });
  await tabTo(page, '[data-testid=trust-setup] button[type=submit]', unseen);
  await page.keyboard.press('Enter');
  const key = (await page.getByTestId('recovery-key').textContent({ timeout: 30_000 }))!.trim();
  await tabTo(page, '#recovery-key-again', unseen);
  await page.keyboard.type(key);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trust-setup')).toHaveCount(0);

  await tabTo(page, '[data-testid=new-room]', unseen);
  await page.keyboard.press('Enter');
  await tabTo(page, '#new-room-name-top', unseen);
  await page.keyboard.type(`Keyboard ${tag}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Keyboard ${tag}` })).toBeVisible();
  await tabTo(page, '[data-testid=composer]', unseen);
  const text = `Typed without a mouse ${tag}`;
  recordPlaintext(info.testId, text);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('message').filter({ hasText: text })).toBeVisible();
  expect(unseen).toEqual([]);
});

test('by keyboard alone: reply, attach a file, switch language and change a privacy setting, focus always visible', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(120_000);
  const tag = info.testId.slice(0, 8);
  const person = await openPerson(browser, hs, await newUser('keys'));
  const page = person.page;
  const { peer, roomId } = await roomWithScriptedPeer(page, hs, 'peer', `Keys ${tag}`);
  try {
    const question = `Shall we meet on Thursday ${tag}?`;
    recordPlaintext(info.testId, question);
    const questionId = await sendMessage(peer, roomId, { msgtype: 'm.text', body: question });
    await expect(messageWithText(page, question)).toBeVisible({ timeout: 30_000 });
    const unseen: string[] = [];
    await page.locator('h1').click();

    // Reply: the Reply button of the peer's message, then the composer has focus.
    await tabTo(page, `[data-event-id="${questionId}"] button[aria-label^="Reply"]`, unseen);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('replying-to')).toBeVisible();
    await expect(page.getByTestId('composer')).toBeFocused();
    const answer = `Thursday suits me ${tag}`;
    recordPlaintext(info.testId, answer);
    await page.keyboard.type(answer);
    await page.keyboard.press('Enter');
    const reply = messageWithText(page, answer);
    await expect(reply).toBeVisible();
    await expect(reply.locator('.reply-quote')).toContainText(question);

    // Attach: the button opens the file chooser.
    await tabTo(page, '[data-testid=attach]', unseen);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    const fileName = `agenda-${tag}.txt`;
    recordPlaintext(info.testId, `Agenda ${tag}`);
    await chooser.setFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(`Agenda ${tag}`) });
    await expect(page.getByTestId('attachment').filter({ hasText: fileName })).toBeVisible({ timeout: 30_000 });

    // Language: the switcher follows the arrow keys; the page turns French, then back.
    await tabTo(page, '#language-switcher', unseen);
    await page.keyboard.press('End');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.keyboard.press('Home');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // Settings: reached by its link, and a privacy option turned on with the space bar.
    await tabTo(page, 'a[href="/settings"]', unseen);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await tabTo(page, '[data-testid=privacy-typingNotices]', unseen);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('privacy-typingNotices')).toBeChecked();
    expect(unseen).toEqual([]);
  } finally {
    await peer.stop();
  }
});
