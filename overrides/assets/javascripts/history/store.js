// The visitor's kept results, in this browser's localStorage for this site,
// only once they ask. One key holds everything, so erasing is one removal and
// leaves no trace. A record holds the check's id and version, the local date
// and time, and the answers: nothing that identifies anyone.

const KEY = "alliance-check:kept-results";
const FORMAT = 1;
const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const TAKEN_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;
const listeners = new Set();

const empty = () => ({ format: FORMAT, keepAlways: false, results: [] });

function storage() {
  try {
    return window.localStorage; // throws where storage is turned off
  } catch {
    return null;
  }
}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** A stored record as it should be, or null: what another script or a broken write left is ignored. */
export function validRecord(record) {
  if (!isObject(record)) return null;
  const { id, check, version, lang, taken, answers } = record;
  if (typeof id !== "string" || id.length > 64) return null;
  if (typeof check !== "string" || !ID_PATTERN.test(check) || check.length > 64) return null;
  if (typeof version !== "string" || version.length === 0 || version.length > 32) return null;
  if (typeof lang !== "string" || lang.length > 16) return null;
  if (typeof taken !== "string" || !TAKEN_PATTERN.test(taken)) return null;
  if (!isObject(answers)) return null;
  const entries = Object.entries(answers);
  if (entries.length > 200 || !entries.every(([key, value]) => ID_PATTERN.test(key) && Number.isInteger(value))) return null;
  return { id, check, version, lang, taken, answers: Object.fromEntries(entries) };
}

/** Everything kept: {keepAlways, results}. Unreadable data reads as nothing kept. */
export function readKept() {
  const text = storage()?.getItem(KEY);
  if (!text) return empty();
  try {
    const data = JSON.parse(text);
    if (!isObject(data) || data.format !== FORMAT || !Array.isArray(data.results)) return empty();
    return { format: FORMAT, keepAlways: data.keepAlways === true, results: data.results.map(validRecord).filter(Boolean) };
  } catch {
    return empty();
  }
}

function write(data) {
  const store = storage();
  if (!store) throw new Error("no storage");
  if (!data.keepAlways && data.results.length === 0) store.removeItem(KEY);
  else store.setItem(KEY, JSON.stringify(data));
  for (const listener of listeners) listener();
}

/** The results kept for one check, oldest first by their local date and time. */
export function keptFor(check) {
  return readKept()
    .results.filter((record) => record.check === check)
    .sort((a, b) => (a.taken < b.taken ? -1 : a.taken > b.taken ? 1 : 0));
}

/** The visitor's local date and time now, as the package reads it: 2026-03-01T18:30. */
export function localNow(now = new Date()) {
  const two = (number) => String(number).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}T${two(now.getHours())}:${two(now.getMinutes())}`;
}

function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Keep one result; returns its record. Throws when the browser refuses. */
export function keep({ check, version, lang, answers }, { keepAlways } = {}) {
  const data = readKept();
  const record = validRecord({ id: newId(), check, version, lang, taken: localNow(), answers });
  if (!record) throw new Error("not a result this page can keep");
  data.results.push(record);
  if (keepAlways !== undefined) data.keepAlways = keepAlways;
  write(data);
  return record;
}

/** Keep records read from files, except those already kept (same check, time and answers); returns how many were added. */
export function keepRecords(records) {
  const data = readKept();
  const known = new Set(data.results.map(sameness));
  let added = 0;
  for (const record of records) {
    if (known.has(sameness(record))) continue;
    known.add(sameness(record));
    data.results.push({ ...record, id: newId() });
    added += 1;
  }
  if (added) write(data);
  return added;
}

/** What makes two records the same result, whatever their ids. */
export function sameness({ check, version, taken, answers }) {
  return JSON.stringify([check, version, taken, Object.entries(answers).sort()]);
}

export function setKeepAlways(keepAlways) {
  const data = readKept();
  data.keepAlways = keepAlways;
  write(data);
}

export function remove(id) {
  const data = readKept();
  data.results = data.results.filter((record) => record.id !== id);
  write(data);
}

/** Erase every kept result and the standing choice: the key is removed, nothing is left. */
export function eraseAll() {
  const store = storage();
  if (store) store.removeItem(KEY);
  for (const listener of listeners) listener();
}

/** Follow changes made on this page (another tab's changes arrive through the storage event). */
export function onChange(listener) {
  listeners.add(listener);
  const fromOtherTab = (event) => (event.key === KEY || event.key === null) && listener();
  window.addEventListener("storage", fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", fromOtherTab);
  };
}
