// The offline copy's controls (on the check pages and the privacy page): say
// whether this device keeps a copy, keep one when the visitor asks, remove it
// on request. Wired on each page change under instant navigation
// (instant_navigation.js).

import { onEveryPage } from "../instant_navigation.js";
import { keepOfflineCopy, offlineCopyState, removeOfflineCopy, updateNow, updateWaiting } from "./copy.js";

const words = {
  unsupported: "This browser cannot keep an offline copy of this site.",
  kept: "This device keeps an offline copy of this site.",
  none: "This device has no offline copy of this site.",
  saving: "Saving a copy of this site on this device…",
  saved: "Done. This device now keeps an offline copy of this site.",
  saveFailed: "The copy could not be saved. The self-checks still work while you are online.",
  removing: "Removing the offline copy…",
  removed: "Done. The offline copy is removed from this device.",
  removeFailed: "The offline copy could not be removed. You can clear this site's data in your browser's settings.",
  update: "A newer version of this site is ready. You are seeing the version this device keeps until you update.",
  updating: "Updating the offline copy…",
  updateFailed:
    "The update did not finish. If this site is open in other tabs or windows, close them and try again.",
};

function wire(root) {
  const keep = root.querySelector("[data-offline-keep]");
  const remove = root.querySelector("[data-offline-remove]");
  const update = root.querySelector("[data-offline-update]");
  const status = root.querySelector("[data-offline-status]");
  let busy = false;

  // Only the button that fits the device's state is shown: Remove also while a save is under way.
  const show = (state, newer = false) => {
    keep.hidden = state !== "none";
    remove.hidden = state !== "kept" && state !== "saving";
    update.hidden = !(state === "kept" && newer);
  };
  const current = () => offlineCopyState().catch(() => "unsupported");

  const act = async (button, during, action, done, failed) => {
    if (busy) return;
    busy = true;
    button.setAttribute("aria-disabled", "true");
    status.textContent = during;
    try {
      await action();
      status.textContent = done;
    } catch {
      status.textContent = failed;
    } finally {
      button.removeAttribute("aria-disabled");
      busy = false;
    }
    const hadFocus = document.activeElement === button;
    show(await current());
    // Only if the visitor is still on the button they used, and it has gone.
    const visible = [keep, remove].find((control) => !control.hidden);
    if (hadFocus && button.hidden && visible) visible.focus();
  };

  keep.addEventListener("click", () => act(keep, words.saving, keepOfflineCopy, words.saved, words.saveFailed));
  remove.addEventListener("click", () =>
    act(remove, words.removing, removeOfflineCopy, words.removed, words.removeFailed),
  );
  // On success the page reloads from the new version, so "done" is never shown.
  update.addEventListener("click", () => act(update, words.updating, updateNow, words.updating, words.updateFailed));

  // The state when the page opens (or comes back into view, after a change in
  // another tab) is shown quietly; the live region is for what a button does.
  const refresh = async () => {
    const state = await current();
    const newer = state === "kept" && (await updateWaiting().catch(() => false));
    if (busy) return;
    status.textContent = newer ? words.update : words[state];
    show(state, newer);
    if (state === "saving") setTimeout(refresh, 1000); // a save started on another page
  };
  const onVisible = () => document.visibilityState === "visible" && refresh();
  document.addEventListener("visibilitychange", onVisible);
  refresh().then(() => status.setAttribute("role", "status"));
  return { release: () => document.removeEventListener("visibilitychange", onVisible) };
}

onEveryPage("[data-offline-copy]", wire);
