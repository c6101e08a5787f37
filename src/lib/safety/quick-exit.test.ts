import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_NEUTRAL_PAGE, doubleEscape, isNeutralPage, neutralPage, setNeutralPage } from './quick-exit.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const values = new Map<string, string>();
  return { getItem: (k) => values.get(k) ?? null, setItem: (k, v) => void values.set(k, v), removeItem: (k) => void values.delete(k) };
}

describe('neutral page', () => {
  it('accepts web addresses only', () => {
    expect(isNeutralPage('https://weather.example.org/today')).toBe(true);
    expect(isNeutralPage('http://127.0.0.1:8008/_matrix/static/')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'not a url', '', 'about:blank']) {
      expect(isNeutralPage(bad), bad).toBe(false);
    }
  });

  it('defaults to an ordinary website, keeps a valid choice, refuses an invalid one, and resets on empty', () => {
    const storage = memoryStorage();
    expect(neutralPage(storage)).toBe(DEFAULT_NEUTRAL_PAGE);
    expect(setNeutralPage(storage, ' https://news.example.org/ ')).toBe(true);
    expect(neutralPage(storage)).toBe('https://news.example.org/');
    expect(setNeutralPage(storage, 'javascript:alert(1)')).toBe(false);
    expect(neutralPage(storage)).toBe('https://news.example.org/');
    expect(setNeutralPage(storage, '  ')).toBe(true);
    expect(neutralPage(storage)).toBe(DEFAULT_NEUTRAL_PAGE);
  });

  it('ignores a stored value that is not a web address', () => {
    const storage = memoryStorage();
    storage.setItem('parley:neutral-page', 'javascript:alert(1)');
    expect(neutralPage(storage)).toBe(DEFAULT_NEUTRAL_PAGE);
  });
});

describe('doubleEscape', () => {
  it('fires on the second Escape within a second, and not again on a third', () => {
    let now = 0;
    const fire = vi.fn();
    const press = doubleEscape(fire, () => now);
    press('Escape');
    now = 900;
    press('Escape');
    expect(fire).toHaveBeenCalledTimes(1);
    now = 1_000;
    press('Escape');
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('does not fire when the presses are too far apart or another key comes between', () => {
    let now = 0;
    const fire = vi.fn();
    const press = doubleEscape(fire, () => now);
    press('Escape');
    now = 1_500;
    press('Escape');
    expect(fire).not.toHaveBeenCalled();
    now = 1_600;
    press('a');
    press('Escape');
    expect(fire).not.toHaveBeenCalled();
  });
});

describe('history', () => {
  const src = join(import.meta.dirname, '..', '..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
    });

  it('every in-app navigation replaces its history entry, so Back cannot return to Parley after a quick exit', () => {
    const pushing = files(src).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/\bgoto\(([^;]*)/g)].filter((m) => !m[1].includes('replaceState: true')).map(() => path)
    );
    expect(pushing).toEqual([]);
    expect(readFileSync(join(src, 'app.html'), 'utf8')).toMatch(/<body[^>]*\bdata-sveltekit-replacestate\b/);
  });
});
