"""The project's exceptions; the CLI turns them into one-line messages.

Each message names the item, quotes the value and says the fix, e.g.
``seeds/x.txt: not UTF-8 text (byte 0xff at offset 12); save it as UTF-8.``
"""
from __future__ import annotations


class GeneratorError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""


class InputError(GeneratorError):
    """An article in seeds/ cannot be read or understood."""


class BriefingError(GeneratorError):
    """A briefing file is not valid YAML or does not follow the schema."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {p}" for p in problems))


class RenderError(GeneratorError):
    """A template, page or PDF could not be produced."""


class ModelError(GeneratorError):
    """The language model named in the configuration cannot be loaded."""
