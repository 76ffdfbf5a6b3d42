// One area's scores over time as an SVG line chart, and every area's scores as
// a table (the chart's equivalent for screen readers and for reading exact
// numbers). Drawn from data with DOM calls only: no text becomes markup.

import { el, svg } from "../selfcheck/dom.js";
import { word } from "../words.js";

const WIDTH = 320;
const HEIGHT = 150;
const LEFT = 34;
const RIGHT = 16; // room for the flagged point's diamond
const TOP = 10;
const BOTTOM = 120; // the y of 0; labels for the first and last date sit below

let chartNumber = 0;

/** A line chart of ``points`` (POMP or null, oldest first) labelled with ``dates`` (short texts). */
export function areaChart(area, dates) {
  const id = `history-chart-${++chartNumber}`;
  const count = area.points.length;
  const x = (index) => (count === 1 ? (LEFT + WIDTH - RIGHT) / 2 : LEFT + ((WIDTH - LEFT - RIGHT) * index) / (count - 1));
  const y = (pomp) => BOTTOM - ((BOTTOM - TOP) * pomp) / 100;
  const chart = svg(
    "svg",
    { class: "history-chart", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc` },
    svg("title", { id: `${id}-title`, text: word("history.chart_title", { area: area.title }) }),
    svg("desc", { id: `${id}-desc`, text: word("history.chart_description", { area: area.title.toLowerCase(), count }) }),
  );
  for (const level of [0, 50, 100]) {
    chart.append(
      svg("line", { class: "history-chart__grid", x1: LEFT, x2: WIDTH - RIGHT, y1: y(level), y2: y(level) }),
      svg("text", { class: "history-chart__axis", x: LEFT - 6, y: y(level) + 4, "text-anchor": "end", text: String(level) }),
    );
  }
  const scored = area.points.map((pomp, index) => ({ pomp, index })).filter(({ pomp }) => pomp !== null);
  if (scored.length > 1) {
    const path = scored.map(({ pomp, index }, n) => `${n ? "L" : "M"}${x(index).toFixed(1)},${y(pomp).toFixed(1)}`).join(" ");
    chart.append(svg("path", { class: "history-chart__line", d: path }));
  }
  for (const { pomp, index } of scored) {
    const latest = index === count - 1;
    const flagged = latest && area.flagged;
    chart.append(
      flagged
        ? // A drop worth talking about: a larger diamond, so the mark is not told by colour alone.
          svg("path", {
            class: "history-chart__point history-chart__point--flagged",
            d: `M${x(index)},${y(pomp) - 8} l8,8 l-8,8 l-8,-8 z`,
            "data-flagged-point": "",
          })
        : svg("circle", { class: "history-chart__point", cx: x(index), cy: y(pomp), r: latest ? 5 : 3.5, "data-point": "" }),
    );
  }
  if (count > 0) {
    const first = svg("text", { class: "history-chart__axis", x: x(0), y: HEIGHT - 8, text: dates[0] });
    first.setAttribute("text-anchor", count === 1 ? "middle" : "start");
    chart.append(first);
    if (count > 1) {
      chart.append(
        svg("text", { class: "history-chart__axis", x: x(count - 1), y: HEIGHT - 8, "text-anchor": "end", text: dates[count - 1] }),
      );
    }
  }
  return chart;
}

/** Every area's score at every kept result: one row per date, one column per area. */
export function historyTable(areas, dates) {
  const head = el("tr", {}, el("th", { scope: "col", text: word("history.table_date") }), ...areas.map((area) => el("th", { scope: "col", text: area.title })));
  const rows = dates.map((date, index) =>
    el(
      "tr",
      { "data-row": index },
      el("th", { scope: "row", text: date }),
      ...areas.map((area) => {
        const shown = area.shown[index];
        return el("td", { "data-area": area.id, text: shown === null ? word("history.not_scored") : String(shown) });
      }),
    ),
  );
  const table = el("table", { class: "history-table" }, el("caption", { text: word("history.table_caption") }), el("thead", {}, head), el("tbody", {}, ...rows));
  // Wide tables scroll on a phone; the scrolling box takes keyboard focus so it can be scrolled without a mouse.
  return el("div", { class: "history-table__scroll", tabindex: "0", role: "region", "aria-label": word("history.table_caption") }, table);
}
