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

  // Found by settings.property.test.ts: a URL's host may hold `;` or `,`, and its origin then
  // ended the directive inside the policy; `javascript:` and `data:` URLs have the origin `null`.
  it('leaves out origins that are not a host name, an IP address and a port', () => {
    const services = ['https://a.example;script-src', 'https://a.example%3B', 'https://b,c.example', 'javascript:alert(1)', 'data:text/plain,x'];
    expect(connectPolicy('https://[::1]:8448/', [...services, 'https://пример.рф'])).toBe("connect-src 'self' https://[::1]:8448 https://xn--e1afmkfd.xn--p1ai");
  });
});
