// Quick exit: one click, or Escape twice, replaces the app with a neutral page. `location.replace`
// swaps the current history entry, and every navigation inside the app replaces its entry too
// (data-sveltekit-replacestate, goto with replaceState), so Back does not lead back to Parley.

/** Where quick exit goes unless the person chose another page: an ordinary, busy website. */
export const DEFAULT_NEUTRAL_PAGE = 'https://www.wikipedia.org/';
const NEUTRAL_PAGE_KEY = 'parley:neutral-page';
const DOUBLE_PRESS_MS = 1_000;

/** An address quick exit may go to: http(s) only, so that no script or data URL can stand in for it. */
export function isNeutralPage(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:';
}

export function neutralPage(storage: Pick<Storage, 'getItem'>): string {
  const chosen = storage.getItem(NEUTRAL_PAGE_KEY);
  return chosen && isNeutralPage(chosen) ? chosen : DEFAULT_NEUTRAL_PAGE;
}

/** Saves the person's neutral page; returns false (saving nothing) for an address that is not one. */
export function setNeutralPage(storage: Pick<Storage, 'setItem' | 'removeItem'>, url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '') {
    storage.removeItem(NEUTRAL_PAGE_KEY);
    return true;
  }
  if (!isNeutralPage(trimmed)) return false;
  storage.setItem(NEUTRAL_PAGE_KEY, trimmed);
  return true;
}

/** Calls `onDoublePress` when Escape is pressed twice within a second (other keys in between reset it). */
export function doubleEscape(onDoublePress: () => void, now: () => number = Date.now): (key: string) => void {
  let last = -Infinity;
  return (key) => {
    if (key !== 'Escape') {
      last = -Infinity;
      return;
    }
    const time = now();
    if (time - last <= DOUBLE_PRESS_MS) {
      last = -Infinity;
      onDoublePress();
    } else {
      last = time;
    }
  };
}
