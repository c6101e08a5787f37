import { describe, expect, it } from 'vitest';
import { isLocalEchoId, standInEventId } from './restored-echoes.ts';

describe('restored unsent messages', () => {
  it('recognises the SDK local echo ids and no server event ids', () => {
    expect(isLocalEchoId('~!abc:localhost:m1732261234567.3')).toBe(true);
    expect(isLocalEchoId('$Rqnc-F-dvnEYJTyHq_iKxU2bZ1CI92-kuZq3a5lr5Zg')).toBe(false);
    expect(isLocalEchoId(undefined)).toBe(false);
  });

  it('stands in with an event ID that has the sigil and no server name', () => {
    const id = standInEventId('~!abc:localhost:m1732261234567.3');
    expect(id).toMatch(/^\$[A-Za-z0-9_-]+$/);
    expect(id).not.toContain(':');
    expect(standInEventId('~!abc:localhost:m1.3')).not.toBe(standInEventId('~!abc:localhost:m1.4'));
  });
});
