"""Fixtures for the package's tests."""

from functools import partial
from pathlib import Path

import pytest
from mini_questionnaire import MakeQuestionnaire, write_mini


@pytest.fixture
def make_questionnaire(tmp_path: Path) -> MakeQuestionnaire:
    """Write the small test questionnaire into a temporary folder, with optional edits; return the folder."""
    return partial(write_mini, tmp_path)
