"""Articles as read from seeds/: the text, where its headline and body lie, and its source."""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Article:
    """One input article.

    ``text`` is the article's text as read from its file; every evidence offset in a
    briefing points into it. ``body`` is the same length with everything that is
    not article prose (front matter, photo captions, credit lines, bylines) blanked
    out, so offsets found in it are offsets into ``text`` too. The headline stays
    in ``body`` (at ``headline``) because headlines state threats too.
    """
    path: str                 #: path relative to the project, e.g. seeds/x.txt
    slug: str
    title: str
    text: str
    body: str
    sha256: str
    headline: tuple[int, int] = (0, 0)   #: offsets of the headline line in ``text`` (empty for front matter titles)
    source_name: str = ""
    url: str = ""
    published: str = ""
    author: str = ""
    warnings: list[str] = field(default_factory=list)


def slugify(text: str, max_length: int = 80) -> str:
    """A URL- and file-safe slug: ASCII lower-case letters, digits and hyphens, from any
    script ("Владимир Путин" → vladimir-putin, "北京" → beijing), the same on every build."""
    from anyascii import anyascii
    # Apostrophes join their word ("assad's" → assads), as slugs made before did.
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’`]", "", anyascii(text)).lower()).strip("-")
    return slug[:max_length].rstrip("-") or "article"


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the given spans replaced by spaces (newlines kept), same length."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
