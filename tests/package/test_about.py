import platform

import alliance_check
from alliance_check import about


def test_about_describes_the_running_interpreter() -> None:
    info = about()
    assert info["version"] == alliance_check.__version__
    assert info["python"] == platform.python_version()


def test_public_api_is_declared() -> None:
    assert set(alliance_check.__all__) <= set(dir(alliance_check))
