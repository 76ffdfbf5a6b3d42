// An accessible inline SVG bar chart of the areas on the 0–100 scale. Colours
// come from CSS (currentColor and theme variables), so it reads in light and
// dark palettes and in print. The table beside it carries the same numbers.

import { svg, whole } from "./dom.js";
import { messages } from "./messages.js";

const ROW = 36;
const LABEL_WIDTH = 180;
const BAR_WIDTH = 300;
const VALUE_WIDTH = 100;

let chartCount = 0;

export function barChart(dimensions) {
  const id = `selfcheck-chart-${++chartCount}`;
  const height = ROW * dimensions.length + 24;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const chart = svg(
    "svg",
    {
      class: "selfcheck-chart",
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": `${id}-title ${id}-desc`,
      preserveAspectRatio: "xMinYMin meet",
    },
    svg("title", { id: `${id}-title`, text: messages.result.chartTitle }),
    svg("desc", { id: `${id}-desc`, text: messages.result.chartDescription }),
  );
  for (const tick of [0, 50, 100]) {
    const x = LABEL_WIDTH + (BAR_WIDTH * tick) / 100;
    chart.append(
      svg("line", { class: "selfcheck-chart__grid", x1: x, x2: x, y1: 0, y2: height - 20 }),
      svg("text", { class: "selfcheck-chart__tick", x, y: height - 6, "text-anchor": "middle", text: String(tick) }),
    );
  }
  dimensions.forEach((dimension, index) => {
    const y = index * ROW + 6;
    const scored = dimension.pomp !== null && dimension.pomp !== undefined;
    chart.append(
      svg("text", { class: "selfcheck-chart__label", x: LABEL_WIDTH - 8, y: y + 17, "text-anchor": "end", text: dimension.title }),
      svg("rect", { class: "selfcheck-chart__track", x: LABEL_WIDTH, y, width: BAR_WIDTH, height: 22, rx: 3 }),
      scored
        ? svg("rect", {
            class: "selfcheck-chart__bar",
            "data-band": dimension.band?.id,
            x: LABEL_WIDTH,
            y,
            width: (BAR_WIDTH * dimension.pomp) / 100,
            height: 22,
            rx: 3,
          })
        : null,
      svg("text", {
        class: "selfcheck-chart__value",
        x: LABEL_WIDTH + BAR_WIDTH + 8,
        y: y + 17,
        text: scored ? String(whole(dimension.pomp)) : messages.result.notScoredCell,
      }),
    );
  });
  return chart;
}
