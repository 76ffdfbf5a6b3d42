// An accessible inline SVG bar chart of the areas on the 0–100 scale: each
// area's name above its bar, so the chart stays narrow and its words stay
// readable on a phone. Colours come from CSS (currentColor and theme
// variables), so it reads in light and dark palettes and in print. The table
// after it carries the same numbers.

import { svg } from "./dom.js";

const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 18;
const ROW = LABEL_HEIGHT + BAR_HEIGHT + 10;
const BAR_WIDTH = 300;
const VALUE_WIDTH = 44;
const AXIS = 22;

let chartCount = 0;

/** @param {object} chart  the report's `chart`: {title, description, rows: [{id, title, pomp, band, score}]} */
export function barChart(chart) {
  const id = `selfcheck-chart-${++chartCount}`;
  const height = ROW * chart.rows.length + AXIS;
  const width = BAR_WIDTH + VALUE_WIDTH;
  const node = svg(
    "svg",
    {
      class: "selfcheck-chart",
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": `${id}-title ${id}-desc`,
      preserveAspectRatio: "xMinYMin meet",
    },
    svg("title", { id: `${id}-title`, text: chart.title }),
    svg("desc", { id: `${id}-desc`, text: chart.description }),
  );
  for (const tick of [0, 50, 100]) {
    const x = (BAR_WIDTH * tick) / 100;
    node.append(
      svg("line", { class: "selfcheck-chart__grid", x1: x, x2: x, y1: LABEL_HEIGHT, y2: height - AXIS + 4 }),
      svg("text", { class: "selfcheck-chart__tick", x, y: height - 4, "text-anchor": tick === 0 ? "start" : tick === 100 ? "end" : "middle", text: String(tick) }),
    );
  }
  chart.rows.forEach((row, index) => {
    const top = index * ROW;
    const barTop = top + LABEL_HEIGHT + 2;
    const scored = typeof row.pomp === "number";
    node.append(
      svg("text", { class: "selfcheck-chart__label", x: 0, y: top + LABEL_HEIGHT - 4, text: row.title }),
      svg("rect", { class: "selfcheck-chart__track", x: 0, y: barTop, width: BAR_WIDTH, height: BAR_HEIGHT, rx: 3 }),
      scored
        ? svg("rect", { class: "selfcheck-chart__bar", "data-band": row.band, x: 0, y: barTop, width: (BAR_WIDTH * row.pomp) / 100, height: BAR_HEIGHT, rx: 3 })
        : null,
      svg("text", { class: "selfcheck-chart__value", x: width, y: barTop + BAR_HEIGHT - 4, "text-anchor": "end", text: row.score }),
    );
  });
  return node;
}
