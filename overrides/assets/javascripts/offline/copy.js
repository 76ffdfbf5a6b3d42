// The offline copy, from the page's side: keep it (only when the visitor asks),
// find it, remove it. The service worker itself is written at build time
// (scripts/sitebuild/offline.py) at the site's root.

// The site's root, whatever subpath it is served under (this file is assets/javascripts/offline/copy.js).
const scope = new URL("../../../", import.meta.url);
const script = new URL("service-worker.js", scope);
// The service worker names its caches the same way.
const prefix = `offline-copy:${scope.pathname}:`;

/** Whether this browser can keep an offline copy at all. */
export const supported = () => "serviceWorker" in navigator && "caches" in globalThis;

/** Resolves once ``worker`` has saved every file; rejects if it gave up. */
function saved(worker) {
  return new Promise((resolve, reject) => {
    const settle = () => {
      if (["installed", "activating", "activated"].includes(worker.state)) resolve();
      else if (worker.state === "redundant") reject(new Error("The offline copy could not be saved."));
    };
    worker.addEventListener("statechange", settle);
    settle();
  });
}

/** Keep an offline copy of the site on this device; resolves once every file is saved. */
export async function keepOfflineCopy() {
  if (!supported()) throw new Error("This browser cannot keep an offline copy.");
  const registration = await navigator.serviceWorker.register(script.href, { scope: scope.href });
  const worker = registration.installing || registration.waiting || registration.active;
  if (!worker) throw new Error("The offline copy could not be saved.");
  await saved(worker);
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
