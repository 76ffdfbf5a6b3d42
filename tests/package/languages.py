"""The languages the package has text in, found on disk: adding a language's files adds it to the tests."""

from alliance_check import list_languages, list_questionnaires, wording


def languages_on_disk() -> list[str]:
    """Every language a questionnaire or the shared result words are written in, sorted."""
    found = {lang for qid in list_questionnaires() for lang in list_languages(qid)}
    found |= {path.name.split(".")[1] for path in wording.PACKAGED.glob("result.*.toml")}
    return sorted(found)


LANGUAGES = languages_on_disk()
OTHER_LANGUAGES = [lang for lang in LANGUAGES if lang != wording.DEFAULT_LANG]
# Every packaged check in every language it is written in, as (id, language).
CHECKS_AND_LANGUAGES = [(qid, lang) for qid in list_questionnaires() for lang in list_languages(qid)]


def in_language(expected: dict[str, object], lang: str) -> object:
    """What a test expects the texts in ``lang`` to say; a new language must say it too."""
    if lang not in expected:
        raise AssertionError(f"Add what the {lang!r} texts must say to this test (as for {', '.join(expected)}).")
    return expected[lang]
