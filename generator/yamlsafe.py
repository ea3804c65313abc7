"""YAML read from users' files (briefings, front matter, sources.yaml), with a bound.

PyYAML's safe loader runs no code, but aliases still let a few lines stand for billions
of values ("billion laughs"): cheap to parse, ruinous for whatever walks the result
(schema validation, the line-number index, a template). A document whose aliases
expand beyond MAX_VALUES values, or that refers to itself, is refused at once, naming
the line of the alias that crosses the bound.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when available: same results, faster
MAX_VALUES = 200_000
# An alias is "*name" where a value may start; text without one cannot expand.
ALIAS = re.compile(r"(?:^|[\s\[{,:?-])\*[^\s,\]}]")


class YamlBomb(yaml.YAMLError):
    """Aliases that expand beyond the bound, or refer to themselves."""

    def __init__(self, line: int, problem: str):
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = yaml.Mark("", 0, line, 0, None, None)


def load(text: str) -> Any:
    """Parse `text` safely; raise yaml.YAMLError (YamlBomb for an alias bomb), whose
    `problem_mark` gives the line."""
    try:
        if ALIAS.search(text):
            check(yaml.compose(text, Loader=SafeLoader))
        return yaml.load(text, Loader=SafeLoader)
    except RecursionError:
        raise YamlBomb(0, "values nested too deeply to read; flatten the document") from None


def check(root: yaml.Node | None) -> None:
    """Count the values `root` stands for with its aliases expanded, each shared node
    counted once per use but visited once."""
    sizes: dict[int, int] = {}
    open_: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_:
            raise YamlBomb(node.start_mark.line, "an alias refers to the value that contains it; "
                                                 "write the value out instead")
        open_.add(key)
        total = 1
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            children = []
        for child in children:
            total += size(child)
            if total > MAX_VALUES:
                raise YamlBomb(child.start_mark.line,
                               f"its aliases (*name) expand to more than {MAX_VALUES:,} values; "
                               f"write the values out, without & anchors and * aliases")
        open_.discard(key)
        sizes[key] = total
        return total

    if root is not None:
        size(root)
