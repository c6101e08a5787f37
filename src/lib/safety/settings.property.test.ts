// Hostile content against the settings this device keeps (privacy choices, failed unlock
// attempts, the quick-exit page) and the pure functions that turn a user ID or an address into
// what the app shows or allows (avatars, the connection policy).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, hostileStoredText, hostileString, nearString } from '../testing/hostile-arbitraries.ts';
import { afterFailure, parseAttempts, waitBeforeAttempt } from './app-lock.ts';
import { AVATAR_GRID, avatarFor } from './avatar.ts';
import { connectPolicy } from './csp.ts';
import { parsePrivacy, PRIVACY_OPTIONS } from './privacy.ts';
import { DEFAULT_NEUTRAL_PAGE, isNeutralPage, neutralPage } from './quick-exit.ts';

const url = nearString(['https://matrix.example.org', 'http://localhost:8008', 'javascript:alert(1)', 'data:text/html,x', '//evil.example']);

describe('stored settings', () => {
  it('parsePrivacy gives a boolean for every option, whatever was stored', () => {
    check(hostileStoredText({ publicReceipts: true, typingNotices: false, presence: true, linkPreviews: false, redactExpired: true }), (raw) => {
      const settings = parsePrivacy(raw);
      expect(Object.keys(settings).sort()).toEqual([...PRIVACY_OPTIONS].sort());
      for (const option of PRIVACY_OPTIONS) expect(typeof settings[option]).toBe('boolean');
    });
  });

  it('parseAttempts gives a count of failures and a time, and the wait stays a number of milliseconds', () => {
    check(fc.tuple(hostileStoredText({ failures: 4, lockedUntil: 1_700_000_060_000 }), fc.integer({ min: 0, max: 4e12 })), ([raw, now]) => {
      const attempts = parseAttempts(raw);
      expect(Number.isInteger(attempts.failures) && attempts.failures >= 0).toBe(true);
      expect(typeof attempts.lockedUntil).toBe('number');
      const wait = waitBeforeAttempt(afterFailure(attempts, now), now);
      expect(wait).toBeGreaterThanOrEqual(0);
    });
  });

  it('neutralPage is the default or an http(s) address the person chose', () => {
    check(fc.oneof(url, hostileString, fc.constant(null)), (stored) => {
      const page = neutralPage({ getItem: () => stored });
      expect(page === DEFAULT_NEUTRAL_PAGE || (page === stored && isNeutralPage(page) && /^https?:$/.test(new URL(page).protocol))).toBe(true);
    });
  });
});

describe('what user IDs and addresses turn into', () => {
  it('avatarFor gives two hsl colours and a mirrored 5 by 5 grid for any ID', () => {
    check(hostileString, (userId) => {
      const avatar = avatarFor(userId);
      expect(avatar.background).toMatch(/^hsl\(\d+, \d+%, \d+%\)$/);
      expect(avatar.foreground).toMatch(/^hsl\(\d+, \d+%, \d+%\)$/);
      expect(avatar.cells).toHaveLength(AVATAR_GRID * AVATAR_GRID);
      for (let row = 0; row < AVATAR_GRID; row++) {
        for (let col = 0; col < AVATAR_GRID; col++) expect(avatar.cells[row * AVATAR_GRID + col]).toBe(avatar.cells[row * AVATAR_GRID + AVATAR_GRID - 1 - col]);
      }
    });
  });

  it('connectPolicy lists only http(s) origins of the addresses given, and nothing that could end the directive', () => {
    check(fc.tuple(url, fc.array(fc.oneof(url, hostileString), { maxLength: 4 })), ([homeserver, services]) => {
      const policy = connectPolicy(homeserver, services);
      const origins = [homeserver, ...services].filter((address) => URL.canParse(address)).map((address) => new URL(address).origin);
      expect(policy.startsWith("connect-src 'self'")).toBe(true);
      expect(policy).not.toMatch(/[;,\n\r]/);
      for (const source of policy.split(' ').slice(2).filter(Boolean)) {
        expect(origins).toContain(source);
        expect(source).toMatch(/^https?:\/\//);
      }
    });
  });
});
