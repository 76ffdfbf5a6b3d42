// The offline copy, from the page's side: keep it (once a visitor starts a
// self-check), find it, remove it. The service worker itself is written at
// build time (scripts/sitebuild/offline.py) at the site's root.

// The site's root, whatever subpath it is served under (this file is assets/javascripts/offline/copy.js).
const scope = new URL("../../../", import.meta.url);
const script = new URL("service-worker.js", scope);
// The service worker names its caches the same way.
const prefix = `offline-copy:${scope.pathname}:`;
let asked = false;

const supported = () => "serviceWorker" in navigator && "caches" in globalThis;

/** Ask the browser to keep the offline copy. Call only once a visitor has started a self-check. */
export function keepOfflineCopy() {
  if (asked || !supported()) return;
  asked = true;
  // A browser may refuse (private windows, storage settings): the check works the same without it.
  navigator.serviceWorker.register(script.href, { scope: scope.href }).catch(() => {});
}

/** Whether this device keeps an offline copy of this site; null when the browser cannot keep one. */
export async function hasOfflineCopy() {
  if (!supported()) return null;
  const registration = await navigator.serviceWorker.getRegistration(scope.href);
  const names = (await caches.keys()).filter((name) => name.startsWith(prefix));
  return Boolean((registration && registration.scope === scope.href) || names.length);
}

/** Unregister this site's service worker and delete its caches. */
export async function removeOfflineCopy() {
  if (!supported()) return;
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    if (registration.scope === scope.href) await registration.unregister();
  }
  for (const name of await caches.keys()) {
    if (name.startsWith(prefix)) await caches.delete(name);
  }
}
