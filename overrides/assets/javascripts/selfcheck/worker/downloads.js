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
    reportDownloadFailure(new Error(`Could not download ${name} (${describe(error)}).`));
    throw error;
  }
  if (!response.ok) reportDownloadFailure(new Error(`Could not download ${name} (HTTP ${response.status}).`));
  return response;
}

/** The response, or an error naming the file if the server did not answer 200-299. */
export async function ok(responsePromise) {
  const response = await responsePromise;
  if (!response.ok) throw new Error(`${response.url.split("/").pop()} answered HTTP ${response.status}`);
  return response;
}

/** An error's message, or the thrown value as text. */
export function describe(error) {
  return String(error && error.message ? error.message : error);
}
