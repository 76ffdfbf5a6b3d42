// Every word the page scripts show, in the page's language. The build writes
// them from overrides/words/<lang>.toml into a data block on every page
// (<script type="application/json" id="site-words">, outside the content that
// instant navigation replaces), so no script holds a word of its own.
//
//   word("offline.saving")                 -> "Saving a copy of this site on this device…"
//   word("history.removed", { when })      -> fills {when}
//   word("history.kept_count", { count })  -> the `one` form for exactly 1, else `other`

let table = null;

function words() {
  table ??= JSON.parse(document.getElementById("site-words")?.textContent || "{}");
  return table;
}

function entry(key) {
  return key.split(".").reduce((section, name) => (section && Object.hasOwn(section, name) ? section[name] : undefined), words());
}

/** Whether the page has a word for `key` (for words chosen by a code that may be new). */
export function hasWord(key) {
  const found = entry(key);
  return typeof found === "string" || (typeof found === "object" && found !== null && "other" in found);
}

/** The word for `key` ("section.name"), its {placeholders} filled from `values`. */
export function word(key, values = {}) {
  let text = entry(key);
  if (text && typeof text === "object") text = values.count === 1 ? text.one : text.other;
  if (typeof text !== "string") {
    // A missing word is a build mistake: say so where developers look, and show nothing odd to the visitor.
    console.error(`No word "${key}" in this page's words (overrides/words/).`);
    return "";
  }
  return text.replace(/\{([a-z_]+)\}/g, (placeholder, name) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder));
}
