// Parts of a page wired by a script, under Material's instant navigation: the
// theme swaps the page's content without loading a new document, and a script
// runs only once, so it wires each new page's parts through document$ and lets
// go of the parts of pages the visitor has left (else they stay alive through
// the listeners that still hold them).

/**
 * Call ``wire(root)`` once for every element matching ``selector``, on this page
 * and on each page instant navigation brings. ``wire`` may return a handle with
 * a ``release()`` method, called once its root has left the page.
 * Returns a function giving the handles of the parts wired now.
 */
export function onEveryPage(selector, wire) {
  const wired = new Map(); // root -> handle (or null)
  const update = () => {
    for (const [root, handle] of wired) {
      if (root.isConnected) continue;
      handle?.release?.();
      wired.delete(root);
    }
    for (const root of document.querySelectorAll(selector)) {
      if (wired.has(root)) continue;
      root.dataset.wired = "true";
      wired.set(root, wire(root) ?? null);
    }
  };
  if (window.document$) window.document$.subscribe(update);
  else update();
  return () => [...wired.values()].filter(Boolean);
}
