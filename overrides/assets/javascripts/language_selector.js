// The header's language selector leads to the page being read, in each
// language. The build writes each page's addresses in the header's topic
// (partials/header.html, from scripts/mkdocs_hooks.py); instant navigation
// swaps that topic but not the selector, so this keeps the selector's links
// in step with the page on screen. Safe to run twice.

function followThePage() {
  const topic = document.querySelector("[data-md-component=header-topic][data-alternates]");
  if (!topic) return;
  const alternates = JSON.parse(topic.dataset.alternates);
  for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
    const address = alternates[link.hreflang];
    if (address) link.href = address;
  }
}

if (window.document$) window.document$.subscribe(followThePage);
else followThePage();
