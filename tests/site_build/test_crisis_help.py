"""The practice's emergency numbers setting and the crisis lines every build lists."""

import pytest

from sitebuild import words
from sitebuild.crisis_help import (
    DEFAULT_EMERGENCY_NUMBERS,
    DEFAULT_NAMED_LINES,
    DIRECTORIES,
    EmergencyNumber,
    EmergencyNumberError,
    in_language,
    parse_emergency_numbers,
)
from sitebuild.practice import CrisisLine, parse_practice


def test_without_the_setting_the_defaults_name_their_countries() -> None:
    practice = parse_practice({"name": "A"}, "practice.yml")
    assert practice.emergency_numbers == DEFAULT_EMERGENCY_NUMBERS
    assert [entry.number for entry in DEFAULT_EMERGENCY_NUMBERS] == ["112", "911", "999", "000", "111"]
    english = in_language(DEFAULT_EMERGENCY_NUMBERS, words.catalogue("en").crisis)
    assert english[1] == EmergencyNumber("911", "the United States and Canada", words="us_ca")


@pytest.mark.parametrize("lang", words.languages())
def test_the_defaults_have_their_words_in_every_language(lang: str) -> None:
    crisis = words.catalogue(lang).crisis
    assert all(entry.where for entry in in_language(DEFAULT_EMERGENCY_NUMBERS, crisis))
    named = in_language(DEFAULT_NAMED_LINES, crisis)
    assert all(line.name and line.description and line.hours for line in named)
    assert all(line.name and line.description and not line.hours for line in in_language(DIRECTORIES, crisis))


def test_a_practices_own_entries_keep_their_words() -> None:
    own = (EmergencyNumber("999", "the UK"), CrisisLine(name="Local line", phone="0800 123 456"))
    assert in_language(own, words.catalogue("es").crisis) == own


def test_a_practices_numbers_replace_the_defaults() -> None:
    practice = parse_practice(
        {"name": "A", "emergency_numbers": [{"number": "999", "where": "the UK"}, {"number": "112"}]}, "practice.yml"
    )
    assert practice.emergency_numbers == (EmergencyNumber("999", "the UK"), EmergencyNumber("112"))
    assert practice.emergency_numbers[0].tel_uri == "tel:999"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("999", r"practice.yml: emergency_numbers: must be a list"),
        ([999], r"emergency_numbers\[0\]: must be a setting such as number: \"999\""),
        ([{"number": 999}], r"emergency_numbers\[0\].number: is 999, not in quotes"),
        ([{"where": "UK"}], r"emergency_numbers\[0\].number: is missing"),
        ([{"number": "99 9 9 9 9 9"}], r"'99 9 9 9 9 9' is not an emergency number"),
        ([{"number": "tel:999"}], r"not an emergency number"),
        ([{"number": "999", "wher": "UK"}], r"emergency_numbers\[0\].wher: unknown setting"),
        ([{"number": "999", "where": "<b>UK</b>"}], r"emergency_numbers\[0\].where: must be plain text"),
    ],
)
def test_a_wrong_setting_names_the_entry_and_the_fix(value: object, message: str) -> None:
    with pytest.raises(EmergencyNumberError, match=message):
        parse_emergency_numbers(value, "practice.yml")


def test_a_practices_own_lines_come_first_and_the_directories_stay() -> None:
    own = CrisisLine(name="Local line", phone="0800 123 456")
    practice = parse_practice({"name": "A", "crisis_lines": [{"name": "Local line", "phone": "0800 123 456"}]}, "p.yml")
    assert practice.crisis_lines_or_default == (own, *DIRECTORIES)
    default = parse_practice({"name": "A"}, "p.yml").crisis_lines_or_default
    assert default == (*DEFAULT_NAMED_LINES, *DIRECTORIES)
    assert {line.phone for line in DEFAULT_NAMED_LINES} >= {"988", "116 123"}
    assert all(line.words for line in (*DEFAULT_NAMED_LINES, *DIRECTORIES))
