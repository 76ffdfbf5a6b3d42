"""How often the safety note fires, before and after it became data: a simulation.

Run from the repository root (a fixed seed, so the figures repeat exactly):

    PYTHONPATH=assessment/src python scripts/dev/safety_note_simulation.py

To see how much the figures depend on the typical-client model, change it:
``--level-mean 75 --noise-sd 20`` (see ``--help``).

"Before" is the rule up to commit BEFORE: the note fired when any item marked
``safety = true`` scored at or below the scale's midpoint (POMP <= 50, after
reverse keying), read from that commit's questionnaire files. "After" is the
package's own rule (``score(...).needs_safety_note``) on the current files.

Two kinds of answer sets, 10,000 of each per check:

- Typical clients. Client ratings of the relationship crowd near the positive
  end, and one person's answers go together. Each simulated client has a level
  drawn from Normal(80, 12) on the 0-100 POMP scale; each item's score after
  keying is that level plus Normal(0, 15) noise, minus 10 for a negatively
  worded (reverse-keyed) item (people answer those less favourably), clipped to
  0-100 and rounded to the nearest point of the item's scale. A reverse-keyed
  item's answer is that point mirrored (min + max - point).
- Uniformly random answers: every item answered, each answer equally likely
  across its scale, independently.
"""

import argparse
import random
import subprocess
import sys
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from alliance_check import list_questionnaires, load_questionnaire, score

BEFORE = "238cfacd5cced1fd7ffe176f5e0dec623cb357c0"
QUESTIONNAIRES_DIR = "assessment/src/alliance_check/questionnaires"
SEED = 20261201
CLIENTS = 10_000
LEVEL_MEAN, LEVEL_SD = 80.0, 12.0
ITEM_NOISE_SD = 15.0
NEGATIVE_WORDING_SHIFT = 10.0


@dataclass(frozen=True)
class SimItem:
    id: str
    low: int
    high: int
    reverse: bool


Answers = dict[str, int]


def typical_answers(items: Sequence[SimItem], rng: random.Random) -> Answers:
    level = rng.gauss(LEVEL_MEAN, LEVEL_SD)
    answers = {}
    for item in items:
        pomp = level + rng.gauss(0.0, ITEM_NOISE_SD) - (NEGATIVE_WORDING_SHIFT if item.reverse else 0.0)
        pomp = min(100.0, max(0.0, pomp))
        keyed = item.low + round(pomp / 100 * (item.high - item.low))
        answers[item.id] = item.low + item.high - keyed if item.reverse else keyed
    return answers


def uniform_answers(items: Sequence[SimItem], rng: random.Random) -> Answers:
    return {item.id: rng.randint(item.low, item.high) for item in items}


def before_rule(qid: str) -> tuple[list[SimItem], Callable[[Answers], bool]]:
    """The questionnaire's items at BEFORE and the note's rule as it was then."""
    text = subprocess.run(
        ["git", "show", f"{BEFORE}:{QUESTIONNAIRES_DIR}/{qid}.toml"], check=True, capture_output=True, text=True
    ).stdout
    data = tomllib.loads(text)
    low, high = data["scale"]["min"], data["scale"]["max"]
    items = [SimItem(entry["id"], low, high, entry.get("reverse", False)) for entry in data["items"]]
    safety = {entry["id"] for entry in data["items"] if entry.get("safety", False)}

    def fires(answers: Answers) -> bool:
        for item in items:
            if item.id in safety:
                keyed = low + high - answers[item.id] if item.reverse else answers[item.id]
                if 100 * (keyed - low) <= 50 * (high - low):
                    return True
        return False

    return items, fires


def after_rule(qid: str) -> tuple[list[SimItem], Callable[[Answers], bool]]:
    questionnaire = load_questionnaire(qid)
    items = [SimItem(item.id, item.scale.min, item.scale.max, item.reverse) for item in questionnaire.items]
    return items, lambda answers: score(questionnaire, answers).needs_safety_note


def share(items: Sequence[SimItem], fires: Callable[[Answers], bool], draw, rng: random.Random) -> float:
    return sum(fires(draw(items, rng)) for _ in range(CLIENTS)) / CLIENTS


def main() -> int:
    global LEVEL_MEAN, LEVEL_SD, ITEM_NOISE_SD
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--level-mean", type=float, default=LEVEL_MEAN, help="typical clients' mean level (POMP)")
    parser.add_argument("--level-sd", type=float, default=LEVEL_SD, help="spread of levels between clients (POMP)")
    parser.add_argument("--noise-sd", type=float, default=ITEM_NOISE_SD, help="spread of one client's items (POMP)")
    arguments = parser.parse_args()
    LEVEL_MEAN, LEVEL_SD, ITEM_NOISE_SD = arguments.level_mean, arguments.level_sd, arguments.noise_sd
    print(f"{CLIENTS} answer sets per check and kind; seed {SEED}; before = {BEFORE[:7]}")
    print(f"typical clients: level Normal({LEVEL_MEAN:g}, {LEVEL_SD:g}), item noise Normal(0, {ITEM_NOISE_SD:g})")
    print(f"{'check':<16}{'answers':<10}{'before':>8}{'after':>8}")
    for qid in list_questionnaires():
        for name, draw in (("typical", typical_answers), ("uniform", uniform_answers)):
            # The same seed for before and after, so each pair differs only by the rule and the items.
            figures = [share(*rule(qid), draw, random.Random(SEED)) for rule in (before_rule, after_rule)]
            print(f"{qid:<16}{name:<10}{figures[0]:>8.1%}{figures[1]:>8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
