"""The kept-results markers: the panel and the erase control, with their script once; bad ids stop the build."""

from pathlib import Path

import pytest

from sitebuild import BuildError, kept_results


def url(path: str) -> str:
    return "../../" + path


def test_a_check_marker_becomes_the_panel_with_its_script_once() -> None:
    html = kept_results.expand_markers(
        "<p>a</p><!-- kept-results: check-in --><!-- kept-results: erase -->", url, "en", "x.md"
    )
    assert '<section class="history" id="kept-check-in" data-history="check-in" data-lang="en"' in html
    assert "data-history-erase-only" in html
    assert html.count('<script type="module" src="../../assets/javascripts/history/panel.js"></script>') == 1
    assert "<noscript>" in html and "kept-results" not in html


def test_a_page_without_a_marker_is_left_alone() -> None:
    assert kept_results.expand_markers("<p>plain</p>", url, "en", "x.md") == "<p>plain</p>"


def test_an_unknown_check_names_the_page_and_the_choices() -> None:
    with pytest.raises(BuildError, match=r"docs/x\.md: <!-- kept-results: mood -->: there is no self-check 'mood'"):
        kept_results.expand_markers("<!-- kept-results: mood -->", url, "en", "docs/x.md")


def test_the_qr_code_generator_is_copied_from_the_pinned_package(tmp_path: Path) -> None:
    copied = kept_results.vendor_qr_code(tmp_path)
    assert copied == tmp_path / "assets/javascripts/vendor/qrcode-generator.mjs"
    assert "export default qrcode" in copied.read_text(encoding="utf-8")
    with pytest.raises(BuildError, match="npm ci"):
        kept_results.vendor_qr_code(tmp_path, tmp_path / "missing")


def test_every_check_page_has_its_panel_and_the_privacy_page_the_erase_control(built_site: Path) -> None:
    for check in ("alliance", "check-in", "first-sessions"):
        page = (built_site / "self-check" / check / "index.html").read_text(encoding="utf-8")
        assert f'data-history="{check}"' in page
    assert "data-history-erase-only" in (built_site / "privacy" / "index.html").read_text(encoding="utf-8")
    assert (built_site / kept_results.QR_SCRIPT).is_file()
