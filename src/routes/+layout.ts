import { initI18n } from '$lib/i18n';

// A single-page app: keys and content exist only in the browser.
export const ssr = false;
export const prerender = false;

export async function load() {
  await initI18n(navigator.languages);
  return {};
}
