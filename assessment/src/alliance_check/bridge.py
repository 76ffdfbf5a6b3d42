"""The JSON bridge the browser's worker calls: strings in, strings out."""

import json

from alliance_check.about import about


def about_json() -> str:
    return json.dumps(about())
