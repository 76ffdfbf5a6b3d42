// Kept results on a check page: the offer to keep a result once it is shown,
// the history of kept results (a dated list, a chart per area with a table,
// and what changed in words), and "Erase all my saved results", which is also
// on the privacy page. Wired on each page change under instant navigation.
//
// The package decides what changed (the engine's "history" request); this
// script only stores, asks and displays.

import { currentState, request } from "../selfcheck/engine.js";
import { el } from "../selfcheck/dom.js";
import { onEveryPage } from "../instant_navigation.js";
import { areaChart, historyTable } from "./chart.js";
import { forgetFragment, handoffLink, qrCode, readHandoff } from "./handoff.js";
import { FileProblem, MAX_FILES, readResultsFile, saveToFile } from "./file.js";
import { eraseAll, keep, keepRecords, keptFor, localNow, onChange, readKept, remove, sameness, setKeepAlways } from "./store.js";
import { hasWord, word } from "../words.js";

const siteRoot = new URL("../../../", import.meta.url);
const RESULT_EVENT = "selfcheck:result";
const TREND_RESULTS = 5; // how many results the trend in a result shows

/** A kept record's local date and time as a Date (it has no time zone: it is the visitor's own). */
function dateOf(taken) {
  const [date, time] = taken.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const [hours, minutes, seconds = 0] = time.split(":").map(Number);
  return new Date(year, month - 1, day, hours, minutes, seconds);
}

const longDate = (lang, taken) =>
  new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(dateOf(taken));
const shortDate = (lang, taken) => new Intl.DateTimeFormat(lang, { day: "numeric", month: "short" }).format(dateOf(taken));

/** Whether the scoring engine is running, so asking it costs no download the visitor did not start. */
const engineRunning = () => ["starting", "ready"].includes(currentState().name);

