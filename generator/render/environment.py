"""Jinja environments that keep article text as text.

Every value printed by a Markdown template is escaped for Markdown and HTML unless
the code marked it safe (links the tool builds itself), so an article containing
``<script>``, ``[x](javascript:…)``, ``# heading`` or ``{{ … }}`` shows literally.
HTML templates use Jinja's own autoescaping. Undefined names are errors.
"""
from __future__ import annotations

import json
import re
import traceback
from pathlib import Path
from urllib.parse import quote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError
from markupsafe import Markup, escape

from ..dates import display as display_date
from ..errors import RenderError

# Exactly the characters Python-Markdown (with tables) lets a backslash escape.
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md_escape(value) -> str:
    """Plain text made safe inside Markdown: HTML entities, escaped punctuation, one line."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MD_SPECIAL.sub(r"\\\1", text)


def safe_url(value: str) -> str:
    """An http(s) URL with characters that could break out of Markdown or HTML quoted; else ''."""
    value = (value or "").strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return quote(value, safe=":/?#@!$&'*+,;=%-._~")


def badge(severity: str) -> Markup:
    """A coloured severity label; only the three known values produce markup."""
    if severity not in ("high", "medium", "low"):
        return Markup("")
    return Markup(f'<span class="sev sev-{severity}">{severity.upper()}</span>')


TLP_CLASSES = {"TLP:CLEAR": "clear", "TLP:GREEN": "green", "TLP:AMBER": "amber", "TLP:AMBER+STRICT": "amber",
               "TLP:RED": "red"}


def tlp(marking: str) -> Markup:
    """The TLP 2.0 marking as a banner (coloured as the standard asks), left out of search."""
    kind = TLP_CLASSES.get(marking)
    if kind is None:
        return Markup("")
    return Markup(f'<p class="tlp-banner" data-search-exclude><span class="tlp tlp-{kind}">{escape(marking)}'
                  f'</span></p>')


def toll(threat) -> str:
    """"12 killed, 30 injured" from the numbers the text states; "" when it states none."""
    parts = []
    if threat.fatalities is not None:
        parts.append(f"{threat.fatalities} killed")
    if threat.injured is not None:
        parts.append(f"{threat.injured} injured")
    return ", ".join(parts)


def coordinates(location) -> str:
    """"33.51, 36.29"; an unresolved place says so, and where it is drawn if anywhere."""
    where = f"{location.lat:.2f}, {location.lon:.2f}" \
        if location.lat is not None and location.lon is not None else ""
    if location.resolved:
        return where
    return f"unresolved (drawn at {where}, the place that holds it)" if where else "unresolved"


def _common(env: Environment) -> Environment:
    env.filters["url"] = safe_url
    env.filters["badge"] = badge
    env.filters["toll"] = toll
    env.filters["tlp"] = tlp
    env.filters["date"] = display_date
    env.filters["coordinates"] = coordinates
    env.filters["severity_rank"] = lambda s: {"high": 0, "medium": 1, "low": 2}.get(s, 3)
    return env


def markdown_env(templates: Path) -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates)), undefined=StrictUndefined,
                      autoescape=False, finalize=md_escape, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["raw"] = Markup   # for links the tool builds from slugs, never article text
    # Front matter is YAML, not Markdown: a JSON string is a valid, fully quoted YAML scalar.
    # MkDocs puts the title into <title> and the navigation unescaped, so escape HTML first.
    env.filters["yaml_str"] = lambda v: Markup(json.dumps(str(escape(" ".join(str(v).split()))),
                                                          ensure_ascii=False))
    return _common(env)


def html_env(templates: Path) -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates)), undefined=StrictUndefined,
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["e"] = escape
    return _common(env)


def render(env: Environment, name: str, **context) -> str:
    try:
        return env.get_template(name).render(**context)
    except TemplateError as exc:
        where = f" line {exc.lineno}" if getattr(exc, "lineno", None) else ""
        raise RenderError(f"templates/{name}{where}: {exc.message or exc}; fix the template") from exc
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError) as exc:
        # A template that runs but misuses its data (an edited template, an old copy), or
        # a value it was not written for: say where, and what the line prints.
        where = _template_line(env, exc)
        raise RenderError(f"templates/{where or name}: {type(exc).__name__}: {exc}; a field holds a value "
                          f"this line of the template does not handle: fix the field or the template "
                          f"(compare it with the one shipped in the project)") from exc


def _template_line(env: Environment, exc: BaseException) -> str:
    """"briefing.md.j2 line 57 ({{ l.lat }})": the template line the error came from."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    if not frames:
        return ""
    frame = frames[-1]
    source = Path(frame.filename).read_text(encoding="utf-8").splitlines() if Path(frame.filename).is_file() else []
    code = source[frame.lineno - 1].strip() if 0 < frame.lineno <= len(source) else ""
    code = code if len(code) <= 80 else code[:77] + "..."
    return f"{Path(frame.filename).name} line {frame.lineno}" + (f" ({code})" if code else "")
