// Results as a file the visitor keeps: written on request, read back with the
// browser's file picker, never uploaded. The file says what it is (format name
// and version) and holds, per result, the check's id and version, the local
// date and time, and the answers. Reading trusts nothing: size, depth, types
// and the check are all checked before anything is shown, and a bad file
// changes nothing.

import { localNow, validRecord } from "./store.js";

export const FILE_FORMAT = "alliance-check-results";
export const FILE_FORMAT_VERSION = 1;
// A file of 500 results of the longest check is about 250 KB.
export const MAX_FILE_BYTES = 512 * 1024;
export const MAX_FILE_RESULTS = 500;
export const MAX_FILES = 20;

/** The file's text for ``records`` (kept records or one just shown). */
export function fileText(records) {
  const results = records.map(({ check, version, lang, taken, answers }) => ({ check, version, lang, taken, answers }));
  return JSON.stringify({ format: FILE_FORMAT, format_version: FILE_FORMAT_VERSION, results }, null, 1) + "\n";
}

/** Offer ``records`` as a download named after the check and the time. */
export function saveToFile(check, records) {
  const blob = new Blob([fileText(records)], { type: "application/json" });
  const address = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = address;
  link.download = `${check}-results-${localNow().replace(/[-:]/g, "").replace("T", "-")}.json`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(address), 10_000);
}

export class FileProblem extends Error {}

/** The records of ``check`` in one chosen file; throws FileProblem (with a plain message key) otherwise. */
export async function readResultsFile(file, check) {
  if (file.size > MAX_FILE_BYTES) throw new FileProblem("too_large");
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw new FileProblem("not_ours"); // not JSON, or nested beyond what the parser takes
  }
  if (typeof data !== "object" || data === null || data.format !== FILE_FORMAT) throw new FileProblem("not_ours");
  if (data.format_version !== FILE_FORMAT_VERSION) throw new FileProblem("newer_format");
  if (!Array.isArray(data.results) || data.results.length === 0) throw new FileProblem("empty");
  if (data.results.length > MAX_FILE_RESULTS) throw new FileProblem("too_many");
  const records = [];
  for (const [index, result] of data.results.entries()) {
    const record = validRecord({ ...(typeof result === "object" && result !== null ? result : {}), id: `file-${index}` });
    if (!record) throw new FileProblem("damaged");
    if (record.check !== check) throw new FileProblem("other_check");
    records.push(record);
  }
  return records;
}
