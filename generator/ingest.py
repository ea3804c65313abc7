"""Read the articles in seeds/: plain text, Markdown with YAML front matter, and HTML.

Plain text: the headline is the first non-empty line, the body follows. Photo
captions and credit lines such as "(photo credit: REUTERS)" are recognised and kept
out of the body (but stay in the text, so evidence offsets are offsets into the file).
"""
from __future__ import annotations

import errno
import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import yamlsafe
from .article import Article, blank, slugify
from .dates import date_line, parse_date
from .errors import InputError
from .fileio import sha256_bytes

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 2_000_000

CREDIT = re.compile(
    r"\(\s*(?:photo|image|picture|video)?\s*(?:credit|courtesy)s?\s*:?[^)]*\)\s*$"
    r"|^\s*(?:photo|image|picture)\s*(?:credit)?\s*:.*$"
    r"|^\s*\((?:AP|AFP|REUTERS|Reuters|EPA|Getty Images)[^)]*\)\s*$",
    re.IGNORECASE)
BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*$")


@dataclass
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES   #: larger files are refused with a clear message


def read_article(path: Path, root: Path, limits: Limits = Limits()) -> Article:
    """Read one article file; raise InputError naming the file and the fix."""
    rel = _relative(path, root)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(f"{rel}: unsupported file type {suffix or '(none)'!r}; "
                         f"use one of {', '.join(SUPPORTED)}")
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise InputError(f"{rel}: {size:,} bytes is over the {limits.max_bytes:,}-byte limit; "
                             f"split the article or raise --max-bytes")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{rel}: cannot be read ({exc.strerror}); check its permissions")
    text, warnings = _decode(raw, rel)
    if not text.strip():
        raise InputError(f"{rel}: the file is empty; add a headline line and the article body")
    if suffix in (".md", ".markdown"):
        article = _from_markdown(text, rel)
    elif suffix in (".html", ".htm"):
        article = _from_html(text, rel)
    else:
        article = _from_plain(text, rel, 0)
    article.sha256 = sha256_bytes(raw)
    article.warnings = warnings + article.warnings
    _date_article(article)
    if not article.body[article.headline[1]:].strip():
        raise InputError(f"{rel}: has a headline but no body text; add the article body below the headline")
    return article


def _relative(path: Path, root: Path) -> str:
    """The path as the user sees it in the project (a symlink is named, not its target)."""
    for base in (root, root.resolve()):
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(base)).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def _decode(raw: bytes, rel: str) -> tuple[str, list[str]]:
    if b"\x00" in raw[:8192]:
        raise InputError(f"{rel}: is a binary file, not text; save the article as plain text, Markdown or HTML")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        bad, at = raw[exc.start], exc.start
    # Windows-1252 is what non-UTF-8 news text almost always is; accept it with a warning.
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(f"{rel}: not UTF-8 text (byte 0x{bad:02x} at offset {at}); save it as UTF-8")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t")
    if controls > len(text) // 100:
        raise InputError(f"{rel}: not UTF-8 text (byte 0x{bad:02x} at offset {at}); save it as UTF-8")
    return text, [f"{rel}: not UTF-8; read as Windows-1252 (byte 0x{bad:02x} at offset {at}); "
                  f"save it as UTF-8 to silence this warning"]


def _from_plain(text: str, rel: str, offset: int, title: str | None = None) -> Article:
    """Headline on the first non-empty line (unless `title` is given), body after it."""
    lines = _lines(text, offset)
    hidden: list[tuple[int, int]] = [(0, offset)]
    if title is None:
        first = next(((s, e) for s, e in lines if text[s:e].strip()), None)
        if first is None:
            raise InputError(f"{rel}: no headline; put the headline on the first line")
        title = _clean_title(text[first[0]:first[1]])
        if not title:
            raise InputError(f"{rel}: no headline; put the headline on the first line")
        headline = first
        lines = [ln for ln in lines if ln[0] > first[0]]
    else:
        headline = (offset, offset)
    hidden += _captions(text, lines)
    return Article(path=rel, slug=slugify(Path(rel).stem), title=title, text=text,
                   body=blank(text, hidden), sha256="", headline=headline)


def _lines(text: str, offset: int) -> list[tuple[int, int]]:
    spans, pos = [], offset
    for line in text[offset:].splitlines(keepends=True):
        content = line.rstrip("\r\n")
        spans.append((pos, pos + len(content)))
        pos += len(line)
    return spans


def _clean_title(line: str) -> str:
    title = " ".join(line.split()).lstrip("#").strip()
    if len(title) > 1 and title[0] == title[-1] and title[0] in "'\"":
        title = title[1:-1].strip()
    return title