function wirePanel(root) {
  const check = root.dataset.history;
  const lang = root.dataset.lang || document.documentElement.lang || "en";
  const body = root.querySelector("[data-history-body]");
  const status = root.querySelector("[data-history-status]");
  const eraseButton = root.querySelector("[data-history-erase]");
  const checkRoot = document.querySelector(`[data-selfcheck="${CSS.escape(check)}"]`);
  let asked = 0; // the latest history request; older replies are dropped
  let receiving = false; // the next result comes from a hand-off link

  const say = (text) => {
    status.textContent = text;
  };

  function render() {
    const records = keptFor(check);
    if (records.length === 0) {
      body.replaceChildren(el("p", { text: word("history.none_kept") }), el("p", { text: word("history.who_can_see") }), filesSection(records));
      return;
    }
    const changes = el("div", { class: "history__changes", "data-history-changes": "" });
    body.replaceChildren(
      el("p", { "data-history-count": "", text: word("history.kept_count", { count: records.length }) }),
      el("h3", { text: word("history.changes_heading") }),
      changes,
      el("h3", { id: `${root.id}-list`, tabindex: "-1", text: word("history.list_heading") }),
      dated(records),
      filesSection(records),
    );
    if (engineRunning()) showChanges(changes, records);
    else {
      const button = el("button", { type: "button", class: "md-button", text: word("history.show") });
      button.addEventListener("click", () => {
        showChanges(changes, records);
        changes.focus();
      });
      changes.setAttribute("tabindex", "-1");
      changes.replaceChildren(el("p", {}, button));
    }
  }

  function filesSection(records) {
    const section = el("div", { class: "history__files", "data-history-files": "" });
    // The browser's own "Choose files" button speaks the browser's language, not the page's: it is hidden
    // (still focusable), and its label, in the page's words, is the button a visitor sees and presses.
    const picker = el("input", { type: "file", id: `${root.id}-files`, multiple: true, accept: ".json,application/json" });
    picker.addEventListener("change", () => {
      const chosen = [...picker.files];
      picker.value = ""; // the same file can be chosen again
      compareWithFiles(chosen, compared);
    });
    const compared = el("div", { "data-history-compared": "", tabindex: "-1" });
    section.append(el("h3", { text: word("history.files_heading") }), el("p", { text: word("history.files_intro") }));
    if (records.length) {
      const save = el("button", { type: "button", class: "md-button", text: word("history.save_kept") });
      save.addEventListener("click", () => {
        saveToFile(check, keptFor(check));
        say(word("history.saved"));
      });
      section.append(el("p", {}, save));
    }
    section.append(el("p", { class: "history__picker" }, el("label", { for: picker.id, class: "md-button", text: word("history.compare") }), picker), compared);
    return section;
  }

  async function compareWithFiles(files, box) {
    if (files.length === 0) return;
    if (files.length > MAX_FILES) {
      box.replaceChildren(el("p", { role: "alert", text: word("history.too_many_files", { most: MAX_FILES }) }));
      return;
    }
    const fromFiles = [];
    const problems = [];
    for (const file of files) {
      const name = file.name.length > 80 ? `${file.name.slice(0, 80)}…` : file.name;
      try {
        fromFiles.push(...(await readResultsFile(file, check)));
      } catch (error) {
        const key = error instanceof FileProblem ? error.message : "not_ours";
        const problem = hasWord(`history.file_problems.${key}`) ? word(`history.file_problems.${key}`) : word("history.file_problems.not_ours");
        problems.push(word("history.file_problem", { name, problem }));
      }
    }
    const parts = [];
    if (problems.length) {
      parts.push(el("div", { role: "alert" }, el("p", { text: word("history.problems_intro") }), el("ul", {}, ...problems.map((text) => el("li", { text })))));
    }
    if (fromFiles.length) {
      const kept = keptFor(check);
      const seen = new Set(kept.map(sameness));
      const added = fromFiles.filter((record) => !seen.has(sameness(record)) && seen.add(sameness(record)));
      const together = [...kept, ...added].sort((a, b) => (a.taken < b.taken ? -1 : a.taken > b.taken ? 1 : 0));
      const changes = el("div", { class: "history__changes", "data-history-changes": "" });
      const keepThem = el("button", { type: "button", class: "md-button", text: word("history.keep_from_files") });
      keepThem.addEventListener("click", () => {
        let added;
        try {
          added = keepRecords(fromFiles);
        } catch {
          say(word("history.keep_failed"));
          return;
        }
        say(added ? word("history.kept_from_files", { count: added }) : word("history.nothing_new"));
      });
      parts.push(
        el("h4", { text: word("history.compare_heading") }),
        el("p", { text: word("history.files_not_kept") }),
        changes,
        readOnlyList(together),
        el("p", {}, keepThem),
      );
      box.replaceChildren(...parts);
      showChanges(changes, together, { own: true });
    } else {
      box.replaceChildren(...parts);
    }
    box.focus();
  }

  function readOnlyList(records) {
    const list = el("ol", { class: "history__list", reversed: true, "data-history-compared-list": "" });
    for (const record of [...records].reverse()) {
      list.append(el("li", {}, el("time", { datetime: record.taken, text: longDate(lang, record.taken) })));
    }
    return list;
  }

  function dated(records) {
    const list = el("ol", { class: "history__list", reversed: true });
    for (const record of [...records].reverse()) {
      const when = longDate(lang, record.taken);
      const button = el("button", { type: "button", class: "history__delete", "aria-label": word("history.remove_label", { when: when }), text: word("history.remove") });
      button.addEventListener("click", () => {
        remove(record.id);
        say(word("history.removed", { when: when }));
        const next = root.querySelector(".history__delete");
        (next || root.querySelector(`#${CSS.escape(root.id)}-list`) || eraseButton).focus();
      });
      list.append(el("li", { "data-kept": record.id }, el("time", { datetime: record.taken, text: when }), " ", button));
    }
    return list;
  }

  async function showChanges(box, records, { own = false } = {}) {
    // The kept history and a comparison with files are worked out independently.
    const mine = own ? null : ++asked;
    box.replaceChildren(el("p", { text: word("history.working") }));
    let usable = records;
    let leftOut = false;
    try {
      for (;;) {
        const results = usable.map(({ taken, version, answers }) => ({ taken, version, answers }));
        const reply = JSON.parse(await request("history", JSON.stringify({ questionnaire: check, lang, results })));
        if (mine !== null && mine !== asked) return;
        if (reply.ok) {
          box.replaceChildren(...changesView(reply.result, usable, leftOut));
          return;
        }
        // A kept result this version of the check cannot read: leave it out and say so.
        const index = /^results\[(\d+)\]/.exec(reply.error?.field || "");
        if (!index) throw new Error(reply.error?.code);
        usable = usable.filter((_, n) => n !== Number(index[1]));
        leftOut = true;
      }
    } catch {
      if (mine === null || mine === asked) box.replaceChildren(el("p", { text: word("history.failed") }));
    }
  }

  function changesView(history, records, leftOut) {
    const dates = history.results.map((entry) => shortDate(lang, entry.taken));
    const parts = leftOut ? [el("p", { text: word("history.unreadable") })] : [];
    for (const entry of history.results) {
      if (entry.rescored) {
        parts.push(el("p", { class: "history__note", text: `${longDate(lang, entry.taken)}: ${word("history.rescored", { version: entry.version })}` }));
        break;
      }
    }
    for (const area of history.areas) {
      const texts = el("ul", { class: "history__texts" });
      area.texts.forEach((text, n) => {
        const isFlag = area.flagged && n === area.texts.length - 1;
        texts.append(el("li", { class: isFlag ? "history__flag" : null, "data-history-flag": isFlag ? "" : null, text }));
      });
      parts.push(
        el(
          "section",
          { class: "history__area", "data-area": area.id, "aria-label": area.title },
          el("h4", {}, area.title, area.flagged ? " " : null, area.flagged ? el("span", { class: "history__badge", text: word("history.flagged") }) : null),
          el("p", { "data-latest": "", text: area.latest_shown === null ? word("history.not_scored") : word("history.area_score", { value: area.latest_shown }) }),
          texts,
          areaChart(area, dates),
        ),
      );
    }
    parts.push(historyTable(history.areas, history.results.map((entry) => longDate(lang, entry.taken))));
    if (history.flagged.length) {
      parts.push(el("p", {}, el("a", { href: new URL(history.repair_note.page, siteRoot).href, text: word("history.repair_link") })));
    }
    return parts;
  }

  // The offer to keep a result, added under it once it is shown.
  function offerToKeep(event) {
    const { result, answers } = event.detail || {};
    const resultBox = checkRoot?.querySelector("[data-selfcheck-result]");
    if (!resultBox || !result?.questionnaire) return;
    const record = { check, version: result.questionnaire.version, lang, answers };
    const shownAt = localNow();
    const box = el("section", { class: "history-keep", "data-history-keep": "", "aria-label": word("history.keep_heading") });
    const toFile = el("button", { type: "button", class: "md-button", text: word("history.save_this") });
    const fileStatus = el("p", { role: "status" });
    toFile.addEventListener("click", () => {
      saveToFile(check, [{ ...record, taken: shownAt }]);
      fileStatus.textContent = word("history.saved");
    });
    resultBox.append(box, el("div", { class: "history-keep history-keep--file", "data-history-file": "" }, el("p", {}, toFile), fileStatus));
    resultBox.append(handoffOffer(record));
    const received = receiving;
    receiving = false;
    if (received) resultBox.prepend(el("p", { class: "history__received", "data-history-received": "", text: word("history.received") }));
    const earlier = received ? [] : keptFor(check);
    if (readKept().keepAlways && !received) {
      try {
        keep(record);
        keptAutomatically(box);
      } catch {
        box.replaceChildren(el("p", { text: word("history.keep_failed") }));
      }
      if (earlier.length) trendInResult(resultBox, [...earlier, { ...record, taken: shownAt }]);
      return;
    }
    if (earlier.length) trendInResult(resultBox, [...earlier, { ...record, taken: shownAt }]);
    const always = el("input", { type: "checkbox", id: `${root.id}-always` });
    const button = el("button", { type: "button", class: "md-button", text: word("history.keep") });
    button.addEventListener("click", () => {
      let message;
      try {
        keep(record, { keepAlways: always.checked });
        message = el("p", { tabindex: "-1", role: "status", text: word("history.kept") });
      } catch {
        message = el("p", { tabindex: "-1", role: "status", text: word("history.keep_failed") });
      }
      box.replaceChildren(message);
      message.focus();
    });
    box.append(
      el("h3", { text: word("history.keep_heading") }),
      el("p", { text: word("history.who_can_see") }),
      el("p", {}, button),
      el("p", { class: "history-keep__always" }, always, " ", el("label", { for: always.id, text: word("history.keep_always") })),
    );
  }

  /**
   * The trend in the result itself, so it is printed with it: the last few
   * results (this one included, kept or not) as small charts, and the change
   * since last time in words, before the offer to keep the result; the change in
   * words also goes into the one-page summary (.selfcheck-summary).
   */
  async function trendInResult(resultBox, records) {
    const block = el("section", { class: "history-trend", "data-history-trend": "", "aria-label": word("history.trend_heading") });
    const offer = resultBox.querySelector("[data-history-keep]");
    if (offer) offer.before(block); // on screen, the trend comes before what can be done with the result
    else resultBox.append(block);
    try {
      const results = records.map(({ taken, version, answers }) => ({ taken, version, answers }));
      const reply = JSON.parse(await request("history", JSON.stringify({ questionnaire: check, lang, results })));
      if (!reply.ok) throw new Error(reply.error?.code);
      const history = reply.result;
      const shown = Math.min(TREND_RESULTS, history.results.length);
      const recent = history.results.slice(-shown);
      const dates = recent.map((entry) => shortDate(lang, entry.taken));
      const charts = el("div", { class: "history-trend__charts" });
      const rows = [];
      for (const area of history.areas) {
        const trimmed = { ...area, points: area.points.slice(-shown) };
        charts.append(el("figure", { class: "history-trend__chart" }, el("figcaption", { text: area.title }), areaChart(trimmed, dates)));
        const change = area.since_last ? area.texts.join(" ") : area.texts[0] || word("history.trend_first");
        rows.push(el("tr", { "data-area": area.id }, el("th", { scope: "row", text: area.title }), el("td", { text: change })));
      }
      const table = el(
        "table",
        { class: "history-trend__table" },
        el("thead", {}, el("tr", {}, el("th", { scope: "col", text: word("history.trend_area") }), el("th", { scope: "col", text: word("history.trend_change") }))),
        el("tbody", {}, ...rows),
      );
      block.replaceChildren(el("h3", { text: word("history.trend_heading") }), el("p", { text: word("history.trend_intro", { count: shown - 1 }) }), charts, table);
      // The one-page summary for a session (printed on its own) carries the change in words too.
      const summary = resultBox.querySelector(".selfcheck-summary");
      if (summary) {
        summary.append(el("section", { class: "history-trend", "aria-label": word("history.trend_heading") }, el("h3", { text: word("history.trend_heading") }), table.cloneNode(true)));
      }
    } catch {
      block.remove(); // the result stands without it; the history below says what failed
    }
  }

  function handoffOffer(record) {
    const box = el("section", { class: "history-keep handoff", "data-handoff": "", "aria-label": word("history.handoff") });
    const start = el("button", { type: "button", class: "md-button", "aria-expanded": "false", text: word("history.handoff") });
    start.addEventListener("click", () => {
      start.setAttribute("aria-expanded", "true");
      const show = el("button", { type: "button", class: "md-button", text: word("history.handoff_show") });
      const warning = el("div", { "data-handoff-warning": "" }, el("p", { text: word("history.handoff_warning") }), el("p", {}, show));
      show.addEventListener("click", () => showHandoff(warning, record));
      start.parentElement.replaceWith(warning);
      show.focus();
    });
    box.append(el("p", {}, start));
    return box;
  }

  async function showHandoff(box, record) {
    const link = handoffLink(check, record.version, record.answers);
    const field = el("input", { type: "text", readonly: true, id: `${root.id}-handoff-link`, value: link, class: "handoff__link" });
    const copy = el("button", { type: "button", class: "md-button", text: word("history.handoff_copy") });
    const copied = el("p", { role: "status" });
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(link);
        copied.textContent = word("history.handoff_copied");
      } catch {
        field.select();
        copied.textContent = word("history.handoff_copy_failed");
      }
    });
    const code = el("div", { class: "handoff__figure", "data-handoff-code": "" });
    box.replaceChildren(
      el("p", { text: word("history.handoff_warning") }),
      code,
      el("p", {}, el("label", { for: field.id, text: word("history.handoff_link_label") }), el("br"), field),
      el("p", {}, copy),
      copied,
    );
    copy.focus();
    try {
      code.append(await qrCode(link, word("history.handoff_code_label")));
    } catch {
      code.append(el("p", { text: word("history.handoff_failed") }));
    }
  }

  /** Open a result handed over in the address's fragment: fill the form, forget the fragment, score. */
  function receiveHandoff() {
    const handoff = readHandoff(check);
    if (!handoff || !checkRoot) return;
    forgetFragment();
    if (handoff.otherCheck) {
      say(word("history.received_other_check"));
      return;
    }
    const form = checkRoot.querySelector("[data-selfcheck-form]");
    for (const [id, value] of Object.entries(handoff.answers)) {
      const input = form.querySelector(`input[name="${CSS.escape(`${check}.${id}`)}"][value="${CSS.escape(String(value))}"]`);
      if (input) input.checked = true;
    }
    form.dispatchEvent(new Event("change", { bubbles: true }));
    receiving = true;
    // The check's own script scores it, once it has wired the check (scripts may start in either order).
    const submitWhenWired = () => {
      if (checkRoot.dataset.wired === "true") checkRoot.querySelector("[data-selfcheck-submit]").click();
      else setTimeout(submitWhenWired, 50);
    };
    submitWhenWired();
  }

  function keptAutomatically(box) {
    const stop = el("button", { type: "button", class: "md-button", text: word("history.stop_keeping") });
    stop.addEventListener("click", () => {
      setKeepAlways(false);
      const message = el("p", { tabindex: "-1", role: "status", text: word("history.stopped_keeping") });
      box.replaceChildren(message);
      message.focus();
    });
    box.replaceChildren(el("p", { role: "status", text: word("history.kept_automatically") }), el("p", {}, stop));
  }

  eraseButton.textContent = word("history.erase");
  eraseButton.hidden = false;
  eraseButton.addEventListener("click", () => {
    try {
      eraseAll();
      say(word("history.erased"));
    } catch {
      say(word("history.erase_failed"));
    }
  });
  checkRoot?.addEventListener(RESULT_EVENT, offerToKeep);
  const stopFollowing = onChange(render);
  render();
  receiveHandoff();
  return {
    release: () => {
      stopFollowing();
      checkRoot?.removeEventListener(RESULT_EVENT, offerToKeep);
    },
  };
}

/** The privacy page's control: erase everything, wherever it was kept. */
function wireErase(root) {
  const button = root.querySelector("[data-history-erase]");
  const status = root.querySelector("[data-history-status]");
  const refresh = () => {
    const count = readKept().results.length;
    status.textContent = count ? word("history.kept_count", { count }) : word("history.none_kept");
  };
  button.textContent = word("history.erase");
  button.hidden = false;
  button.addEventListener("click", () => {
    try {
      eraseAll();
      status.textContent = word("history.erased");
    } catch {
      status.textContent = word("history.erase_failed");
    }
  });
  refresh();
  return { release: onChange(refresh) };
}

onEveryPage("[data-history]", wirePanel);
onEveryPage("[data-history-erase-only]", wireErase);
