// The privacy page's control for the offline copy: says whether this device
// keeps one and removes it on request. Runs on each page change under instant
// navigation (document$) and is safe to run twice on the same page.

import { hasOfflineCopy, removeOfflineCopy } from "./copy.js";

const words = {
  unsupported: "This browser does not keep an offline copy of this site.",
  kept: "This device keeps an offline copy of this site.",
  none: "This device has no offline copy of this site.",
  removing: "Removing the offline copy…",
  removed: "Done. The offline copy is removed from this device.",
  failed: "The offline copy could not be removed. You can clear this site's data in your browser's settings.",
};

function wire(root) {
  if (root.dataset.wired) return;
  root.dataset.wired = "true";
  const button = root.querySelector("[data-offline-remove]");
  const status = root.querySelector("[data-offline-status]");
  const show = async () => {
    const kept = await hasOfflineCopy().catch(() => null);
    status.textContent = kept === null ? words.unsupported : kept ? words.kept : words.none;
    button.hidden = kept === null;
  };
  button.addEventListener("click", async () => {
    if (button.getAttribute("aria-disabled") === "true") return;
    button.setAttribute("aria-disabled", "true");
    status.textContent = words.removing;
    try {
      await removeOfflineCopy();
      status.textContent = words.removed;
    } catch {
      status.textContent = words.failed;
    } finally {
      button.removeAttribute("aria-disabled");
    }
  });
  show();
}

function init() {
  for (const root of document.querySelectorAll("[data-offline-copy]")) wire(root);
}

if (window.document$) window.document$.subscribe(init);
else init();
