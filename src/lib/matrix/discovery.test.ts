import { describe, expect, it } from 'vitest';
import { candidateUrl, resolveHomeserver } from './discovery.ts';
import { AuthError, type AuthErrorCode } from './errors.ts';

type Route = (() => Response) | 'unreachable';

const VERSIONS = { versions: ['v1.11', 'v1.12'] };

function json(body: unknown, status = 200): () => Response {
  return () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function html(body = '<!doctype html><title>Welcome</title><p>My blog</p>', status = 200): () => Response {
  return () => new Response(body, { status, headers: { 'content-type': 'text/html' } });
}

/** A fetch that answers only the given URLs, records every request, and 404s the rest. */
function fakeFetch(routes: Record<string, Route>) {
  const calls: string[] = [];
  const fetchFn = async (input: string): Promise<Response> => {
    calls.push(input);
    const route = routes[input];
    if (route === 'unreachable') throw new TypeError('Failed to fetch');
    if (route) return route();
    return new Response('Not found', { status: 404 });
  };
  return { fetchFn, calls };
}

async function expectAuthError(promise: Promise<unknown>, code: AuthErrorCode): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).code).toBe(code);
}

describe('candidateUrl', () => {
  it('adds https to a bare domain', () => {
    expect(candidateUrl('example.org').href).toBe('https://example.org/');
    expect(candidateUrl('  example.org  ').href).toBe('https://example.org/');
  });

  it('keeps an explicit scheme, port and path', () => {
    expect(candidateUrl('http://127.0.0.1:8008').href).toBe('http://127.0.0.1:8008/');
    expect(candidateUrl('https://example.org/matrix').href).toBe('https://example.org/matrix');
    expect(candidateUrl('HTTPS://Example.ORG').href).toBe('https://example.org/');
  });

  it.each(['', '   ', '\n\t'])('rejects empty input %j as serverMissing', (input) => {
    expect(() => candidateUrl(input)).toThrow(AuthError);
    try {
      candidateUrl(input);
    } catch (error) {
      expect((error as AuthError).code).toBe('serverMissing');
    }
  });

  it.each(['ftp://x', 'file:///etc/passwd', 'ws://example.org', 'javascript://x', 'https://', 'exa mple.org', 'https://[::1'])(
    'rejects %j as serverInvalid',
    (input) => {
      try {
        candidateUrl(input);
        expect.unreachable(`${input} was accepted`);
      } catch (error) {
        expect(error).toBeInstanceOf(AuthError);
        expect((error as AuthError).code).toBe('serverInvalid');
      }
    }
  );
});

