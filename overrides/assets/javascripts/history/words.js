// Every word the kept-results scripts show, in one place to read and translate.
// What a history says about each area (higher, lower, a drop worth talking
// about) comes from the package's language files instead.

export const words = {
  noneKept: "No results are kept on this device. Nothing is stored unless you choose to keep a result.",
  keptCount: (count) => (count === 1 ? "1 result is kept on this device." : `${count} results are kept on this device.`),
  whoCanSee:
    "A kept result is stored only in this browser on this device, never sent anywhere. Anyone who uses this device and this browser profile could see it. You can erase it at any time.",
  keepHeading: "Keep this result?",
  keep: "Keep this result on this device",
  keepAlways: "Keep my results on this device from now on",
  kept: "Kept on this device. Your history is below.",
  keptAutomatically: "Kept on this device, as you chose. Your history is below.",
  keepFailed: "This browser would not let the result be kept (its storage may be full or turned off). Nothing was kept.",
  stopKeeping: "Stop keeping new results",
  stoppedKeeping: "New results will not be kept unless you ask. Results already kept stay until you erase them.",
  erase: "Erase all my saved results",
  erased: "Erased. No results are kept on this device.",
  eraseFailed: "The results could not be erased. You can clear this site's data in your browser's settings.",
  listHeading: "Dated list",
  remove: "Delete",
  removeLabel: (when) => `Delete the result from ${when}`,
  removed: (when) => `The result from ${when} is deleted.`,
  rescored: (version) => `Kept with version ${version} of this check, scored with the current one.`,
  changesHeading: "How your results changed",
  show: "Show how my results changed",
  working: "Working out how your results changed, on this device…",
  failed: "The changes could not be worked out in this browser. Your kept results are still listed below.",
  unreadable: "Some kept results could not be read and are left out.",
  areaScore: (value) => `Latest: ${value} out of 100`,
  notScored: "Not scored",
  chartTitle: (area) => `${area}: scores over time, from 0 to 100`,
  chartDescription: (area, count) =>
    `A line through ${count} kept result${count === 1 ? "" : "s"} for ${area.toLowerCase()}, oldest on the left. The same numbers are in the table below.`,
  flagged: "Worth talking about",
  tableCaption: "Scores by date (0 to 100)",
  tableDate: "Date",
  repairLink: "Read about strains and repair",
};
