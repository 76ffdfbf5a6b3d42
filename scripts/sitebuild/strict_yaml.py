"""Reading the project's YAML settings and data strictly: a key written twice is an error.

Plain YAML keeps the last of two equal keys, so a setting typed again lower in
the file (an empty ``domain:`` left from the template, say) would silently
undo the first. Every YAML file the build reads goes through :func:`load`.
"""

import yaml


class _StrictLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses a mapping with the same key twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool | None):
                continue  # the SafeLoader itself refuses unhashable keys
            line = key_node.start_mark.line + 1
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{key}' is set twice (lines {seen[key]} and {line}); keep one", key_node.start_mark
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def load(text: str) -> object:
    """Parse YAML like ``yaml.safe_load``, refusing duplicate keys (raises ``yaml.YAMLError``)."""
    return yaml.load(text, Loader=_StrictLoader)
