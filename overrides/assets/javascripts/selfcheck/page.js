// Page side of the self-check: wires every check on the current page. Runs on
// each page change under instant navigation (document$) and is safe to run
// twice on the same page.

import { onStateChange, request } from "./engine.js";

const STATUS_TEXT = {
  idle: "",
  starting: "Preparing private scoring on this device…",
  ready: "Private scoring is ready. Nothing you enter leaves this device.",
  failed: "Private scoring could not start in this browser.",
};

function wireEngineDemo(root) {
  if (root.dataset.wired) return;
  root.dataset.wired = "true";
  const button = root.querySelector("[data-engine-start]");
  const status = root.querySelector("[data-engine-status]");
  const output = root.querySelector("[data-engine-output]");
  const unsubscribe = onStateChange((state) => {
    if (!root.isConnected) return unsubscribe();
    status.textContent = STATUS_TEXT[state];
  });
  button.addEventListener("click", async () => {
    try {
      const about = JSON.parse(await request("about"));
      output.textContent = `Scored by ${about.package} ${about.version} on Python ${about.python} (${about.platform}), inside this browser.`;
    } catch (error) {
      output.textContent = `Could not start: ${error.message}`;
    }
  });
}

function init() {
  for (const root of document.querySelectorAll("[data-engine-demo]")) wireEngineDemo(root);
}

if (window.document$) window.document$.subscribe(init);
else init();
