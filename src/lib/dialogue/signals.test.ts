import type { MatrixClient } from 'matrix-js-sdk';
import { describe, expect, it, vi } from 'vitest';
import { typingNotifier } from './signals.ts';

describe('typingNotifier', () => {
  it('sends a typing notice at most every four seconds, and one stop after typing', () => {
    const sendTyping = vi.fn(() => Promise.resolve({}));
    let now = 0;
    const notifier = typingNotifier({ sendTyping } as unknown as MatrixClient, '!r:x', () => now);
    notifier.stopped();
    expect(sendTyping).not.toHaveBeenCalled();
    notifier.typed();
    now = 3_000;
    notifier.typed();
    expect(sendTyping).toHaveBeenCalledTimes(1);
    now = 4_000;
    notifier.typed();
    expect(sendTyping).toHaveBeenCalledTimes(2);
    notifier.stopped();
    notifier.stopped();
    expect(sendTyping.mock.calls).toEqual([
      ['!r:x', true, 5_000],
      ['!r:x', true, 5_000],
      ['!r:x', false, 0]
    ]);
  });
});
