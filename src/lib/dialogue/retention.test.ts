import { describe, expect, it } from 'vitest';
import { parseRetention, retentionContent } from './events.ts';
import { isExpired, nextExpiry } from './retention.ts';

describe('retention', () => {
  it('reads a lifetime from m.room.retention, and nothing from invalid or missing values', () => {
    expect(parseRetention({ max_lifetime: 8_000 })).toBe(8_000);
    for (const content of [{}, null, 'x', { max_lifetime: -1 }, { max_lifetime: 500 }, { max_lifetime: 1.5e3 + 0.5 }, { max_lifetime: '8000' }, { max_lifetime: 10 * 365 * 86_400_000 }]) {
      expect(parseRetention(content), JSON.stringify(content)).toBeNull();
    }
  });

  it('writes a lifetime, or an empty content to turn it off', () => {
    expect(retentionContent(60_000)).toEqual({ max_lifetime: 60_000 });
    expect(retentionContent(null)).toEqual({});
    expect(() => retentionContent(10)).toThrow();
  });

  it('expires a message at its timestamp plus the lifetime, never without one', () => {
    expect(isExpired(1_000, 5_000, 5_999)).toBe(false);
    expect(isExpired(1_000, 5_000, 6_000)).toBe(true);
    expect(isExpired(0, null, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('knows when the next shown message expires', () => {
    expect(nextExpiry([1_000, 3_000, 2_000], 5_000, 6_500)).toBe(7_000);
    expect(nextExpiry([1_000], 5_000, 9_000)).toBeNull();
    expect(nextExpiry([1_000], null, 0)).toBeNull();
  });
});
