// Page side of the self-check: wires every check on the current page. Runs on
// each page change under instant navigation (document$) and is safe to run
// twice on the same page. The engine (one worker per visit) lives in engine.js.

import { onStateChange, request, start } from "./engine.js";
import { answerSheet, collectAnswers, countAnswered, items } from "./form.js";
import { el } from "./dom.js";
import { messages } from "./messages.js";
import { renderResult } from "./result.js";

// The site's root, whatever subpath it is served under (this file is assets/javascripts/selfcheck/page.js).
const siteRoot = new URL("../../../", import.meta.url);
const siteUrl = (path) => new URL(path, siteRoot).href;

function wireCheck(root) {
  if (root.dataset.wired) return;
  root.dataset.wired = "true";
  const form = root.querySelector("[data-selfcheck-form]");
  const progress = root.querySelector("[data-selfcheck-progress]");
  const engineStatus = root.querySelector("[data-selfcheck-engine]");
  const problem = root.querySelector("[data-selfcheck-problem]");
  const resultBox = root.querySelector("[data-selfcheck-result]");
  const submit = root.querySelector("[data-selfcheck-submit]");
  const total = items(form).length;
  let waitingForResult = false;

  const showProgress = () => {
    progress.textContent = messages.progress(countAnswered(form), total);
  };

  // The engine starts on the first sign of interest, so it is usually ready by the last answer.
  const startEngine = () => start();
  form.addEventListener("focusin", startEngine, { once: true });
  form.addEventListener("pointerdown", startEngine, { once: true });
  form.addEventListener("change", () => {
    startEngine();
    showProgress();
  });

  const unsubscribe = onStateChange((state) => {
    if (!root.isConnected) {
      unsubscribe();
      return;
    }
    engineStatus.textContent = waitingForResult && state.name === "starting" ? messages.waitingForEngine : messages.engine[state.name];
    if (state.name === "failed") showFailure(state.error);
  });

  function showFailure(detail) {
    const retry = el("button", { type: "button", class: "md-button", text: messages.failure.retry });
    retry.addEventListener("click", () => {
      problem.hidden = true;
      problem.replaceChildren();
      if (waitingForResult) score();
      else start();
    });
    const paper = root.querySelector("[data-selfcheck-paper]");
    problem.replaceChildren(
      el("p", { text: `${messages.engine.failed} ${messages.failure.kept}` }),
      el("p", { text: messages.failure.reason(detail) }),
      el("p", {}, retry, " ", paper ? el("a", { href: paper.href, text: messages.failure.paper }) : null),
    );
    problem.hidden = false;
  }

  async function score() {
    const answers = collectAnswers(form);
    if (Object.keys(answers).length === 0) {
      problem.replaceChildren(el("p", { text: messages.noAnswers }));
      problem.hidden = false;
      items(form)[0].querySelector("input").focus();
      return;
    }
    problem.hidden = true;
    waitingForResult = true;
    submit.setAttribute("aria-disabled", "true");
    engineStatus.textContent = messages.waitingForEngine;
    let reply;
    try {
      const payload = JSON.stringify({ questionnaire: root.dataset.selfcheck, lang: root.dataset.lang, answers });
      reply = JSON.parse(await request("score", payload));
    } catch (error) {
      return; // the engine failed: showFailure has kept the answers and offers a retry
    } finally {
      submit.removeAttribute("aria-disabled");
    }
    waitingForResult = false;
    engineStatus.textContent = messages.engine.ready;
    if (!reply.ok) {
      problem.replaceChildren(el("p", { text: messages.scoringError(reply.error.message) }));
      problem.hidden = false;
      return;
    }
    showResult(reply.result);
  }

  // The practice's contact and crisis lines, rendered at build time into <template>s.
  const practiceDetail = (name) => {
    const template = root.querySelector(`template[data-selfcheck-${name}]`);
    return template ? template.content.cloneNode(true) : null;
  };

  function showResult(result) {
    const heading = renderResult(resultBox, result, {
      siteUrl,
      answers: answerSheet(form),
      practice: { contact: practiceDetail("contact"), crisis: practiceDetail("crisis") },
      actions: { print: () => window.print(), change: changeAnswers, clear: clearEverything },
    });
    form.hidden = true;
    root.classList.add("selfcheck--has-result");
    heading.focus();
  }

  function changeAnswers() {
    resultBox.hidden = true;
    resultBox.replaceChildren();
    form.hidden = false;
    root.classList.remove("selfcheck--has-result");
    const first = items(form)[0];
    (first.querySelector("input:checked") || first.querySelector("input")).focus();
  }

  function clearEverything() {
    form.reset();
    changeAnswers();
    showProgress();
    problem.replaceChildren(el("p", { text: messages.result.cleared }));
    problem.hidden = false;
  }

  submit.addEventListener("click", score);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    score();
  });
  showProgress();
}

function init() {
  for (const root of document.querySelectorAll("[data-selfcheck]")) wireCheck(root);
}

if (window.document$) window.document$.subscribe(init);
else init();
