// Watching the worker's downloads. Pyodide's loader never settles when a
// runtime download fails (it logs a warning and waits); watching lets the
// visitor hear at once that something went wrong, and which file.

let reportDownloadFailure;
/** Rejects with the first download that fails; never resolves. */
export const downloadFailure = new Promise((_, reject) => {
  reportDownloadFailure = reject;
});
export { reportDownloadFailure };

/** The browser's own fetch, kept before Pyodide's is patched (patched_fetch.js). */
export const fetchFromNetwork = globalThis.fetch.bind(globalThis);

/** ``response``, reporting at once to the visitor if the download fails. */
export async function watched(url, response) {
  const name = url.split("/").pop();
  try {
    response = await response;
  } catch (error) {
    reportDownloadFailure(problem("download_failed", name, describe(error)));
    throw error;
  }
  if (!response.ok) reportDownloadFailure(problem("download_failed", name, `HTTP ${response.status}`));
  return response;
}

/** The response, or an error naming the file if the server did not answer 200-299. */
export async function ok(responsePromise) {
  const response = await responsePromise;
  if (!response.ok) throw problem("download_failed", response.url.split("/").pop(), `HTTP ${response.status}`);
  return response;
}

/**
 * An error the page words by its ``code`` (scoring.problems.<code> in overrides/words/),
 * naming the ``file`` at fault if any; ``cause`` is for developers' consoles only.
 */
export function problem(code, file = null, cause = "") {
  return Object.assign(new Error(`${code}${file ? ` ${file}` : ""}${cause ? `: ${cause}` : ""}`), { code, file });
}

/** What the page is told of an error: its code (``fallback`` if it has none) and its file. */
export function problemOf(error, fallback) {
  return { code: typeof error?.code === "string" ? error.code : fallback, file: error?.file ?? null, cause: describe(error) };
}

/** An error's message, or the thrown value as text. */
export function describe(error) {
  return String(error && error.message ? error.message : error);
}
