"""What the package says about itself matches how it is packaged."""

import tomllib

import alliance_check
from alliance_check import about
from sitebuild import PROJECT_ROOT

PROJECT = tomllib.loads((PROJECT_ROOT / "assessment" / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_about_names_the_package_and_version_it_is_published_as() -> None:
    info = about()
    assert (info["package"], info["version"]) == (PROJECT["name"], PROJECT["version"])
    assert alliance_check.__version__ == PROJECT["version"]


def test_public_api_is_declared() -> None:
    assert set(alliance_check.__all__) <= set(dir(alliance_check))
