// Page side of the self-check: wires every check on the current page, again on
// each page change under instant navigation (instant_navigation.js). The
// engine (one worker per visit) lives in engine.js.

import { currentState, onStateChange, problemError, request, start } from "./engine.js";
import { answerSheet, collectAnswers, countAnswered, items } from "./form.js";
import { onEveryPage } from "../instant_navigation.js";
import { el } from "./dom.js";
import { framedByAnotherSite, refuseToRunFramed } from "./framing.js";
import { hasWord, word } from "../words.js";
import { renderResult } from "./result.js";

// What the status line says in each of the engine's states.
const engineWords = {
  idle: () => "",
  starting: () => word("scoring.starting"),
  ready: () => word("scoring.ready"),
  failed: () => word("scoring.failed"),
};

/** What went wrong, in the page's words, from the engine's code (a code this page does not know, as `fallback`). */
function problemWords(problem, fallback) {
  const known = typeof problem?.code === "string" && hasWord(`scoring.problems.${problem.code}`);
  return word(`scoring.problems.${known ? problem.code : fallback}`, { file: problem?.file ?? "" });
}

// The site's root, whatever subpath it is served under (this file is assets/javascripts/selfcheck/page.js).
const siteRoot = new URL("../../../", import.meta.url);
const siteUrl = (path) => new URL(path, siteRoot).href;

function wireCheck(root) {
  if (framedByAnotherSite()) return refuseToRunFramed(root);
  const form = root.querySelector("[data-selfcheck-form]");
  const progress = root.querySelector("[data-selfcheck-progress]");
  const engineStatus = root.querySelector("[data-selfcheck-engine]");
  const problem = root.querySelector("[data-selfcheck-problem]");
  const resultBox = root.querySelector("[data-selfcheck-result]");
  const submit = root.querySelector("[data-selfcheck-submit]");
  const total = items(form).length;
  let waitingForResult = false;
  let used = false; // a failure is shown only in a check the visitor has touched
  let failureShown = false;

  // Both lines are live regions: writing the same words again would announce them again.
  const setText = (node, text) => {
    if (node.textContent !== text) node.textContent = text;
  };
  const showProgress = () => setText(progress, word("scoring.progress", { answered: countAnswered(form), total }));

  // The engine starts on the first sign of interest, so it is usually ready by
  // the last answer. After a failure it starts again only when the visitor asks
  // (Try again, See my result).
  const startEngine = () => {
    used = true;
    if (currentState().name === "idle") start();
  };
  form.addEventListener("focusin", startEngine, { once: true });
  form.addEventListener("pointerdown", startEngine, { once: true });
  form.addEventListener("change", () => {
    startEngine();
    showProgress();
  });

  const followEngine = (state) => {
    if (state.name === "failed") {
      setText(engineStatus, ""); // the alert says it, once
      if (used) {
        const retry = waitingForResult ? score : start;
        showFailure([`${word("scoring.failed")} ${word("scoring.kept")}`, word("scoring.reason", { detail: problemWords(state.error, "start_failed") })], retry);
      }
      return;
    }
    if (state.name !== "idle") clearFailure(); // starting again, or ready: the failure is over
    setText(engineStatus, waitingForResult && state.name === "starting" ? word("scoring.waiting") : engineWords[state.name]());
  };
  const unsubscribe = onStateChange(followEngine);

  function showProblem(...paragraphs) {
    problem.replaceChildren(...paragraphs);
    problem.hidden = false;
    failureShown = false;
  }

  function clearProblem() {
    problem.hidden = true;
    problem.replaceChildren();
    failureShown = false;
  }

  function clearFailure() {
    if (failureShown) clearProblem();
  }

  /** What went wrong, with Try again (running `retry`) and the paper version. */
  function showFailure(lines, retry) {
    const button = el("button", { type: "button", class: "md-button", text: word("scoring.retry") });
    button.addEventListener("click", () => {
      submit.focus(); // before this button is removed, so focus is not lost
      clearProblem();
      retry();
    });
    const paper = root.querySelector("[data-selfcheck-paper]");
    showProblem(
      ...lines.map((line) => el("p", { text: line })),
      el("p", {}, button, " ", paper ? el("a", { href: paper.href, text: word("scoring.paper") }) : null),
    );
    failureShown = true;
  }

  async function score() {
    if (waitingForResult) return; // aria-disabled does not stop a second click
    used = true;
    const answers = collectAnswers(form);
    if (Object.keys(answers).length === 0) {
      showProblem(el("p", { text: word("scoring.no_answers") }));
      items(form)[0].querySelector("input").focus();
      return;
    }
    // The printed list shows the answers that were scored, even if one changes while waiting.
    const sheet = answerSheet(form);
    clearProblem();
    waitingForResult = true;
    submit.setAttribute("aria-disabled", "true");
    if (currentState().name !== "ready") setText(engineStatus, word("scoring.waiting"));
    try {
      const payload = JSON.stringify({ questionnaire: root.dataset.selfcheck, lang: root.dataset.lang, answers });
      const reply = readReply(await request("score", payload));
      if (reply.ok) {
        showResult(reply.result, sheet);
        // For scripts that add to a result (history/panel.js): the scored result and the answers scored.
        root.dispatchEvent(new CustomEvent("selfcheck:result", { detail: { result: reply.result, answers } }));
      } else showScoringError(reply.error);
    } catch (error) {
      // An engine failure is shown by the state listener; anything else here.
      if (currentState().name !== "failed") {
        setText(engineStatus, "");
        const detail = problemWords(error?.problem, "request_failed");
        showFailure([`${word("scoring.request_failed")} ${word("scoring.kept")}`, word("scoring.reason", { detail })], score);
      }
    } finally {
      waitingForResult = false;
      submit.removeAttribute("aria-disabled");
    }
  }

  /** The bridge's error in the page's own words, pointing at the question it names. */
  function showScoringError(error) {
    const known = typeof error.code === "string" && hasWord(`scoring.errors.${error.code}`);
    const codeText = known ? word(`scoring.errors.${error.code}`) : word("scoring.error_other");
    const id = typeof error.field === "string" && error.field.startsWith("answers.") ? error.field.slice(8) : null;
    const item = id === null ? null : form.querySelector(`fieldset[data-item="${CSS.escape(id)}"]`);
    const number = item ? items(form).indexOf(item) + 1 : 0;
    showFailure(
      [`${word("scoring.error_heading")} ${codeText}`, item ? `${word("scoring.error_question", { number })} ${word("scoring.kept")}` : word("scoring.kept")],
      score,
    );
    if (item) (item.querySelector("input:checked") || item.querySelector("input")).focus();
  }

  // The practice's contact and crisis lines, rendered at build time into <template>s.
  const practiceDetail = (name) => {
    const template = root.querySelector(`template[data-selfcheck-${name}]`);
    return template ? template.content.cloneNode(true) : null;
  };

  let clearedText = "";

  function showResult(result, sheet) {
    clearedText = result.report.words.actions.cleared;
    const heading = renderResult(resultBox, result, {
      id: root.dataset.selfcheck,
      siteUrl,
      answers: sheet,
      date: new Date().toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" }),
      practice: { contact: practiceDetail("contact"), emergency: practiceDetail("emergency"), crisis: practiceDetail("crisis") },
      actions: { summary: printSummary, everything: () => window.print(), change: changeAnswers, clear: clearEverything },
    });
    form.hidden = true;
    root.classList.add("selfcheck--has-result");
    heading.focus();
  }

  function hideResult() {
    resultBox.hidden = true;
    resultBox.replaceChildren();
    form.hidden = false;
    root.classList.remove("selfcheck--has-result");
  }

  function changeAnswers() {
    hideResult();
    const first = items(form)[0];
    (first.querySelector("input:checked") || first.querySelector("input")).focus();
  }

  function clearEverything() {
    form.reset();
    changeAnswers();
    showProgress();
    showProblem(el("p", { text: clearedText }));
  }

  /** Prints the one-page summary instead of the whole result (see the print styles). */
  function printSummary() {
    const mode = "selfcheck-print-summary";
    document.documentElement.classList.add(mode);
    window.addEventListener("afterprint", () => document.documentElement.classList.remove(mode), { once: true });
    window.print();
  }

  /** Answers, result and messages gone, without a word: the page looks as it first did. */
  function forget() {
    form.reset();
    hideResult();
    clearProblem();
    showProgress();
  }

  submit.addEventListener("click", score);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    score();
  });
  showProgress();
  // Released when an instant page change takes the check away: it stops following the engine.
  return { release: unsubscribe, forget };
}

