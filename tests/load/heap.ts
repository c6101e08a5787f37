// Memory of a page, as Chromium's DevTools protocol reports it after a full garbage collection.
import type { Page } from '@playwright/test';

/** However long the room, a virtualised timeline keeps about a screenful of rows in the page. */
export const MAX_ROWS_IN_PAGE = 80;

export async function heapUsedMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
}
