// Layout checks shared by the reach and hostile-input tests.
import type { Page } from '@playwright/test';

/**
 * Elements that stick out of the viewport sideways, or a page that scrolls sideways. An element
 * cut off by an ancestor that clips or scrolls (a name ending in an ellipsis) does not count:
 * that ancestor is checked itself.
 */
export async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.left < -1 || box.right > width + 1;
    };
    const clippedByAncestor = (el: Element) => {
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible' && !outside(parent)) return true;
      }
      return false;
    };
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width === 0 || style.visibility === 'hidden' || style.display === 'none' || el.closest('.visually-hidden')) return false;
        return outside(el) && !clippedByAncestor(el);
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} [${Math.round(el.getBoundingClientRect().left)}, ${Math.round(el.getBoundingClientRect().right)}]`);
    if (document.documentElement.scrollWidth > width + 1) wide.unshift(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return wide.slice(0, 10);
  });
}
