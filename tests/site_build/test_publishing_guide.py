"""The staff guide to publishing: read on GitHub, with links to each page it tells people to open."""

import re

from sitebuild import PROJECT_ROOT

GUIDE = (PROJECT_ROOT / "PUBLISHING.md").read_text(encoding="utf-8")
LINKS = re.findall(r"\[([^\]]+)\]\(([^)]+)\)", GUIDE)


def test_the_guide_links_to_the_template_page() -> None:
    # Relative to the guide on GitHub (github.com/<owner>/<repo>/blob/main/PUBLISHING.md).
    assert ("this project's page on GitHub", "../../") in LINKS


def test_every_settings_page_the_guide_mentions_is_a_link() -> None:
    settings = [target for text, target in LINKS if text.startswith("**Settings**")]
    assert len(settings) >= 3 and set(settings) == {
        "../../settings/pages",
        "../../settings/variables/actions",
        "../../settings/actions",
    }
    assert ("**Actions** tab", "../../actions") in LINKS
    assert ("account", "https://github.com/settings/pages") in LINKS
    # Every "Settings, then Pages" of the reader's copy is a link.
    for line in GUIDE.splitlines():
        if "**Settings**, then **Pages**" in line and "organisation" not in line:
            assert "[**Settings**, then **Pages**](../../settings/pages)" in line, line


def test_the_guide_gives_the_dns_records_verification_and_rebuild() -> None:
    for record in ("185.199.108.153", "185.199.111.153", "2606:50c0:8000::153", "2606:50c0:8003::153"):
        assert f"`{record}`" in GUIDE
    assert "name `www`, value `your-name.github.io`" in GUIDE
    assert "_github-pages-challenge-" in GUIDE and "**Verify**" in GUIDE
    assert "a new build uses" in GUIDE


def test_the_guide_describes_the_first_runs_notice_in_the_workflows_own_words() -> None:
    script = (PROJECT_ROOT / ".github" / "scripts" / "pages-not-enabled.sh").read_text()
    title = re.search(r'title="([^"]+)"', script)[1]
    assert f"**{title}**" in GUIDE.replace("\n", " ")
    assert "**Re-run all jobs**" in GUIDE


def test_the_guide_is_not_part_of_the_clients_site() -> None:
    assert not (PROJECT_ROOT / "docs" / "practices").exists()
    assert "practices/publish.md" not in (PROJECT_ROOT / "mkdocs.yml").read_text()
