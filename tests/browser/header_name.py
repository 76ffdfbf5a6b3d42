"""The practice's name in a phone's header, as the visitor sees it: every word whole, nothing cut."""

from playwright.sync_api import Page

#: Phone widths the name must show in full at; below 360 px the header may keep its buttons only.
PHONE_WIDTHS = [360, 390, 412]

# The name's box, its line boxes, each word's line boxes, and whether anything overflows or overlaps.
_MEASURE = """() => {
  const box = document.querySelector('.md-header__topic .md-ellipsis');
  const shown = box.querySelector('.practice-name--short') || box;
  const text = shown.firstChild;
  const words = [];
  let start = 0;
  for (const word of text.data.split(' ')) {
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + word.length);
    words.push(range.getClientRects().length);
    start += word.length + 1;
  }
  const name = shown.getBoundingClientRect();
  const help = document.querySelector('.crisis-link').getBoundingClientRect();
  return {
    text: shown.innerText.replace(/\\s+/g, ' '),
    visible: getComputedStyle(shown).visibility === 'visible' && name.width > 0,
    lines: shown.getClientRects().length,
    pieces_per_word: words,
    clipped: box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight,
    clear_of_help: name.right <= help.left,
    inside_header: name.top >= 0 && name.bottom <= document.querySelector('.md-header').getBoundingClientRect().bottom,
  };
}"""


def shown_name(page: Page) -> dict:
    """How the header shows the name: its text, lines, each word's pieces, and whether it is cut or crowded."""
    return page.evaluate(_MEASURE)


def assert_shown_in_full(page: Page, name: str) -> None:
    seen = shown_name(page)
    assert seen["text"] == name and seen["visible"], seen
    assert seen["lines"] <= 2, f"{name!r} takes {seen['lines']} lines: {seen}"
    assert all(pieces == 1 for pieces in seen["pieces_per_word"]), f"a word of {name!r} is split: {seen}"
    assert not seen["clipped"], f"{name!r} is cut: {seen}"
    assert seen["clear_of_help"] and seen["inside_header"], seen
