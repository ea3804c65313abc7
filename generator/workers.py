"""Work done per article, in this process or in worker processes.

Each worker loads the language model once (``init_worker``); the functions here
take and return plain picklable values so they can run under a process pool or a
Dask cluster alike.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .article import Article
from .briefing import Briefing
from .errors import GeneratorError

_extractor = None


def init_worker(model: str) -> None:
    global _extractor
    from .extract import Extractor
    _extractor = Extractor(model)


def extractor(model: str = ""):
    if _extractor is None:
        init_worker(model)
    return _extractor


@dataclass
class Extracted:
    article: Article
    briefing: Briefing | None = None
    error: str = ""


def extract_batch(articles: list[Article], model: str = "", limit_s: int = 0) -> list[Extracted]:
    """Extract a batch through nlp.pipe (much faster than one call per article); an
    article that takes more than `limit_s` seconds is stopped and named."""
    from .extract.nlp import parse
    ex = extractor(model)
    out: list[Extracted] = []
    while len(out) < len(articles):
        rest = articles[len(out):]
        docs = parse(ex.nlp, [a.body for a in rest])
        for article in rest:
            try:
                with time_limit(limit_s):
                    out.append(Extracted(article, ex.from_doc(article, next(docs))))
            except GeneratorError as exc:
                out.append(Extracted(article, error=str(exc)))
            except TimeLimit:
                out.append(Extracted(article, error=f"{article.path}: extraction took over {limit_s} s and was "
                                                    f"stopped; split the article, or raise --task-timeout"))
                break       # the parser's batch was cut short: start again after this article
            except Exception as exc:       # a bug met on this article: the others go on
                out.append(Extracted(article, error=f"{article.path}: extraction failed ({type(exc).__name__}: "
                                                    f"{exc}); this is a bug: please report it with the article"))
                break
    return out


def render_pdf(html: str, root: Path, limit_s: int = 0) -> bytes | str:
    """One PDF as bytes, or the error message; the caller writes it."""
    from .render.pdf import pdf_bytes
    try:
        with time_limit(limit_s):
            return pdf_bytes(html, root)
    except GeneratorError as exc:
        return str(exc)
    except TimeLimit:
        return f"rendering took over {limit_s} s and was stopped; shorten the briefing, or raise --task-timeout"
    except Exception as exc:               # a bug met on this briefing: the others go on
        return f"PDF rendering failed ({type(exc).__name__}: {exc}); this is a bug: please report it"


class TimeLimit(Exception):
    """A task ran past its time limit."""


@contextmanager
def time_limit(seconds: int):
    """Raise TimeLimit in this task after `seconds` (0: no limit). Signals reach only the
    main thread, so tasks on other threads (a Dask worker's) run without a limit."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise TimeLimit()
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