describe('resolveHomeserver', () => {
  it('follows .well-known for a bare domain, over https', async () => {
    const { fetchFn, calls } = fakeFetch({
      'https://example.org/.well-known/matrix/client': json({ 'm.homeserver': { base_url: 'https://matrix.example.org/' } }),
      'https://matrix.example.org/_matrix/client/versions': json(VERSIONS)
    });
    await expect(resolveHomeserver('example.org', fetchFn)).resolves.toBe('https://matrix.example.org');
    expect(calls).toEqual(['https://example.org/.well-known/matrix/client', 'https://matrix.example.org/_matrix/client/versions']);
    expect(calls.every((url) => url.startsWith('https://'))).toBe(true);
  });

  it('strips trailing slashes from the .well-known base_url', async () => {
    const { fetchFn } = fakeFetch({
      'https://example.org/.well-known/matrix/client': json({ 'm.homeserver': { base_url: 'https://hs.example.org/sub///' } }),
      'https://hs.example.org/sub/_matrix/client/versions': json(VERSIONS)
    });
    await expect(resolveHomeserver('example.org', fetchFn)).resolves.toBe('https://hs.example.org/sub');
  });

  it('uses the typed origin when there is no .well-known', async () => {
    const { fetchFn, calls } = fakeFetch({ 'https://example.org/_matrix/client/versions': json(VERSIONS) });
    await expect(resolveHomeserver('example.org', fetchFn)).resolves.toBe('https://example.org');
    expect(calls).toEqual(['https://example.org/.well-known/matrix/client', 'https://example.org/_matrix/client/versions']);
  });

  it.each<[string, () => Response]>([
    ['HTML', html()],
    ['JSON without m.homeserver', json({ 'm.identity_server': { base_url: 'https://id.example' } })],
    ['a numeric base_url', json({ 'm.homeserver': { base_url: 42 } })],
    ['a server error', json({ 'm.homeserver': { base_url: 'https://hs.example.org' } }, 500)]
  ])('ignores a .well-known that is %s', async (_label, wellKnown) => {
    const { fetchFn } = fakeFetch({
      'https://example.org/.well-known/matrix/client': wellKnown,
      'https://example.org/_matrix/client/versions': json(VERSIONS)
    });
    await expect(resolveHomeserver('example.org', fetchFn)).resolves.toBe('https://example.org');
  });

  it('ignores a .well-known request that fails on the network', async () => {
    const { fetchFn } = fakeFetch({
      'https://example.org/.well-known/matrix/client': 'unreachable',
      'https://example.org/_matrix/client/versions': json(VERSIONS)
    });
    await expect(resolveHomeserver('example.org', fetchFn)).resolves.toBe('https://example.org');
  });

  it('skips .well-known for an explicit URL with a path', async () => {
    const { fetchFn, calls } = fakeFetch({
      'https://example.org/.well-known/matrix/client': json({ 'm.homeserver': { base_url: 'https://elsewhere.example' } }),
      'https://example.org/matrix/_matrix/client/versions': json(VERSIONS)
    });
    await expect(resolveHomeserver('https://example.org/matrix/', fetchFn)).resolves.toBe('https://example.org/matrix');
    expect(calls).toEqual(['https://example.org/matrix/_matrix/client/versions']);
  });

  it('keeps http and the port of an explicit local server', async () => {
    const { fetchFn } = fakeFetch({ 'http://127.0.0.1:8008/_matrix/client/versions': json(VERSIONS) });
    await expect(resolveHomeserver('http://127.0.0.1:8008', fetchFn)).resolves.toBe('http://127.0.0.1:8008');
  });

  it('reports notMatrixServer when /versions answers with HTML', async () => {
    const { fetchFn } = fakeFetch({ 'https://example.org/_matrix/client/versions': html() });
    await expectAuthError(resolveHomeserver('example.org', fetchFn), 'notMatrixServer');
  });

  it.each<[string, () => Response]>([
    ['404', () => new Response('no', { status: 404 })],
    ['JSON without versions', json({ hello: 'world' })],
    ['versions that is not a list', json({ versions: 'v1.11' })],
    ['JSON null', json(null)],
    ['an error status with a valid body', json(VERSIONS, 503)]
  ])('reports notMatrixServer when /versions answers %s', async (_label, response) => {
    const { fetchFn } = fakeFetch({ 'https://example.org/_matrix/client/versions': response });
    await expectAuthError(resolveHomeserver('example.org', fetchFn), 'notMatrixServer');
  });

  it('reports serverUnreachable when fetch throws a TypeError', async () => {
    const { fetchFn } = fakeFetch({
      'https://example.org/.well-known/matrix/client': 'unreachable',
      'https://example.org/_matrix/client/versions': 'unreachable'
    });
    await expectAuthError(resolveHomeserver('example.org', fetchFn), 'serverUnreachable');
  });

  it('reports serverMissing for empty input without fetching', async () => {
    const { fetchFn, calls } = fakeFetch({});
    await expectAuthError(resolveHomeserver('   ', fetchFn), 'serverMissing');
    expect(calls).toEqual([]);
  });

  it('reports serverInvalid for ftp:// without fetching', async () => {
    const { fetchFn, calls } = fakeFetch({});
    await expectAuthError(resolveHomeserver('ftp://x', fetchFn), 'serverInvalid');
    expect(calls).toEqual([]);
  });

  it('falls back to the typed origin when .well-known points to a dead server', async () => {
    const { fetchFn, calls } = fakeFetch({
      'https://example.org/.well-known/matrix/client': json({ 'm.homeserver': { base_url: 'https://dead.example.org' } }),
      'https://dead.example.org/_matrix/client/versions': 'unreachable',
      'https://example.org/_matrix/client/versions': json(VERSIONS)
    });
    await expect(resolveHomeserver('example.org', fetchFn)).resolves.toBe('https://example.org');
    expect(calls).toEqual([
      'https://example.org/.well-known/matrix/client',
      'https://dead.example.org/_matrix/client/versions',
      'https://example.org/_matrix/client/versions'
    ]);
  });

  it('falls back to the typed origin when .well-known points to something that is not a Matrix server', async () => {
    const { fetchFn } = fakeFetch({
      'https://example.org/.well-known/matrix/client': json({ 'm.homeserver': { base_url: 'https://blog.example.org' } }),
      'https://blog.example.org/_matrix/client/versions': html(),
      'https://example.org/_matrix/client/versions': json(VERSIONS)
    });
    await expect(resolveHomeserver('example.org', fetchFn)).resolves.toBe('https://example.org');
  });

  it('falls back to the typed origin when .well-known holds an unusable base_url, without fetching it', async () => {
    const { fetchFn, calls } = fakeFetch({
      'https://example.org/.well-known/matrix/client': json({ 'm.homeserver': { base_url: 'ftp://files.example.org' } }),
      'https://example.org/_matrix/client/versions': json(VERSIONS)
    });
    await expect(resolveHomeserver('example.org', fetchFn)).resolves.toBe('https://example.org');
    expect(calls.some((url) => url.startsWith('ftp:'))).toBe(false);
  });

  it('reports serverUnreachable when both the discovered and the typed server are down', async () => {
    const { fetchFn } = fakeFetch({
      'https://example.org/.well-known/matrix/client': json({ 'm.homeserver': { base_url: 'https://dead.example.org' } }),
      'https://dead.example.org/_matrix/client/versions': 'unreachable',
      'https://example.org/_matrix/client/versions': 'unreachable'
    });
    await expectAuthError(resolveHomeserver('example.org', fetchFn), 'serverUnreachable');
  });

  it('reports any failure to fetch /versions as serverUnreachable, whatever was thrown', async () => {
    const boom = new RangeError('bug');
    const fetchFn = async (input: string): Promise<Response> => {
      if (input.endsWith('/.well-known/matrix/client')) return json({ 'm.homeserver': { base_url: 'https://hs.example.org' } })();
      throw boom;
    };
    await expectAuthError(resolveHomeserver('example.org', fetchFn), 'serverUnreachable');
  });
});
