// Sharing buttons. "Share this page" (partials/sharing/share-button.html):
// the browser's own share sheet where it has one (Web Share API), else the
// page's address copied to the clipboard with a visible, announced
// confirmation. It shares the page's address only, never answers or results,
// and loads nothing. "Copy message" (partials/sharing/messages.html) copies a
// message ready to paste. Their words come from the page's words (words.js).

import { onEveryPage } from "../instant_navigation.js";
import { word } from "../words.js";

// Cleared first, so the same words are announced again on a second press.
function announce(status, text) {
  status.textContent = "";
  requestAnimationFrame(() => {
    status.textContent = text;
  });
}

// The page's address without query or fragment: nothing but the page itself.
const pageAddress = () => `${location.origin}${location.pathname}`;

const canShare = () => typeof navigator.share === "function";

function wireShareButton(root) {
  const button = root.querySelector("button");
  const status = root.querySelector("[role=status]");
  button.textContent = canShare() ? word("share.share") : word("share.copy");

  const say = (text) => announce(status, text);

  const copy = async (address) => {
    try {
      await navigator.clipboard.writeText(address);
      say(word("share.copied"));
    } catch {
      say(`${word("share.failed")} ${address}`);
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

// "Copy message" under each message ready to paste (therapists' page): the
// message's own text, copied to the clipboard, with an announced confirmation.
function wireCopyMessage(root) {
  const button = root.querySelector("button");
  const status = root.querySelector("[role=status]");
  const message = root.closest("figure").querySelector(".client-message__text");
  const onClick = async () => {
    // innerText keeps the message's paragraphs and line breaks as a person sees them.
    const text = message.innerText.trim();
    try {
      await navigator.clipboard.writeText(text);
      announce(status, word("share.message_copied"));
    } catch {
      announce(status, word("share.message_failed"));
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

onEveryPage("[data-copy-message]", wireCopyMessage);
