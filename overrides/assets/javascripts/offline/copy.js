// The offline copy, from the page's side: keep it (only when the visitor asks),
// say whether it is kept, remove it. The service worker itself is written at
// build time (scripts/sitebuild/offline.py) at the site's root.

import { offlineCachePrefix } from "./cache_names.js";
import { siteRoot } from "../site_root.js";

// The site's root, whatever subpath it is served under: one copy keeps every language's pages.
const scope = siteRoot;
const script = new URL("service-worker.js", scope);
// The service worker names its caches the same way (cache_names.js).
const prefix = offlineCachePrefix(scope);
// How long removing waits for a save under way before deleting what it wrote.
const SAVE_WAIT_MS = 60_000;

const supported = () => "serviceWorker" in navigator && "caches" in globalThis;

async function copies() {
  return (await caches.keys()).filter((name) => name.startsWith(prefix));
}

async function registration() {
  const found = await navigator.serviceWorker.getRegistration(scope.href);
  return found && found.scope === scope.href ? found : null;
}

/** Resolves once ``worker`` has installed (saved every file) or given up; true if it installed. */
function installed(worker) {
  return new Promise((resolve) => {
    const settle = () => {
      if (["installed", "activating", "activated"].includes(worker.state)) resolve(true);
      else if (worker.state === "redundant") resolve(false);
    };
    worker.addEventListener("statechange", settle);
    settle();
  });
}

/** Ask ``worker`` to save every file now (for a registration brought back after a removal). */
function askToSave(worker) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => (data.ok ? resolve() : reject(new Error(data.error)));
    worker.postMessage({ type: "save-copy" }, [channel.port2]);
  });
}

/** Keep an offline copy of the site on this device; resolves once every file is saved. */
export async function keepOfflineCopy() {
  if (!supported()) throw new Error("This browser cannot keep an offline copy.");
  const kept = await navigator.serviceWorker.register(script.href, { scope: scope.href });
  const worker = kept.installing || kept.waiting || kept.active;
  if (!worker || !(await installed(worker))) throw new Error("The offline copy could not be saved.");
  // A page the copy served keeps its registration alive after a removal, and
  // registering again brings it back without installing (so without saving).
  if (!(await copies()).length) await askToSave(kept.active || kept.waiting || worker);
  if (!(await copies()).length) throw new Error("The offline copy could not be saved.");
}

/** "unsupported", "none", "saving" or "kept": what this device holds for this site. */
export async function offlineCopyState() {
  if (!supported()) return "unsupported";
  if ((await copies()).length) return "kept";
  const found = await registration();
  return found && found.installing ? "saving" : "none";
}

/** Unregister this site's service worker and delete every copy it saved, a save under way included. */
export async function removeOfflineCopy() {
  if (!supported()) return;
  const found = await registration();
  if (found) {
    const saving = found.installing;
    await found.unregister();
    if (saving) {
      const timeout = new Promise((resolve) => setTimeout(resolve, SAVE_WAIT_MS));
      await Promise.race([installed(saving), timeout]);
    }
  }
  for (const name of await copies()) await caches.delete(name);
  if ((await copies()).length) throw new Error("Part of the offline copy is still on this device.");
}

/** Whether a newer version of the site is saved and waiting to take over the copy. */
export async function updateWaiting() {
  if (!supported()) return false;
  const found = await registration();
  if (found && !found.waiting && !found.installing) found.update().catch(() => {}); // look for a newer deploy
  return Boolean(found && found.waiting && found.active);
}

/** Let the waiting version take over (if this is the site's one open page), then reload this page from it. */
export async function updateNow() {
  const found = await registration();
  if (!found || !found.waiting) throw new Error("No newer version is waiting.");
  const changed = new Promise((resolve) => {
    navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true });
  });
  await new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => (data.ok ? resolve() : reject(new Error(data.error)));
    found.waiting.postMessage({ type: "take-over" }, [channel.port2]);
  });
  await changed;
  window.location.reload();
}
