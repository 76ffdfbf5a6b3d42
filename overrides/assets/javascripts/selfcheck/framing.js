// A check shown inside a frame from another website does not run: that site
// could lay its own content over the questions, or watch what the visitor
// does, and the visitor could not see which site they are really using. The
// check offers a link to open it on its own instead. A <meta> policy cannot
// forbid framing (frame-ancestors works only as an HTTP header, and hosts such
// as GitHub Pages send none), so this is the page's own script.

import { el } from "./dom.js";
import { word } from "../words.js";

/** Whether this page is shown inside a frame whose top page comes from another origin. */
export function framedByAnotherSite() {
  if (window.top === window.self) return false;
  try {
    return window.top.location.origin !== window.location.origin;
  } catch {
    return true; // reading another origin's location throws
  }
}

/** Replace the check's form with a note and a link that opens the check on its own. */
export function refuseToRunFramed(root) {
  const form = root.querySelector("[data-selfcheck-form]");
  form.hidden = true;
  form.inert = true;
  const link = el("a", {
    href: window.location.href.split("#")[0],
    target: "_blank",
    rel: "noopener noreferrer",
    text: word("scoring.framed_link"),
  });
  const note = el("div", { class: "selfcheck__problem", "data-selfcheck-framed": true });
  note.append(el("p", { text: word("scoring.framed_why") }), el("p", {}, link));
  form.before(note);
}
