// The offline copy's controls (on the check pages and the privacy page): say
// whether this device keeps a copy, keep one when the visitor asks, remove it
// on request. Wired on each page change under instant navigation
// (instant_navigation.js).

import { onEveryPage } from "../instant_navigation.js";
import { word } from "../words.js";
import { keepOfflineCopy, offlineCopyState, removeOfflineCopy, updateNow, updateWaiting } from "./copy.js";

// What the status line says when the page opens, in each state of the copy.
const stateWords = {
  unsupported: () => word("offline.unsupported"),
  kept: () => word("offline.kept"),
  none: () => word("offline.none"),
  saving: () => word("offline.saving"),
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

  keep.addEventListener("click", () => act(keep, word("offline.saving"), keepOfflineCopy, word("offline.saved"), word("offline.save_failed")));
  remove.addEventListener("click", () =>
    act(remove, word("offline.removing"), removeOfflineCopy, word("offline.removed"), word("offline.remove_failed")),
  );
  // On success the page reloads from the new version, so "done" is never shown.
  update.addEventListener("click", () => act(update, word("offline.updating"), updateNow, word("offline.updating"), word("offline.update_failed")));

  // The state when the page opens (or comes back into view, after a change in
  // another tab) is shown quietly; the live region is for what a button does.
  const refresh = async () => {
    const state = await current();
    const newer = state === "kept" && (await updateWaiting().catch(() => false));
    if (busy) return;
    status.textContent = newer ? word("offline.update") : stateWords[state]();
    show(state, newer);
    if (state === "saving") setTimeout(refresh, 1000); // a save started on another page
  };
  const onVisible = () => document.visibilityState === "visible" && refresh();
  document.addEventListener("visibilitychange", onVisible);
  refresh().then(() => status.setAttribute("role", "status"));
  return { release: () => document.removeEventListener("visibilitychange", onVisible) };
}

onEveryPage("[data-offline-copy]", wire);
