import { initI18n } from '$lib/i18n';
import { savedLocale } from '$lib/i18n/choice';

// A single-page app: keys and content exist only in the browser.
export const ssr = false;
export const prerender = false;

export async function load() {
  await initI18n([savedLocale(localStorage), ...navigator.languages]);
  return {};
}
