import base64
import hashlib

from sitebuild import csp


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


PAGE = (
    '<meta http-equiv="Content-Security-Policy" content="script-src \'self\' __INLINE_SCRIPT_HASHES__">'
    "<script>var a=1</script>"
    '<script src="x.js"></script>'
    '<script id="__config" type="application/json">{"base": ".."}</script>'
    '<script type="module">import "./m.js"</script>'
    "<script>var a=1</script>"
)


def test_hashes_only_executable_inline_scripts_once_each() -> None:
    assert csp.inline_script_hashes(PAGE) == [sha("var a=1"), sha('import "./m.js"')]


def test_fill_policy_replaces_the_placeholder() -> None:
    filled = csp.fill_policy(PAGE)
    assert csp.HASHES_PLACEHOLDER not in filled
    module_hash = sha('import "./m.js"')
    assert f"script-src 'self' {sha('var a=1')} {module_hash}" in filled


def test_pages_without_the_placeholder_are_unchanged() -> None:
    assert csp.fill_policy("<p>hi</p>") == "<p>hi</p>"
