// The "share this page" button (partials/sharing/share-button.html): the
// browser's own share sheet where it has one (Web Share API), else the page's
// address copied to the clipboard with a visible, announced confirmation.
// It shares the page's address only, never answers or results, and loads
// nothing. Its words come from the button's data attributes.

import { onEveryPage } from "../pages.js";

// The page's address without query or fragment: nothing but the page itself.
const pageAddress = () => `${location.origin}${location.pathname}`;

const canShare = () => typeof navigator.share === "function";

function wireShareButton(root) {
  const button = root.querySelector("button");
  const status = root.querySelector("[role=status]");
  button.textContent = canShare() ? button.dataset.labelShare : button.dataset.labelCopy;

  const say = (text) => {
    // Cleared first, so the same words are announced again on a second press.
    status.textContent = "";
    requestAnimationFrame(() => {
      status.textContent = text;
    });
  };

  const copy = async (address) => {
    try {
      await navigator.clipboard.writeText(address);
      say(status.dataset.copied);
    } catch {
      say(`${status.dataset.failed} ${address}`);
    }
  };

  const onClick = async () => {
    const address = pageAddress();
    if (!canShare()) return copy(address);
    try {
      await navigator.share({ url: address });
    } catch (error) {
      // The visitor closed the share sheet: nothing to do. Any other failure: copy instead.
      if (error?.name !== "AbortError") await copy(address);
    }
  };

  button.addEventListener("click", onClick);
  root.hidden = false;
  return {
    release() {
      button.removeEventListener("click", onClick);
    },
  };
}

onEveryPage("[data-share-page]", wireShareButton);
