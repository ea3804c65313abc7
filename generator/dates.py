"""Publication dates, read once at ingest and kept as ISO 8601 (YYYY-MM-DD).

From the front matter (``date:`` or ``published:``), the HTML page's metadata, else a
date line near the top of the text ("Thursday, January 24, 2019" as Wikinews writes it,
"24 January 2019", "2019-01-24"). A value that is no date is reported, never guessed.
"""
from __future__ import annotations

import re
from datetime import date

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
# A short line that is only a date, with its year.
DATE_LINE = re.compile(r"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                       r"(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
                       r"\d{4}-\d{2}-\d{2})\s*$", re.M)


def parse_date(value) -> date | None:
    """A date from an ISO string, a date object, or words with a year ("Thursday, January
    24, 2019", "5 Oct 2019"); None when there is none."""
    if isinstance(value, date):
        return value
    value = str(value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    if not re.search(r"\b\d{4}\b", value):
        return None
    try:
        from dateutil import parser
        return parser.parse(value, fuzzy=True, default=None).date()
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None


def date_line(text: str, limit: int = 600) -> date | None:
    """The date of a line near the top of the text that holds only a date."""
    m = DATE_LINE.search(text[:limit])
    return parse_date(m.group(0)) if m else None


def display(iso: str) -> str:
    """"5 October 2019" for an ISO date, "October 2019" for a month; other text as it is."""
    d = parse_date(iso) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso or "") else None
    if d is None and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", iso or ""):
        return f"{MONTH_NAMES[int(iso[5:]) - 1].title()} {iso[:4]}"
    return f"{d.day} {MONTH_NAMES[d.month - 1].title()} {d.year}" if d else (iso or "")