const isObject = (value) => typeof value === "object" && value !== null;

/** The engine's reply as {ok: true, result} or {ok: false, error: {code, field}}; throws if it is neither. */
function readReply(text) {
  let reply = null;
  try {
    reply = JSON.parse(text);
  } catch {
    // not JSON: refused below
  }
  if (!isObject(reply)) throw problemError({ code: "unreadable" });
  const dimensions = isObject(reply.result) ? reply.result.dimensions : null;
  const result =
    reply.ok === true &&
    isObject(reply.result.report) &&
    Array.isArray(dimensions) &&
    dimensions.every((dimension) => isObject(dimension) && typeof dimension.id === "string" && typeof dimension.title === "string");
  const error = reply.ok === false && isObject(reply.error) && typeof reply.error.code === "string";
  if (!result && !error) throw problemError({ code: "unreadable" });
  return reply;
}

// Leaving the page and coming back with Back keeps it as it was (the
// back/forward cache): on a shared device the next person could see the
// answers and the result. Forget them when the page is put away and brought back.
const wiredChecks = onEveryPage("[data-selfcheck]", wireCheck);

const forgetOnHistoryCache = (event) => {
  if (!event.persisted) return;
  for (const { forget } of wiredChecks()) forget();
};
window.addEventListener("pagehide", forgetOnHistoryCache);
window.addEventListener("pageshow", forgetOnHistoryCache);
