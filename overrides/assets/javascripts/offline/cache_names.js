// How the offline copy's caches are named, shared by the page's side
// (copy.js) and the service worker (the build writes this file's text into
// it, so it must import nothing). Several sites can share one origin (GitHub
// Pages project sites), so each keeps its copies under its own path.

/** The start of every cache name of the offline copy of the site at ``scope`` (a URL). */
export function offlineCachePrefix(scope) {
  return `offline-copy:${scope.pathname}:`;
}
