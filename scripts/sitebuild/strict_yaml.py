"""Reading the project's YAML settings and data strictly: a key written twice is an error.

Plain YAML keeps the last of two equal keys, so a setting typed again lower in
the file (an empty ``domain:`` left from the template, say) would silently
undo the first. Every YAML file the build reads goes through :func:`load`, or :func:`load_document`
when messages must name the line of a value.
"""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Entry:
    """Where one value was written: its key's line, and the value's node (for its source text and style)."""

    line: int
    node: yaml.Node


@dataclass(frozen=True)
class Document:
    """A parsed settings file that remembers where each value was written.

    ``entries`` maps a path of keys and list indexes, such as ``("contact", "email")``
    or ``("crisis_lines", 0, "phone")``, to where that value is in the text, so that
    a message can name the line to change and quote what was typed there.
    """

    data: object
    text: str
    entries: dict[tuple[str | int, ...], Entry]

    def line(self, path: tuple[str | int, ...]) -> int | None:
        entry = self.entries.get(path)
        return entry.line if entry else None

    def source(self, path: tuple[str | int, ...]) -> str | None:
        """The value exactly as typed (before YAML turned ``+1902…`` into a number, say)."""
        entry = self.entries.get(path)
        if entry is None or not isinstance(entry.node, yaml.ScalarNode):
            return None
        return self.text[entry.node.start_mark.index : entry.node.end_mark.index]


def load_document(text: str) -> Document:
    """Parse YAML strictly (see :func:`load`) and keep each value's position (raises ``yaml.YAMLError``)."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    entries: dict[tuple[str | int, ...], Entry] = {}
    if node is not None:
        _record(node, (), entries)
    return Document(data=data, text=text, entries=entries)


def _record(node: yaml.Node, path: tuple[str | int, ...], entries: dict) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key_path = (*path, key_node.value)
                entries[key_path] = Entry(line=key_node.start_mark.line + 1, node=value_node)
                _record(value_node, key_path, entries)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            entries[(*path, index)] = Entry(line=item.start_mark.line + 1, node=item)
            _record(item, (*path, index), entries)
