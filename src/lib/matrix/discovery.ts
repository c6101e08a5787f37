// Turns what a person types ("example.org", "https://matrix.example.org", "http://127.0.0.1:8008")
// into a homeserver base URL, following .well-known and checking that a Matrix server answers.
import { AuthError } from './errors.ts';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export function candidateUrl(input: string): URL {
  const trimmed = input.trim();
  if (!trimmed) throw new AuthError('serverMissing');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new AuthError('serverInvalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AuthError('serverInvalid');
  return url;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

async function wellKnownBaseUrl(origin: string, fetchFn: FetchLike): Promise<string | null> {
  try {
    const response = await fetchFn(`${origin}/.well-known/matrix/client`);
    if (!response.ok) return null;
    const body = (await readJson(response)) as { 'm.homeserver'?: { base_url?: unknown } } | null;
    const baseUrl = body?.['m.homeserver']?.base_url;
    return typeof baseUrl === 'string' ? baseUrl.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

async function isMatrixServer(baseUrl: string, fetchFn: FetchLike): Promise<boolean> {
  let response: Response;
  try {
    response = await fetchFn(`${baseUrl}/_matrix/client/versions`);
  } catch {
    throw new AuthError('serverUnreachable');
  }
  if (!response.ok) return false;
  const body = (await readJson(response)) as { versions?: unknown } | null;
  return Array.isArray(body?.versions);
}

export async function resolveHomeserver(input: string, fetchFn: FetchLike = fetch): Promise<string> {
  const url = candidateUrl(input);
  const typedBase = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const discovered = url.pathname === '/' ? await wellKnownBaseUrl(url.origin, fetchFn) : null;
  if (discovered) {
    try {
      // A scheme-less base_url would be fetched relative to this app: use the normalised URL.
      const normalised = candidateUrl(discovered);
      const base = `${normalised.origin}${normalised.pathname.replace(/\/+$/, '')}`;
      if (await isMatrixServer(base, fetchFn)) return base;
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
    }
  }
  if (await isMatrixServer(typedBase, fetchFn)) return typedBase;
  throw new AuthError('notMatrixServer');
}
