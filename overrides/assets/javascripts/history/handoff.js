// Handing a result to another device with no server in between: the answers
// travel in the address's fragment (after #), which browsers never send to the
// server. The receiving page reads it, removes it from the address bar, and
// scores the answers itself. The QR code is drawn here, from the site's own copy
// of qrcode-generator (assets/javascripts/vendor/), on request only.

import { svg } from "../selfcheck/dom.js";

const PREFIX = "#handoff=1";
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_FRAGMENT = 4096;
const qrModule = new URL("../vendor/qrcode-generator.mjs", import.meta.url);

/** The address of this check page with the answers in its fragment. */
export function handoffLink(check, version, answers) {
  const pairs = Object.entries(answers).map(([id, value]) => `${id}:${value}`);
  const fragment = new URLSearchParams({ check, version, answers: pairs.join(",") });
  const page = new URL(window.location.href);
  page.hash = "";
  // ":" and "," are safe in a fragment; unescaped they keep the code small.
  return `${page.href}${PREFIX}&${fragment.toString().replace(/%3A/g, ":").replace(/%2C/g, ",")}`;
}

/** The answers a hand-off link carries for ``check``: {answers, version}, {otherCheck: true}, or null (no hand-off here). */
export function readHandoff(check) {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX) || hash.length > MAX_FRAGMENT) return null;
  const fields = new URLSearchParams(hash.slice(1));
  if (fields.get("check") !== check) return { otherCheck: true };
  const answers = {};
  for (const pair of (fields.get("answers") || "").split(",")) {
    const [id, value] = pair.split(":");
    if (ID.test(id || "") && /^\d{1,3}$/.test(value || "")) answers[id] = Number(value);
  }
  return { answers, version: (fields.get("version") || "").slice(0, 32) };
}

/** Remove the fragment from the address bar (and from this history entry). */
export function forgetFragment() {
  const address = new URL(window.location.href);
  address.hash = "";
  window.history.replaceState(window.history.state, "", address.pathname + address.search);
}

/** A QR code for ``text`` as an SVG element, drawn module by module (no markup is parsed). */
export async function qrCode(text, label) {
  const { default: qrcode } = await import(qrModule.href);
  const code = qrcode(0, "M"); // the smallest version that fits; medium error correction
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  const quiet = 4; // the blank margin readers need
  const size = count + 2 * quiet;
  let path = "";
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (code.isDark(row, column)) path += `M${column + quiet},${row + quiet}h1v1h-1z`;
    }
  }
  return svg(
    "svg",
    { class: "handoff__code", viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": label, "shape-rendering": "crispEdges" },
    svg("rect", { width: size, height: size, fill: "#fff" }),
    svg("path", { d: path, fill: "#000" }),
  );
}
