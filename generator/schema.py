"""The JSON Schema of a briefing, generated from its one declaration (briefing.py);
validation against it, and reading and writing briefings as YAML.

Problems are reported as ``file: line N: field: what is wrong`` so an analyst who
edited a briefing by hand can go straight to the mistake.

usage: python -m generator.schema [OUT.json]   (writes the generated schema)
"""
from __future__ import annotations

import functools
import json
import sys
import types
import typing
from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .briefing import REQUIRED, SCHEMA_VERSION, Briefing
from . import yamlsafe
from .errors import BriefingError

SCHEMA_PATH = Path(__file__).with_name("briefing.schema.json")
# libyaml's dumper when available: the same results, many times faster.
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def json_schema() -> dict[str, Any]:
    """The briefing's JSON Schema, generated from the dataclasses of briefing.py."""
    schema = _object(Briefing, required=REQUIRED)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "briefing.schema.json",
            "title": f"Briefing (schema v{SCHEMA_VERSION})",
            "description": "One news article's structured briefing. Generated from generator/briefing.py "
                           "(python -m generator.schema); field meanings there and in README.md.",
            **schema}


def _object(kind, required: tuple[str, ...] | None = None) -> dict[str, Any]:
    hints = typing.get_type_hints(kind)
    props = {f.name: _field(hints[f.name], f.metadata) for f in fields(kind)}
    need = list(required) if required is not None else [
        f.name for f in fields(kind) if f.default is MISSING and f.default_factory is MISSING]
    out = {"type": "object", "additionalProperties": False}
    if need:
        out["required"] = need
    out["properties"] = props
    return out


def _field(hint, meta) -> dict[str, Any]:
    json_meta = dict(meta.get("json", {}))
    item_min = json_meta.pop("itemMinLength", None)
    out = _type(hint)
    if "enum" in json_meta or "const" in json_meta:
        out.pop("type", None)
    out.update(json_meta)
    if item_min is not None:
        out["items"]["minLength"] = item_min
    if meta.get("doc"):
        out["description"] = meta["doc"]
    return out


def _type(hint) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _type(args[0])
        if "type" in inner:
            inner["type"] = [inner["type"], "null"]
        return inner
    if origin is list:
        return {"type": "array", "items": _type(typing.get_args(hint)[0])}
    if hasattr(hint, "__dataclass_fields__"):
        return _object(hint)
    return {"type": {str: "string", int: "integer", float: "number", bool: "boolean"}[hint]}


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema())


def problems(data: Any) -> list[tuple[str, str]]:
    """Every schema violation as (dotted field path, message), in document order."""
    found = []
    for err in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        where = ".".join(str(p) for p in err.absolute_path) or "(top level)"
        found.append((where, _explain(err)))
    return found


def _explain(err: jsonschema.ValidationError) -> str:
    if err.validator == "enum":
        return f"{err.instance!r} is not one of {', '.join(map(str, err.validator_value))}"
    if err.validator == "required":
        return err.message.replace("is a required property", "is missing; add it")
    if err.validator == "additionalProperties":
        return err.message + "; remove it or check its spelling"
    return err.message


def validate(data: Any, path: str, text: str | None = None) -> Briefing:
    """Return the Briefing for `data`, or raise BriefingError listing every problem."""
    found = problems(data)
    if found:
        lines = {"(top level)": 1, **line_index(text)} if text else {}
        raise BriefingError(path, [
            (f"line {lines[where]}: " if where in lines else "") + f"{where}: {msg}"
            for where, msg in found])
    return Briefing.from_dict(data)


def line_index(text: str) -> dict[str, int]:
    """Map each dotted field path of a YAML document to its 1-based line number."""
    index: dict[str, int] = {}
    try:
        root = yaml.compose(text, Loader=yamlsafe.SafeLoader)   # the text passed yamlsafe.load
    except (yaml.YAMLError, RecursionError):
        return index

    def walk(node, prefix):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                path = f"{prefix}.{key.value}" if prefix else str(key.value)
                index[path] = key.start_mark.line + 1
                walk(value, path)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                path = f"{prefix}.{i}"
                index[path] = item.start_mark.line + 1
                walk(item, path)
    walk(root, "")
    return index


def load_yaml(path: Path, display: str | None = None) -> tuple[Any, str]:
    """Parse a YAML file safely; syntax errors name the file and line."""
    display = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BriefingError(display, [f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8"])
    except OSError as exc:
        raise BriefingError(display, [f"cannot be read ({exc.strerror}); check its permissions"])
    try:
        return yamlsafe.load(text), text
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        what = getattr(exc, "problem", None) or str(exc)
        if isinstance(exc, yamlsafe.YamlBomb):
            raise BriefingError(display, [f"{where}refused: {what}"])
        raise BriefingError(display, [f"{where}YAML syntax error: {what}; fix the YAML syntax"])


def read_briefing(path: Path, display: str | None = None) -> Briefing:
    """Read and validate one briefing file (a schema v1 briefing is upgraded on read)."""
    from .migrate import upgrade
    display = display or str(path)
    data, text = load_yaml(path, display)
    return validate(upgrade(data), display, text)


def dump(briefing: Briefing) -> str:
    """The briefing as YAML: block style, Unicode kept, keys in schema order."""
    return yaml.dump(briefing.to_dict(), Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=100)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = json.dumps(json_schema(), indent=1, ensure_ascii=False) + "\n"
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
