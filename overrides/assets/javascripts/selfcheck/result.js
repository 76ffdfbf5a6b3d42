// Renders a scored result (the package's JSON) into words first, then a chart
// with its table, then what to talk about. DOM APIs and textContent only.

import { barChart } from "./chart.js";
import { el, whole } from "./dom.js";
import { messages } from "./messages.js";

const text = messages.result;

/**
 * @param {object} result  the bridge's `result`
 * @param {object} context {id: the check's id (for element ids), siteUrl(path), answers: [{text, answer}], actions: {print, change, clear},
 *   practice: {contact, crisis}: fragments rendered at build time from practice.yml, or null}
 * @returns {HTMLElement} the heading to move focus to
 */
export function renderResult(container, result, context) {
  const heading = el("h2", { tabindex: "-1", class: "selfcheck-result__heading", text: text.heading });
  container.replaceChildren(
    heading,
    overallSummary(result),
    safetyNote(result, context),
    areas(result),
    bordinView(result),
    flaggedAnswers(result),
    conversationStarters(result, context),
    closingNotes(result, context),
    context.practice?.contact ? el("section", { class: "selfcheck-result__contact" }, context.practice.contact) : null,
    answersList(context),
    actions(context),
  );
  container.hidden = false;
  return heading;
}

function bandSentence(band) {
  return band ? `${band.title}. ${band.text}` : "";
}

function overallSummary(result) {
  const overall = result.overall || {};
  if (overall.pomp === null || overall.pomp === undefined) {
    return el("p", { class: "selfcheck-result__overall", text: result.not_scored?.overall || text.overallNotScored });
  }
  return el(
    "p",
    { class: "selfcheck-result__overall", "data-overall": "" },
    el("strong", { text: `${text.overall}: ${overall.band ? overall.band.title : ""}` }),
    ` (${text.outOf100(whole(overall.pomp))}). `,
    overall.band ? overall.band.text : "",
  );
}

function isScored(dimension) {
  return dimension.pomp !== null && dimension.pomp !== undefined;
}

function notScoredText(result, dimension) {
  const explained = (result.not_scored?.dimensions || []).find((entry) => entry.id === dimension.id);
  return explained ? explained.text : text.notScored(dimension.answered, dimension.total, dimension.needed);
}

function areas(result) {
  const list = el("ul", { class: "selfcheck-result__areas" });
  for (const dimension of result.dimensions) {
    const detail = isScored(dimension)
      ? `${bandSentence(dimension.band)} ${text.answered(dimension.answered, dimension.total)}.`
      : notScoredText(result, dimension);
    list.append(
      el(
        "li",
        { "data-dimension": dimension.id },
        el("strong", { text: dimension.title }),
        isScored(dimension) ? ` (${text.outOf100(whole(dimension.pomp))})` : "",
        el("br"),
        el("span", { text: dimension.meaning || "" }),
        " ",
        el("span", { text: detail }),
      ),
    );
  }
  return el("section", {}, el("h3", { text: text.byArea }), list, barChart(result.dimensions), scoreTable(result.dimensions, "dimensions"));
}

function scoreTable(rows, kind, caption = text.tableCaption) {
  const body = el("tbody");
  for (const row of rows) {
    body.append(
      el(
        "tr",
        { "data-row": row.id },
        el("th", { scope: "row", text: row.title }),
        el("td", { "data-pomp": "", text: isScored(row) ? String(whole(row.pomp)) : text.notScoredCell }),
        el("td", { text: `${row.answered} / ${row.total}` }),
      ),
    );
  }
  return el(
    "table",
    { "data-table": kind }, // no class: the theme styles plain tables
    el("caption", { text: caption }),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col", text: text.tableArea }),
        el("th", { scope: "col", text: text.tableScore }),
        el("th", { scope: "col", text: text.tableAnswered }),
      ),
    ),
    body,
  );
}

function bordinView(result) {
  if (!result.bordin || result.bordin.length === 0) return null;
  return el(
    "section",
    { class: "selfcheck-result__bordin" },
    el("h3", { text: text.bordinHeading }),
    el("p", { text: text.bordinIntro }),
    scoreTable(result.bordin, "bordin", text.bordinHeading),
  );
}

function flaggedAnswers(result) {
  const items = result.flagged_items || [];
  const section = el("section", { class: "selfcheck-result__flagged" }, el("h3", { text: text.flaggedHeading }));
  if (items.length === 0) {
    section.append(el("p", { text: text.noFlagged }));
    return section;
  }
  const list = el("ul");
  for (const item of items) {
    list.append(el("li", { "data-flagged": item.id }, el("span", { text: item.text }), el("br"), el("em", { text: text.youAnswered(item.answer_label) })));
  }
  section.append(el("p", { text: text.flaggedIntro }), list);
  return section;
}

/** Conversation starters for the (up to) two lowest-scoring areas. */
function conversationStarters(result, context) {
  const lowest = result.dimensions
    .filter(isScored)
    .sort((a, b) => a.pomp - b.pomp)
    .slice(0, 2);
  if (lowest.length === 0) return null;
  const section = el("section", { class: "selfcheck-result__starters" });
  for (const dimension of lowest) {
    const starters = el("ul");
    for (const starter of dimension.conversation_starters || []) starters.append(el("li", { text: `“${starter}”` }));
    section.append(
      el("h3", { text: text.startersHeading(dimension.title) }),
      dimension.lower_can_reflect ? el("p", { text: dimension.lower_can_reflect }) : null,
      starters,
      pageLink(context, dimension.page, text.readMore(dimension.title)),
    );
  }
  return section;
}

function safetyNote(result, context) {
  const note = result.safety_note;
  if (!note) return null;
  const headingId = `${context.id}-safety-heading`; // one per check, so two checks on a page never share it
  return el(
    "aside",
    { class: "selfcheck-result__safety admonition warning", "aria-labelledby": headingId },
    el("p", { class: "admonition-title", id: headingId, text: text.safetyHeading }),
    el("p", { text: note.text }),
    context.practice?.crisis ?? null,
    pageLink(context, note.page, text.safetyLink),
  );
}

function closingNotes(result, context) {
  const note = (data, label) => (data ? el("p", {}, data.text, " ", pageLink(context, data.page, label, "span")) : null);
  return el(
    "section",
    { class: "selfcheck-result__notes" },
    note(result.talking_note, text.talkLink),
    note(result.repair_note, text.repairLink),
    el("p", { text: text.notDiagnosis }),
  );
}

function answersList(context) {
  const list = el("ol", { class: "selfcheck-result__answers" });
  for (const { text: question, answer } of context.answers) {
    list.append(el("li", {}, el("span", { text: question }), " ", el("strong", { text: `— ${answer ?? text.skipped}` })));
  }
  return el("section", { class: "selfcheck-result__answers-section" }, el("h3", { text: text.answersHeading }), list);
}

function actions(context) {
  const button = (label, action, primary = false) => {
    const node = el("button", { type: "button", class: primary ? "md-button md-button--primary" : "md-button", text: label });
    node.addEventListener("click", action);
    return node;
  };
  return el(
    "div",
    { class: "selfcheck-result__actions" },
    button(text.print, context.actions.print, true),
    button(text.change, context.actions.change),
    button(text.clear, context.actions.clear),
  );
}

/** A link to a page of this site; paths from data must be plain site-relative paths. */
function pageLink(context, path, label, wrapper = "p") {
  if (typeof path !== "string" || !/^[a-z0-9][a-z0-9\-/]*\/$/.test(path)) return null;
  const link = el("a", { href: context.siteUrl(path), text: label });
  return wrapper === "span" ? link : el(wrapper, {}, link);
}
