"""When something happened, resolved against the article's date: "on Monday",
"yesterday", "on January 24", "last week" (no day: none); a year or a month alone where
the text gives no day ("In 2006" → 2006, "in September 2015" → 2015-09, ISO 8601's
reduced precision)."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..dates import date_line, parse_date

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
DAY = re.compile(r"\b(?:on\s+|last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
RELATIVE = re.compile(r"\b(yesterday|today|this morning|this afternoon|this evening|tonight|last night)\b", re.I)
YEAR = re.compile(r"\b[Ii]n\s+(?:(?:early|mid|late)[- ])?(?:(%s)\s+)?((?:19|20)\d\d)\b"
                  % "|".join(m.title() for m in MONTHS))
EXPLICIT = re.compile(r"\b(?:on\s+)?(?:(\d{1,2})\s+(%s)|(%s)\s+(\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(\d{4}))?\b"
                      % ("|".join(m.title() for m in MONTHS), "|".join(m.title() for m in MONTHS)))


def event_date(text: str, published: date | None) -> str:
    """The date a sentence gives for its event, as ISO 8601, or ""."""
    m = EXPLICIT.search(text)
    if m:
        day = int(m.group(1) or m.group(4))
        month = MONTHS.index((m.group(2) or m.group(3)).lower()) + 1
        year = int(m.group(5)) if m.group(5) else (published.year if published else None)
        if year is not None:
            try:
                found = date(year, month, day)
            except ValueError:
                return ""
            if published and not m.group(5) and found > published + timedelta(days=2):
                found = date(year - 1, month, day)      # "on December 30" in a January story
            return found.isoformat()
    m = RELATIVE.search(text) if published is not None else None
    if m:
        word = m.group(1).lower()
        return (published - timedelta(days=1) if word in ("yesterday", "last night") else published).isoformat()
    m = DAY.search(text) if published is not None else None
    if m:
        wanted = WEEKDAYS.index(m.group(1).lower())
        back = (published.weekday() - wanted) % 7       # news tells of the past: the last such day
        return (published - timedelta(days=back)).isoformat()
    m = YEAR.search(text)
    if m:
        year, month = int(m.group(2)), MONTHS.index(m.group(1).lower()) + 1 if m.group(1) else 0
        if published and (year, month) > (published.year, published.month):
            return ""         # "sworn in in January 2021": a plan, not when the event happened
        return f"{year}-{month:02d}" if month else str(year)
    return ""


def publication_date(article) -> date | None:
    """The article's date as ingest read it (metadata or a date line), else a date line."""
    return parse_date(article.published) or date_line(article.text)
