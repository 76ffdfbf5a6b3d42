// Displays a scored result: the package's `report` (alliance_check.report),
// which has already decided what to say and in what order, with every text
// filled. This file holds markup only; it words nothing itself. DOM APIs and
// textContent only.

import { barChart } from "./chart.js";
import { el } from "./dom.js";

/**
 * @param {object} result  the bridge's `result`
 * @param {object} shared {id: the check's id (for element ids), siteUrl(path), answers: [{text, answer}], actions: {summary, everything, change, clear},
 *   practice: {contact, emergency, crisis}: fragments rendered at build time from practice.yml, or null, date: the visitor's local date as text}
 * @returns {HTMLElement} the heading to move focus to
 */
export function renderResult(container, result, shared) {
  const report = result.report;
  const context = { ...shared, title: result.questionnaire.title };
  const heading = el("h2", { tabindex: "-1", class: "selfcheck-result__heading", text: report.heading });
  const dated = el("p", { class: "selfcheck-result__dated", text: fillDate(report.words.summary.dated, context.date) });
  const summary = el("section", { class: "selfcheck-summary", "aria-hidden": "true" });
  const refreshSummary = () => summary.replaceChildren(...summaryParts(report, container, context));
  // replaceChildren would print a null as the word "null": only real parts go in.
  const parts = [
    heading,
    dated,
    safetyNote(report.safety, context),
    overall(report.overall),
    report.talk_about ? talkAbout(report.talk_about, context) : null,
    report.strengths ? strengths(report.strengths, context) : null,
    flagged(report.flagged),
    el("p", { class: "selfcheck-result__leaving", text: report.words.leaving.notice }),
    areas(report),
    bordinView(report.bordin),
    closingNotes(report, context),
    rightsNote(report.rights, context),
    // With the safety note, the crisis lines too (the note itself keeps only the emergency numbers, to stay short).
    report.safety && context.practice?.crisis ? el("section", { class: "selfcheck-result__crisis" }, context.practice.crisis) : null,
    context.practice?.contact ? el("section", { class: "selfcheck-result__contact" }, context.practice.contact) : null,
    answersList(report.words.answers, context),
    actions(report.words.actions, context),
    summary,
  ];
  container.replaceChildren(...parts.filter((part) => part !== null && part !== undefined));
  container.addEventListener("change", (event) => {
    if (event.target.matches("[data-starter]")) refreshSummary();
  });
  refreshSummary();
  container.hidden = false;
  return heading;
}

/** The one template the page fills: the visitor's own date, which only the page knows. */
function fillDate(template, date) {
  return template.replace("{date}", date);
}

function overall(data, kind = "selfcheck-result__overall") {
  if (!data.title) return el("p", { class: kind, text: data.text });
  return el(
    "p",
    { class: kind, "data-overall": kind === "selfcheck-result__overall" ? "" : null },
    el("strong", { text: `${data.label}: ${data.title}` }),
    ` (${data.score_text}). `,
    data.text,
  );
}

/** Sentences a person could say, each with a box to take it into the summary (ticked to begin with). */
function starterList(starters, context, group) {
  const list = el("ul", { class: "selfcheck-result__starters-list" });
  starters.forEach((starter, index) => {
    const box = el("input", { type: "checkbox", "data-starter": "", id: `${context.id}-starter-${group}-${index}`, value: starter });
    box.checked = true;
    list.append(el("li", {}, el("label", { for: box.id }, box, " ", `“${starter}”`)));
  });
  return list;
}

function talkAbout(data, context) {
  const section = el("section", { class: "selfcheck-result__starters" }, el("h3", { text: data.heading }), el("p", { text: data.choose }));
  for (const area of data.areas) {
    section.append(
      el("h4", { text: area.heading }),
      el("p", { text: area.reason }),
      starterList(area.starters, context, area.id),
      pageLink(context, area.link),
    );
  }
  return section;
}

function strengths(data, context) {
  return el(
    "section",
    { class: "selfcheck-result__starters selfcheck-result__strengths" },
    el("h3", { text: data.heading }),
    el("p", { text: data.text }),
    el("h4", { text: data.starters_heading }),
    el("p", { text: data.choose }),
    starterList(data.starters, context, "strengths"),
  );
}

function flagged(data) {
  if (!data) return null;
  const list = el("ul");
  for (const item of data.items) {
    list.append(el("li", { "data-flagged": item.id }, el("span", { text: item.text }), el("br"), el("em", { text: item.answer })));
  }
  return el(
    "section",
    { class: "selfcheck-result__flagged" },
    el("h3", { text: data.heading }),
    el("p", { text: data.intro }),
    list,
    data.more ? el("p", { text: data.more }) : null,
  );
}

function areas(report) {
  const data = report.areas;
  const list = el("ul", { class: "selfcheck-result__areas" });
  for (const area of data.items) {
    const scored = area.score_text ? ` (${area.score_text})${area.band ? `: ${area.band}` : ""}` : "";
    list.append(
      el(
        "li",
        { "data-dimension": area.id },
        el("strong", { text: area.title }),
        scored,
        el("br"),
        el("span", { text: area.meaning }),
        area.detail ? " " : null,
        area.detail ? el("span", { text: area.detail }) : null,
      ),
    );
  }
  const bands = el("dl", { class: "selfcheck-result__bands" });
  for (const band of data.bands) bands.append(el("dt", { text: band.title }), el("dd", { text: band.text }));
  return el(
    "section",
    { class: "selfcheck-result__by-area" },
    el("h3", { text: data.heading }),
    list,
    data.bands.length ? el("h4", { text: data.bands_heading }) : null,
    data.bands.length ? bands : null,
    barChart(report.chart),
    // The chart's numbers again, for anyone who reads tables more easily; closed, so the scores show once.
    el("details", { class: "selfcheck-result__table" }, el("summary", { text: report.chart.as_table }), scoreTable(report.chart, "dimensions")),
  );
}

