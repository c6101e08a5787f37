import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: keys never leave the browser, so nothing renders on a server.
    adapter: adapter({ fallback: 'index.html', strict: true }),
    alias: { $locales: 'locales' }
  }
};

export default config;
