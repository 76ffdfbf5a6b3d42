"""A small valid questionnaire as TOML text, and a way to write it with edits."""

from collections.abc import Callable
from pathlib import Path

MINI_STRUCTURE = """\
id = "mini"
version = "1"

[scale]
min = 1
max = 5
labelled = [1, 2, 3, 4, 5]

[pages]
safety = "get-help-now/"
repair = "relationship/strains-and-repair/"
talking = "in-therapy/talking-with-your-therapist/"

[[dimensions]]
id = "trust"
page = "relationship/trust-and-safety/"

[[dimensions]]
id = "support"
page = "relationship/emotional-support/"

[[bordin]]
id = "bond"

[[bordin]]
id = "tasks"

[[bands]]
id = "low"
min = 0

[[bands]]
id = "middle"
min = 50

[[bands]]
id = "high"
min = 75

[[items]]
id = "honest"
dimension = "trust"
bordin = "bond"
safety_answers = [1, 2]

[[items]]
id = "judged"
dimension = "trust"
bordin = "bond"
reverse = true
safety_answers = [5, 4]

[[items]]
id = "respected"
dimension = "trust"
bordin = "tasks"

[[items]]
id = "heard"
dimension = "support"

[history]
recent = 3
drop = 15
steady = 10
"""

MINI_WORDS = """\
title = "Mini"
intro = "A small questionnaire for tests."
time_frame = "Lately, how often?"

[scale.labels]
"1" = "Never"
"2" = "Rarely"
"3" = "Sometimes"
"4" = "Often"
"5" = "Always"

[items]
honest = "You can be honest."
judged = "You feel judged."
respected = "You feel respected."
heard = "You feel heard."

[dimensions.trust]
title = "Trust"
meaning = "Feeling safe."
lower_can_reflect = "Something to talk about."
conversation_starters = ["One.", "Two.", "Three."]

[dimensions.support]
title = "Support"
meaning = "Feeling cared for."
lower_can_reflect = "Something to talk about."
conversation_starters = ["One.", "Two.", "Three."]

[bordin.bond]
title = "Bond"
meaning = "The connection."

[bordin.tasks]
title = "Tasks"
meaning = "The way of working."

[bands.low]
title = "Worth talking about"
text = "Low."

[bands.middle]
title = "Mixed"
text = "Middle."

[bands.high]
title = "A strength"
text = "High."

[notes]
safety = "Stay safe."
repair = "Strains can be repaired."
talking = "Ways to say it."
part_not_scored = "{title}: {answered} of {total}, needs {needed}."
overall_not_scored = "{scored} of {total} parts scored."

[history]
first = "First."
not_scored = "Not scored."
flag = "Clearly lower."

[history.since_last]
higher = "Higher than last."
same = "Same as last."
lower = "Lower than last."

[history.since_first]
higher = "Higher than first."
same = "Same as first."
lower = "Lower than first."
"""

Edits = list[tuple[str, str]] | tuple[tuple[str, str], ...]
MakeQuestionnaire = Callable[..., Path]


def edited(text: str, edits: Edits) -> str:
    """``text`` with each (old, new) replacement made once; ``old`` must be there."""
    for old, new in edits:
        assert old in text, f"fixture has no {old!r}"
        text = text.replace(old, new, 1)
    return text


def write_mini(folder: Path, structure: Edits = (), words: Edits = (), *, lang: str = "en") -> Path:
    """Write ``mini.toml`` and ``mini.<lang>.toml`` with the edits into ``folder``; return it."""
    (folder / "mini.toml").write_text(edited(MINI_STRUCTURE, list(structure)), encoding="utf-8")
    (folder / f"mini.{lang}.toml").write_text(edited(MINI_WORDS, list(words)), encoding="utf-8")
    return folder