function scoreTable(data, kind) {
  const body = el("tbody");
  for (const row of data.rows) {
    body.append(
      el(
        "tr",
        { "data-row": row.id },
        el("th", { scope: "row", text: row.title }),
        el("td", { "data-pomp": "", text: row.score }),
        el("td", { text: row.answered }),
      ),
    );
  }
  const head = el("tr");
  for (const column of data.table.columns) head.append(el("th", { scope: "col", text: column }));
  return el("table", { "data-table": kind }, el("caption", { text: data.table.caption }), el("thead", {}, head), body);
}

function bordinView(data) {
  if (!data) return null;
  return el("section", { class: "selfcheck-result__bordin" }, el("h3", { text: data.heading }), el("p", { text: data.intro }), scoreTable(data, "bordin"));
}

function safetyNote(data, context) {
  if (!data) return null;
  const headingId = `${context.id}-safety-heading`; // one per check, so two checks on a page never share it
  return el(
    "aside",
    { class: "selfcheck-result__safety admonition danger", "aria-labelledby": headingId },
    el("p", { class: "admonition-title", id: headingId, text: data.heading }),
    el("p", { text: data.text }),
    context.practice?.emergency ?? null,
    pageLink(context, data.link),
  );
}

function closingNotes(report, context) {
  const section = el("section", { class: "selfcheck-result__notes" });
  for (const note of report.notes) section.append(el("p", {}, note.text, " ", pageLink(context, note.link, "span")));
  section.append(el("p", { text: report.not_diagnosis }));
  return section;
}

function rightsNote(data, context) {
  const links = el("p");
  data.links.forEach((link, index) => links.append(index ? " · " : "", pageLink(context, link, "span")));
  return el("aside", { class: "selfcheck-result__rights" }, el("h3", { text: data.heading }), el("p", { text: data.text }), links);
}

function answersList(words, context) {
  const list = el("ol", { class: "selfcheck-result__answers" });
  for (const { text: question, answer } of context.answers) {
    list.append(el("li", {}, el("span", { text: question }), " ", el("strong", { text: `— ${answer ?? words.skipped}` })));
  }
  // Closed on screen (the result is long enough); printed in full.
  return el("details", { class: "selfcheck-result__answers-section" }, el("summary", {}, el("h3", { text: words.heading })), list);
}

function actions(words, context) {
  const button = (label, action, primary = false) => {
    const node = el("button", { type: "button", class: primary ? "md-button md-button--primary" : "md-button", text: label });
    node.addEventListener("click", action);
    return node;
  };
  return el(
    "div",
    { class: "selfcheck-result__actions" },
    button(words.summary, context.actions.summary, true),
    button(words.everything, context.actions.everything),
    button(words.change, context.actions.change),
    button(words.clear, context.actions.clear),
  );
}

/** The one-page summary (printed instead of the full result when asked for): what to bring to a session. */
function summaryParts(report, container, context) {
  const words = report.words.summary;
  const parts = [
    el("h2", { text: words.heading }),
    el("p", { text: fillDate(words.dated, context.date) }),
    el("p", { class: "selfcheck-summary__title", text: context.title }),
    overall(report.overall, "selfcheck-summary__overall"),
    el("h3", { text: words.areas }),
    compactTable(report.chart),
  ];
  if (report.flagged) {
    const list = el("ul");
    for (const item of report.flagged.items) list.append(el("li", {}, `${item.text} `, el("em", { text: item.answer })));
    parts.push(el("h3", { text: words.flagged }), list);
  }
  const ticked = [...container.querySelectorAll("[data-starter]:checked")].map((box) => box.value);
  const sentences = el("ul");
  for (const sentence of ticked) sentences.append(el("li", { text: `“${sentence}”` }));
  parts.push(el("h3", { text: words.sentences }), ticked.length ? sentences : el("p", { text: words.no_sentences }));
  parts.push(el("p", { class: "selfcheck-summary__private", text: words.private }));
  return parts;
}

function compactTable(chart) {
  const body = el("tbody");
  for (const row of chart.rows) body.append(el("tr", {}, el("th", { scope: "row", text: row.title }), el("td", { text: row.score })));
  const head = el("tr", {}, el("th", { scope: "col", text: chart.table.columns[0] }), el("th", { scope: "col", text: chart.table.columns[1] }));
  return el("table", { class: "selfcheck-summary__table" }, el("thead", {}, head), body);
}

/** A link to a page of this site; paths from data must be plain site-relative paths (an #anchor allowed). */
function pageLink(context, link, wrapper = "p") {
  if (!link || typeof link.page !== "string" || !/^[a-z0-9][a-z0-9\-/]*\/(#[a-z0-9-]+)?$/.test(link.page)) return null;
  const anchor = el("a", { href: context.siteUrl(link.page), text: link.label });
  return wrapper === "span" ? anchor : el(wrapper, {}, anchor);
}
