"""Questionnaires as data and exact scoring for the alliance self-check.

The package knows nothing about browsers: the site renders forms from the same
data at build time, and the page's worker calls :mod:`alliance_check.bridge`.
"""

from alliance_check.about import about

__version__ = "0.1.0"

__all__ = ["__version__", "about"]
