// Reading a long timeline the way a person does: scrolling up from the newest message to the
// start of the room. The timeline is virtualised, so only rows near the viewport exist in the
// page at any time; this collects every row seen on the way, in order.
import type { Page } from '@playwright/test';

export interface TimelineRow {
  id: string;
  kind: string;
  body: string;
}

const DECRYPTING_PATIENCE_MS = 30_000;

/**
 * Scrolls the open room's timeline from the bottom to its start, paging history in as the app
 * does, and returns every message row seen, oldest first. `onStep` runs after each scroll step.
 */
export async function readWholeTimeline(page: Page, timeoutMs = 600_000, onStep?: () => Promise<void>): Promise<TimelineRow[]> {
  const ordered: TimelineRow[] = [];
  const known = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  // Scrolled with the mouse wheel, as a person does: the app tells that from its own scrolling.
  const box = (await page.getByTestId('timeline').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 10_000_000);
  let stuckSince = 0;
  let decryptingSince = 0;
  while (Date.now() < deadline) {
    // A page busy with a long room may take more than Playwright's 30 s default to paint a frame;
    // that is a figure to report, not a reason to stop reading before the reader's deadline.
    const step = await page.getByTestId('timeline').evaluate(async (el) => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const rows = [...el.querySelectorAll<HTMLElement>('[data-testid=message]')].map((row) => ({
        id: row.dataset.eventId ?? '',
        kind: row.dataset.kind ?? '',
        body: (row.querySelector('[data-testid=body]')?.textContent ?? '').trim()
      }));
      return { rows, atTop: el.scrollTop <= 1, atStart: !!el.querySelector('.start') };
    }, undefined, { timeout: Math.max(1, deadline - Date.now()) });
    // A message still being decrypted is read once it is (as a person would wait a moment), unless that takes too long.
    if (step.rows.some((row) => row.kind === 'decrypting' && !known.has(row.id)) && Date.now() - (decryptingSince ||= Date.now()) < DECRYPTING_PATIENCE_MS) {
      await page.waitForTimeout(100);
      continue;
    }
    decryptingSince = 0;
    if (!step.atTop) await page.mouse.wheel(0, -box.height * 0.7);
    // Rows above those already known are older: they go in front, in page order.
    const fresh = step.rows.filter((row) => !known.has(row.id));
    for (const row of fresh) known.add(row.id);
    ordered.unshift(...fresh);
    if (onStep) await onStep();
    if (step.atTop && step.atStart) return ordered;
    if (step.atTop) {
      // History is being paged in; if nothing moves for a while, ask for it as a keyboard user would.
      stuckSince ||= Date.now();
      if (Date.now() - stuckSince > 2_000) {
        await page.getByTestId('timeline').locator('button.older').click({ timeout: 5_000 }).catch(() => undefined);
        stuckSince = Date.now();
      }
      await page.waitForTimeout(100);
    } else {
      stuckSince = 0;
    }
  }
  throw new Error(`the timeline's start was not reached within ${timeoutMs} ms (${ordered.length} rows read)`);
}

/** Rows a person could not read: undecryptable, or still decrypting after the reader's patience. */
export function unreadableRows(rows: TimelineRow[]): TimelineRow[] {
  return rows.filter((row) => row.kind === 'undecryptable' || row.kind === 'decrypting');
}

/**
 * Installs, before the app loads, a recorder of each room event's delivery to this browser,
 * measured without touching the app: from the server's timestamp on the event (taken when it
 * accepted it) to the sync response that first carried it here. The homeserver runs on this
 * machine, so both times come from one clock; a sender's own clock would also count its
 * event loop's lag under load. Returns a reader of ms per event id.
 */
export async function recordSyncDeliveries(page: Page): Promise<() => Promise<Record<string, number>>> {
  await page.addInitScript(() => {
    const deliveries: Record<string, number> = {};
    (window as unknown as { __syncDeliveries: Record<string, number> }).__syncDeliveries = deliveries;
    const originalFetch = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await originalFetch(...args);
      const url = typeof args[0] === 'string' ? args[0] : args[0] instanceof URL ? args[0].href : args[0].url;
      if (url.includes('/sync')) {
        const now = Date.now();
        type SyncEvent = { event_id?: string; origin_server_ts?: number };
        response
          .clone()
          .json()
          .then((body: { rooms?: { join?: Record<string, { timeline?: { events?: SyncEvent[] } }> } }) => {
            for (const room of Object.values(body.rooms?.join ?? {})) {
              for (const event of room.timeline?.events ?? []) {
                if (event.event_id && typeof event.origin_server_ts === 'number' && !(event.event_id in deliveries)) deliveries[event.event_id] = now - event.origin_server_ts;
              }
            }
          })
          .catch(() => undefined);
      }
      return response;
    };
  });
  return () => page.evaluate(() => ({ ...(window as unknown as { __syncDeliveries: Record<string, number> }).__syncDeliveries }));
}
