import { describe, expect, it } from 'vitest';
import { expiryTimerDelay } from './stores';

describe('expiryTimerDelay', () => {
  const now = Date.UTC(2026, 10, 22);
  const day = 24 * 3600 * 1000;

  it('wakes just after the next expiry', () => {
    expect(expiryTimerDelay(now + 1000, now)).toBe(1050);
  });

  it('wakes at once for what has already expired', () => {
    expect(expiryTimerDelay(now - day, now)).toBe(50);
  });

  it('never exceeds the longest delay a browser timer keeps (a 30-day retention would otherwise fire at once)', () => {
    expect(expiryTimerDelay(now + 30 * day, now)).toBe(2 ** 31 - 1);
    expect(expiryTimerDelay(now + 365 * day, now)).toBe(2 ** 31 - 1);
  });
});
