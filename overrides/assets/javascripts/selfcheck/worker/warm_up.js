// Restored code has not run yet in this browser, so the WebAssembly engine has
// not optimised it: practice scores while the visitor reads and answers
// (about 10-50 ms each here) make the first real one quick.

import { describe } from "./downloads.js";

// Scores every questionnaire once, with made-up answers, and discards the replies.
const WARM_UP = `
import json
from alliance_check import list_languages, list_questionnaires, load_questionnaire
from alliance_check.bridge import score_json
for qid in list_questionnaires():
    for lang in list_languages(qid):
        items = load_questionnaire(qid, lang).items
        answers = {i.id: i.scale.min + n % (i.scale.max - i.scale.min + 1) for n, i in enumerate(items)}
        score_json(json.dumps({"questionnaire": qid, "lang": lang, "answers": answers}))
`;

/** Score every questionnaire ``times`` times, one pass per task, starting after this one. */
export function warmUp(pyodide, times) {
  setTimeout(() => warmUpPass(pyodide, times), 0);
}

function warmUpPass(pyodide, times) {
  try {
    pyodide.runPython(WARM_UP);
  } catch (error) {
    console.warn(`Warming up the engine failed: ${describe(error)}`);
    return;
  }
  // One pass per task, with room between, so a real request waits for one pass at most.
  if (times > 1) setTimeout(() => warmUpPass(pyodide, times - 1), 50);
}
