import { describe, expect, it } from 'vitest';
import { formatDuration, unitMs } from './duration.ts';

describe('formatDuration', () => {
  it('uses the largest unit that fits exactly', () => {
    expect(formatDuration(5_000, 'en')).toBe('5 seconds');
    expect(formatDuration(90_000, 'en')).toBe('90 seconds');
    expect(formatDuration(3_600_000, 'en')).toBe('1 hour');
    expect(formatDuration(7 * 86_400_000, 'en')).toBe('7 days');
  });

  it('speaks the reader’s language, plural forms included', () => {
    expect(formatDuration(2 * 86_400_000, 'ru')).toBe('2 дня');
    expect(formatDuration(5 * 86_400_000, 'ru')).toBe('5 дней');
  });

  it('rounds below a second to whole seconds', () => {
    expect(formatDuration(1_400, 'en')).toBe('1 second');
    expect(unitMs('minute')).toBe(60_000);
  });
});
