// Workers started by the theme (its search worker, which receives what a
// visitor types into search) run under this page's Content-Security-Policy.
//
// A <meta> policy does not reach a worker loaded from its own URL: on a host
// that sends no headers, such a worker could fetch any origin, and its requests
// carry a Referer. A worker created from a same-origin blob: URL inherits the
// page's policy (and its no-referrer setting) instead. So the Worker the theme
// calls starts a blob: worker that loads the real script, unchanged, by its
// absolute URL. This is a classic script, loaded before the theme's bundle.
// The scoring engine creates its worker the same way itself (selfcheck/engine.js).
(() => {
  "use strict";
  const NativeWorker = window.Worker;
  if (typeof NativeWorker !== "function" || typeof Blob !== "function") return;

  /** A blob worker's script: the real one, with relative importScripts resolved against its own address. */
  function loader(url, type) {
    const address = JSON.stringify(url.href);
    if (type === "module") return `import ${address};\n`;
    return [
      `const base = ${address};`,
      "const load = self.importScripts.bind(self);",
      "self.importScripts = (...urls) => load(...urls.map((url) => new URL(url, base).href));",
      "load(base);",
      "",
    ].join("\n");
  }

  class ConfinedWorker extends NativeWorker {
    constructor(script, options = {}) {
      const url = new URL(script, document.baseURI);
      if (url.protocol === "blob:" || url.origin !== location.origin) {
        super(script, options); // a blob: worker inherits the policy already; another origin is refused by it
        return;
      }
      const source = URL.createObjectURL(new Blob([loader(url, options.type)], { type: "text/javascript" }));
      try {
        super(source, options);
      } finally {
        setTimeout(() => URL.revokeObjectURL(source), 0);
      }
    }
  }
  window.Worker = ConfinedWorker;
})();
