// The offline copy of this site (scripts/sitebuild/offline.py writes the file
// list below at build time, and the modules it shares with the pages' scripts
// in place of the shared-modules marker). Registered only when a visitor asks
// for the copy. It keeps this site's own files, exactly as listed, and never
// anything a visitor types: it answers GET requests for listed files only.
"use strict";

/*__SHARED_MODULES__*/

const MANIFEST = /*__OFFLINE_MANIFEST__*/ null;
const SCOPE = new URL(self.registration.scope);
const PREFIX = offlineCachePrefix(SCOPE);
const CACHE = PREFIX + MANIFEST.version;
const FILES = new Map(MANIFEST.files.map((file) => [new URL(file.url, SCOPE).href, file]));

self.addEventListener("install", (event) => {
  event.waitUntil(saveCopy());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(removeOtherVersions());
});

// A page asks for a save when a removed copy's registration is brought back
// (no install runs then); the reply says whether every file was saved. A
// visitor's "Update now" asks a waiting version to take over at once; it does
// only when that page is the site's one open page (which then reloads), so no
// page keeps running the old version's scripts with the new version's files.
self.addEventListener("message", (event) => {
  const [port] = event.ports;
  if (event.data && event.data.type === "take-over" && port) {
    event.waitUntil(takeOver(event.source).then((reply) => port.postMessage(reply)));
    return;
  }
  if (!event.data || event.data.type !== "save-copy" || !port) return;
  event.waitUntil(
    saveCopy().then(
      () => port.postMessage({ ok: true }),
      (error) => port.postMessage({ ok: false, error: String(error && error.message ? error.message : error) }),
    ),
  );
});

// Pages this version does not list (new in a later deploy) come from the
// network, and so does every file they ask for: such a page never runs this
// version's scripts. Kept by client id while this worker runs.
const pagesFromTheNetwork = new Set();
// The scoring engine's worker is a client of its own, not its page's. Before it
// loads anything it asks for an address with its page's engine stamp
// (engine.js); a stamp that is not this version's (its page came from the
// network) puts that worker with the network's clients too, so a page and the
// engine it starts are always of one deploy. The answer is empty, from here.
const ENGINE_STAMP_PARAMETER = "offline-copy-engine";

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return;
  if (url.searchParams.has(ENGINE_STAMP_PARAMETER)) {
    if (url.searchParams.get(ENGINE_STAMP_PARAMETER) !== MANIFEST.engine) pagesFromTheNetwork.add(event.clientId);
    event.respondWith(new Response(null, { status: 204 }));
    return;
  }
  if (request.mode !== "navigate" && pagesFromTheNetwork.has(event.clientId)) return;
  if (request.mode === "navigate") url.search = "";
  url.hash = "";
  const file = FILES.get(url.href);
  if (file) event.respondWith(answer(event, url.href, file));
  else if (request.mode === "navigate" && event.resultingClientId) pagesFromTheNetwork.add(event.resultingClientId);
});

async function takeOver(asking) {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const ours = pages.filter((page) => page.url.startsWith(SCOPE.href));
  if (ours.some((page) => page.id !== asking.id)) return { ok: false, error: "other pages of this site are open" };
  await self.skipWaiting();
  return { ok: true };
}

async function saveCopy() {
  const cache = await caches.open(CACHE);
  const wanted = MANIFEST.files.filter((file) => !file.on_demand);
  try {
    await Promise.all(
      wanted.map(async (file) => {
        const url = new URL(file.url, SCOPE).href;
        const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
        await cache.put(url, await checked(file, response));
      }),
    );
  } catch (error) {
    // Half a copy is no copy: this version is not installed, and the one in
    // use (if any) stays until a later try finds every file as listed.
    await caches.delete(CACHE);
    throw error;
  }
}

async function removeOtherVersions() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
}

async function answer(event, url, file) {
  const saved = await caches.match(url, { cacheName: CACHE });
  if (saved) return saved;
  const response = await fetch(event.request);
  if (file.on_demand && response.ok) {
    const copy = response.clone();
    event.waitUntil(
      (async () => {
        if (!(await caches.has(CACHE))) return; // the visitor removed the copy
        await (await caches.open(CACHE)).put(url, await checked(file, copy));
      })().catch(() => {}),
    );
  }
  return response;
}

/** ``response`` to keep, if its bytes are exactly the listed file's; else an error (a newer deploy). */
async function checked(file, response) {
  if (!response.ok) throw new Error(`${file.url}: HTTP ${response.status}`);
  // The response itself is kept when it can be (the browser can then keep
  // compiled WebAssembly beside it); a redirected one is copied, since
  // browsers refuse redirected responses for page loads.
  const kept = response.redirected ? null : response.clone();
  const body = await response.arrayBuffer();
  if ((await hexSha256(body)) !== file.sha256) throw new Error(`${file.url} is not the file this version lists`);
  if (kept) return kept;
  const type = response.headers.get("Content-Type") || "application/octet-stream";
  return new Response(body, { status: 200, headers: { "Content-Type": type } });
}
