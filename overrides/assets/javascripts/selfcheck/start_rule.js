// Which way the engine starts, as data in one place. Both ways download the
// runtime (pyodide.asm.wasm.xz) and its loader. On top of that:
//   - the snapshot start downloads the start-up snapshot (snapshot.json
//     gives its size) and starts in about a third of the time;
//   - the ordinary start downloads Python's standard library
//     (python_stdlib.zip) and our wheel (both sizes also in snapshot.json)
//     and starts slowly.
// Usually time matters most. A visitor who asked to save data, or whose
// connection the browser rates slow, gets whichever start downloads less.

export const START_RULE = Object.freeze({
  // navigator.connection.saveData: the browser's "save data" setting
  // (the one that sends the Save-Data header).
  fewerBytesWhenSavingData: true,
  // navigator.connection.effectiveType values that mean a slow connection
  // (Chromium rates a round trip over about 270 ms, or under about
  // 0.7 Mbit/s, as "3g" or slower).
  slowEffectiveTypes: Object.freeze(["slow-2g", "2g", "3g"]),
  // navigator.connection.downlink (Mbit/s) below this is slow. Chromium rates
  // by round-trip time, so a slow line with short round trips still says
  // "4g"; and it reports about 1.5 before it has measured anything.
  slowDownlinkMbps: 1,
});

/** Whether this connection (navigator.connection, or undefined where the browser has none) should get the smaller download. */
export function wantsFewerBytes(connection, rule = START_RULE) {
  if (!connection) return false;
  if (rule.fewerBytesWhenSavingData && connection.saveData === true) return true;
  if (rule.slowEffectiveTypes.includes(connection.effectiveType)) return true;
  return typeof connection.downlink === "number" && connection.downlink < rule.slowDownlinkMbps;
}

/**
 * "snapshot" or "ordinary": the snapshot start unless this connection wants
 * fewer bytes and the ordinary start downloads fewer.
 * ``sizes``: {snapshot, ordinary}, the bytes each start adds to what both download.
 */
export function chooseStart(connection, sizes, rule = START_RULE) {
  if (!wantsFewerBytes(connection, rule)) return "snapshot";
  return sizes.ordinary < sizes.snapshot ? "ordinary" : "snapshot";
}
