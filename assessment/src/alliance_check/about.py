"""What is running: the package and the Python that runs it."""

import sys


def about() -> dict[str, str]:
    """Describe the running package and interpreter (shown on the check page)."""
    # Imported here: ``platform`` is slow to import in Pyodide and only this call needs it.
    import platform

    from alliance_check import __version__

    return {
        "package": "alliance-check",
        "version": __version__,
        "python": platform.python_version(),
        "platform": sys.platform,
    }
