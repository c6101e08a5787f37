import { describe, expect, it } from 'vitest';
import { connectPolicy, STATIC_POLICY } from './csp.ts';

describe('content security policy', () => {
  it('allows scripts from the app only (and WebAssembly), never inline, and nothing framed or embedded', () => {
    const directives = new Map(STATIC_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(STATIC_POLICY).not.toContain("'unsafe-eval'");
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('narrows connections to the app, the homeserver and the listed services, as origins', () => {
    expect(connectPolicy('https://matrix.example.org/', ['https://lt.example.org/api', 'https://matrix.example.org:443/x', 'not a url'])).toBe(
      "connect-src 'self' https://matrix.example.org https://lt.example.org"
    );
    expect(connectPolicy('http://127.0.0.1:8008', [])).toBe("connect-src 'self' http://127.0.0.1:8008");
  });
});
