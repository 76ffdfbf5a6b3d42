"""The package README's examples run as written."""

import doctest

from sitebuild import PROJECT_ROOT


def test_readme_examples() -> None:
    readme = PROJECT_ROOT / "assessment" / "README.md"
    failures, tried = doctest.testfile(str(readme), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert tried > 10 and failures == 0


def test_init_examples() -> None:
    import alliance_check

    failures, tried = doctest.testmod(alliance_check)
    assert tried > 0 and failures == 0
