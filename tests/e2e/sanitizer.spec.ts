// A hostile participant (a scripted matrix-js-sdk client) sends formatted_body crafted to run
// script, load remote images and nest deeper than the spec's limit. It must render harmless.
import { test, expect, openPerson, createRoomThroughUi, inviteThroughUi, recordPlaintext } from './fixtures.ts';
import { startParticipant, joinWhenInvited, sendMessage } from '../participants/participant.ts';
import { uniqueLocalpart } from '../homeserver/synapse.ts';

const REMOTE_IMAGE = 'http://127.0.0.1:9/tracking-pixel.png';

test('formatted_body is sanitised: no script runs, no remote image loads, deep nesting is cut', async ({ browser, hs, newUser }, info) => {
  const alice = await openPerson(browser, hs, await newUser('alice'));
  const requested: string[] = [];
  alice.page.on('request', (request) => requested.push(request.url()));
  const dialogs: string[] = [];
  alice.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await alice.page.evaluate(() => ((window as unknown as { __tripwire: number }).__tripwire = 0));

  const mallory = await startParticipant(hs, uniqueLocalpart('mallory'));
  try {
    const roomName = `Sanitiser room ${Date.now()}`;
    const roomId = await createRoomThroughUi(alice.page, roomName);
    await inviteThroughUi(alice.page, mallory.user.userId);
    await joinWhenInvited(mallory, roomId);

    const trip = 'window.__tripwire++';
    const deep = '<div>'.repeat(150) + 'bottom of the well' + '</div>'.repeat(150);
    const payloads = [
      `<b>bold</b><script>${trip}</script>visible-1`,
      `<img src="${REMOTE_IMAGE}" alt="pixel" onerror="${trip}">visible-2`,
      `<a href="javascript:${trip}">click-me-3</a>`,
      `<a href="https://example.org/ok" onclick="${trip}">safe-link-4</a>`,
      `<svg onload="${trip}"><circle/></svg><iframe src="javascript:${trip}"></iframe>visible-5`,
      `<details open ontoggle="${trip}"><summary>s</summary>visible-6</details>`,
      `<font color="red" style="background:url(${REMOTE_IMAGE})" data-mx-color="#ff0000">colour-7</font>`,
      deep
    ];
    for (const [index, html] of payloads.entries()) {
      const body = `hostile message ${index} ${info.testId}`;
      recordPlaintext(info.testId, body);
      await sendMessage(mallory, roomId, { msgtype: 'm.text', body, format: 'org.matrix.custom.html', formatted_body: html });
    }

    const timeline = alice.page.getByTestId('timeline');
    for (const marker of ['visible-1', 'visible-2', 'click-me-3', 'safe-link-4', 'visible-5', 'visible-6', 'colour-7', 'bottom of the well']) {
      await expect(timeline.getByText(marker)).toBeVisible();
    }
    await expect(timeline.locator('b', { hasText: 'bold' })).toHaveCount(1);

    const dom = await timeline.evaluate((root) => {
      const all = [...root.querySelectorAll('[data-testid=body] *')];
      const depthOf = (el: Element) => {
        let depth = 0;
        for (let node: Element | null = el; node && node.getAttribute('data-testid') !== 'body'; node = node.parentElement) depth++;
        return depth;
      };
      return {
        // Within message bodies: the timeline's own generated avatars are SVG too.
        scripts: root.querySelectorAll('[data-testid=body] :is(script, iframe, svg, img, object, embed)').length,
        handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        styles: all.filter((el) => el.hasAttribute('style')).length,
        jsLinks: all.filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? '')).length,
        links: [...root.querySelectorAll('[data-testid=body] a[href]')].map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') })),
        maxDepth: Math.max(0, ...all.map(depthOf))
      };
    });
    expect(dom.scripts).toBe(0);
    expect(dom.handlers).toBe(0);
    expect(dom.styles).toBe(0);
    expect(dom.jsLinks).toBe(0);
    expect(dom.links).toEqual([{ href: 'https://example.org/ok', rel: 'noopener noreferrer nofollow' }]);
    expect(dom.maxDepth).toBeLessThanOrEqual(100);
    // Hover and click everything that might carry a handler, then check the tripwire.
    await timeline.getByText('click-me-3').click();
    await timeline.getByText('visible-6').click();
    expect(await alice.page.evaluate(() => (window as unknown as { __tripwire: number }).__tripwire)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requested.filter((url) => url.includes('tracking-pixel'))).toEqual([]);
  } finally {
    await mallory.stop();
  }
});
