/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline: the app shell, its chunks and the crypto wasm are cached at install, so Parley opens
// without a network; the timeline already seen comes from the client's own IndexedDB store.
// Only the app's own files are cached: nothing from the homeserver passes through here.
import { build, files, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `parley-${version}`;
const SHELL = '/index.html';
const PRECACHE = [...build, ...files, SHELL];
/** Hashed build output: a name always means the same bytes. */
const IMMUTABLE = new Set(build);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => worker.skipWaiting())
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => worker.clients.claim())
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  event.respondWith(
    (async () => {
      // Matched without opening the cache, which would create it again after a sign-out erased it.
      // Built files never change under their name: the cache answers first. The rest
      // (the page, config.json) is asked of the network first, so updates arrive.
      if (IMMUTABLE.has(url.pathname)) {
        const cached = await caches.match(url.pathname, { cacheName: CACHE });
        if (cached) return cached;
      }
      try {
        return await fetch(request);
      } catch (error) {
        // Offline: pages get the app shell (every route is the same single page), files their cached copy.
        const fallback = await caches.match(request.mode === 'navigate' ? SHELL : url.pathname, { cacheName: CACHE });
        if (fallback) return fallback;
        throw error;
      }
    })()
  );
});
