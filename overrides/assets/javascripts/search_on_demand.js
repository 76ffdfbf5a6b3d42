// The search index (every page's text, about 38 kB compressed, and the
// search worker's work to load it) is downloaded only once the visitor goes to
// the search box, not on every first page view whether or not they search.
//
// The theme asks for search/search_index.json as it starts, with an
// XMLHttpRequest. This classic script, loaded before the theme's bundle,
// holds the sending of that one request until the search box gets focus (a
// click, a tap, or the theme's "/" and "s" keys all focus it) or a finger or
// pointer goes down on it; meanwhile the box says the theme's own
// "Initializing search". Every other request passes untouched.
(() => {
  "use strict";
  const Request = window.XMLHttpRequest;
  if (typeof Request !== "function") return;
  let release;
  const wanted = new Promise((resolve) => {
    release = resolve;
  });
  const held = new WeakSet();
  const isSearchIndex = (address) => {
    try {
      return new URL(String(address), document.baseURI).pathname.endsWith("/search/search_index.json");
    } catch {
      return false; // not an address; the browser's own open() says so
    }
  };

  const open = Request.prototype.open;
  const send = Request.prototype.send;
  Request.prototype.open = function (method, address, ...rest) {
    if (isSearchIndex(address)) held.add(this);
    else held.delete(this);
    return open.call(this, method, address, ...rest);
  };
  Request.prototype.send = function (body) {
    if (!held.has(this)) return send.call(this, body);
    wanted.then(() => send.call(this, body));
  };

  const toSearch = (event) => {
    if (event.target instanceof Element && event.target.closest("form[name='search'], label[for='__search']")) release();
  };
  document.addEventListener("focusin", toSearch);
  document.addEventListener("pointerdown", toSearch);
})();
