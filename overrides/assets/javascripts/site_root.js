// The site's root, whatever subpath it is served under: where the one Pyodide
// runtime, its start-up snapshot and the offline copy's service worker live,
// shared by every language. This file is assets/javascripts/site_root.js at
// the root's language; a language under <code>/ gets its own copy, written by
// the build (scripts/sitebuild/languages.py), one folder further up.
export const siteRoot = new URL("../../", import.meta.url);
