// The app's Content-Security-Policy. The built page carries STATIC_POLICY (scripts only from the
// app, plus WebAssembly for the crypto; no inline script, no third-party anything). Before a
// homeserver is chosen, connections may go to any HTTPS server (finding the homeserver from a
// domain needs that); once the session starts, a second policy narrows them to the app, the
// homeserver and the translation services the deployment lists. Policies only ever narrow, so
// after signing out the page reloads to start from the static one.

export const STATIC_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // SvelteKit's route announcer and Svelte's style directives set style attributes; no inline style sheets.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  // Any HTTPS homeserver, and one on this machine for development and the demo.
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:* http://[::1]:*",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ');

/**
 * An origin a policy can name. URLs allow `;` and `,` in a host name (`https://a.example%3B` has
 * the origin `https://a.example;`), which would end the directive; `javascript:` has the origin `null`.
 */
const SOURCE = /^https?:\/\/(?:[\w.-]+|\[[0-9A-Fa-f:.]+\])(?::\d+)?$/;

/** The run-time connect-src: the app, the homeserver and the listed services, as origins. */
export function connectPolicy(homeserver: string, services: readonly string[]): string {
  const origins = [homeserver, ...services]
    .filter((url) => URL.canParse(url))
    .map((url) => new URL(url).origin)
    .filter((origin) => SOURCE.test(origin));
  return `connect-src 'self' ${[...new Set(origins)].join(' ')}`;
}

let restricted = false;

/** Adds the narrower policy to the page (once): from then on only these origins can be reached. */
export function restrictConnections(document: Document, policy: string): void {
  if (restricted) return;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.append(meta);
  restricted = true;
}

export function connectionsRestricted(): boolean {
  return restricted;
}