def _captions(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Photo captions, credit lines and bylines: lines that are not body text."""
    hidden = []
    captions = set()
    for i, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if not line:
            continue
        nxt = next((text[a:b].strip() for a, b in lines[i + 1:] if text[a:b].strip()), "")
        if CREDIT.search(line) or BYLINE.match(line):
            hidden.append((s, e))
            captions.add(CREDIT.sub("", line).strip())
        elif line in captions or (CREDIT.fullmatch(nxt) and not line.endswith((".", '"', "”"))):
            hidden.append((s, e))  # the same caption again, or a caption whose credit follows
    return hidden


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n", re.S | re.M)


def _from_markdown(text: str, rel: str) -> Article:
    match = FRONT_MATTER.match(text)
    meta: dict = {}
    if match:
        try:
            meta = yamlsafe.load(match.group(1)) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" at line {mark.line + 2}" if mark else ""
            problem = getattr(exc, "problem", None)
            if isinstance(exc, yamlsafe.YamlBomb):
                raise InputError(f"{rel}: line {mark.line + 2}: front matter refused: {problem}")
            raise InputError(f"{rel}: malformed YAML front matter{line}"
                             f"{f' ({problem})' if problem else ''}; fix it or remove the --- block")
        if not isinstance(meta, dict):
            raise InputError(f"{rel}: front matter is not a mapping of fields; write it as 'title: ...' lines")
    offset = match.end() if match else 0
    title = meta.get("title")
    article = _from_plain(text, rel, offset, title=_clean_title(str(title)) if title else None)
    article.source_name = str(meta.get("source") or "")
    article.url = str(meta.get("url") or "")
    article.published = _date(meta.get("published") or meta.get("date"))
    article.author = str(meta.get("author") or "")
    return article


def _date(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "")


def _date_article(article: Article) -> None:
    """The publication date as ISO 8601: the metadata's, else a date line in the text;
    metadata that is no date is reported and left out."""
    given = article.published
    found = parse_date(given)
    if given and found is None:
        article.warnings.append(f"{article.path}: published: {given!r} is not a date; write it as YYYY-MM-DD "
                                f"(the date line of the text is used if there is one)")
    found = found or date_line(article.text)
    article.published = found.isoformat() if found else ""


def _from_html(html: str, rel: str) -> Article:
    """Title, date and body from an HTML page; the body is the extracted plain text."""
    import trafilatura  # imported here: only HTML input needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    body = (getattr(doc, "text", None) or "").strip() if doc else ""
    title = (getattr(doc, "title", None) or "").strip() if doc else ""
    if not body:
        raise InputError(f"{rel}: no article text found in the HTML; save the article as plain text")
    if not title:
        raise InputError(f"{rel}: no headline found in the HTML <title> or <h1>; add one")
    # HTML evidence offsets point into this extracted text (headline line, then body).
    text = f"{title}\n\n{body}\n"
    article = _from_plain(text, rel, 0)
    article.title = title
    article.url = (getattr(doc, "url", None) or "") if doc else ""
    article.published = (getattr(doc, "date", None) or "") if doc else ""
    article.source_name = (getattr(doc, "sitename", None) or "") if doc else ""
    article.author = (getattr(doc, "author", None) or "") if doc else ""
    return article


def discover(seeds: Path, root: Path | None = None) -> tuple[list[Path], list[str]]:
    """Article files under `seeds` (sorted), and a warning for each entry skipped, with
    what it is and the fix: files of other types, named pipes, sockets and devices,
    broken or looping links, and links to folders (which are not followed)."""
    found, skipped = [], []
    base = root or seeds.parent
    for path in sorted(seeds.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(seeds).parts):
            continue
        rel = _relative(path, base)
        kind = _special(path)
        if kind == "folder":
            continue
        if kind:
            skipped.append(f"{rel}: skipped: {kind}")
        elif path.suffix.lower() in SUPPORTED:
            found.append(path)
        else:
            skipped.append(f"{rel}: skipped: unsupported file type {path.suffix or '(none)'!r}; "
                           f"use one of {', '.join(SUPPORTED)}")
    return found, skipped


def _special(path: Path) -> str:
    """What keeps `path` from being read as an article, and the fix; "folder" for a real
    folder (rglob walks it); "" for a regular file or a link to one."""
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return f"cannot be examined ({exc.strerror}); check its permissions"
    if stat.S_ISLNK(mode):
        target = os.readlink(path)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            return f"a broken link to {target!r}, which does not exist; point it at an article or remove it"
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return f"a link that loops back on itself ({target!r}); point it at an article or remove it"
            return f"a link to {target!r} that cannot be followed ({exc.strerror}); check its permissions"
        if stat.S_ISDIR(mode):
            return (f"a link to the folder {target!r}, which is not followed; move or copy the articles "
                    f"into seeds/, or link each file")
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return ""
    what = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return f"{what}, not an article file; remove it from seeds/"
