"""The command line: parses options, sets up logging, calls one stage function.

Errors the user can fix are printed as one line each, never as a traceback
(``-v`` shows tracebacks); the exit status is 1 when anything failed.
"""
from __future__ import annotations

import contextlib
import logging
import signal
import sys
from pathlib import Path

import click

from . import __version__
from .config import MARKINGS, Config
from .errors import GeneratorError
from .executors import abort_all

log = logging.getLogger("generator")


class CountingHandler(logging.StreamHandler):
    """Prints records as 'LEVEL: message' (errors and warnings) or plain (info)."""

    def format(self, record):
        msg = record.getMessage()
        if record.exc_info and logging.getLogger().isEnabledFor(logging.DEBUG):
            msg += "\n" + logging.Formatter().formatException(record.exc_info)
        return msg if record.levelno == logging.INFO else f"{record.levelname}: {msg}"


def _setup_logging(verbose: bool) -> None:
    handler = CountingHandler(sys.stderr)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("fontTools", "weasyprint", "PIL", "urllib3", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    logging.getLogger("mkdocs").setLevel(logging.INFO if verbose else logging.WARNING)


def path_options(f):
    options = [
        click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
                     show_default=True, help="Project folder."),
        click.option("--seeds", type=click.Path(path_type=Path), help="Articles folder [default: ROOT/seeds]."),
        click.option("--briefings", type=click.Path(path_type=Path), help="Briefings folder [default: ROOT/briefings]."),
        click.option("--templates", type=click.Path(path_type=Path), help="Templates folder [default: ROOT/templates]."),
        click.option("--docs", type=click.Path(path_type=Path), help="Generated pages and PDFs [default: ROOT/build/docs]."),
        click.option("--site", type=click.Path(path_type=Path), help="Built site [default: ROOT/site]."),
        click.option("--mkdocs-yml", type=click.Path(path_type=Path), help="MkDocs configuration [default: ROOT/mkdocs.yml]."),
        click.option("--model", default="", help="spaCy pipeline name or folder [default: the shipped model]."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: all cores]."),
        click.option("--scheduler", default="", metavar="tcp://HOST:PORT",
                     help="Run extraction and PDFs on this Dask cluster (needs '.[distributed]')."),
        click.option("--marking", type=click.Choice(MARKINGS), default="TLP:CLEAR", show_default=True,
                     help="TLP 2.0 handling marking on the PDF briefs."),
        click.option("--paper", type=click.Choice(["A4", "letter"]), default="A4", show_default=True,
                     help="PDF paper size."),
        click.option("--pdf/--no-pdf", default=True, show_default=True,
                     help="Render the PDF briefs and monthly digests (--no-pdf: pages and site only)."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=2_000_000, show_default=True,
                     help="Refuse article files larger than this."),
        click.option("--task-timeout", type=click.IntRange(min=0), default=300, show_default=True,
                     help="Stop one article's extraction or one PDF after this many seconds (0: no limit)."),
        click.option("--strict", is_flag=True, help="Fail on warnings too."),
        click.option("--force", is_flag=True, help="Redo every stage even when nothing changed."),
        click.option("--wait", is_flag=True, help="If another build of the project is running, wait for it "
                                                   "rather than stop."),
        click.option("--verbose", "-v", is_flag=True, help="Show details and tracebacks."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _config(kwargs) -> Config:
    _setup_logging(kwargs.pop("verbose"))
    kwargs.pop("wait", None)
    if kwargs.get("jobs") is None:
        kwargs.pop("jobs")
    return Config(**kwargs)


def _finish(report, strict: bool) -> None:
    log.info(report.summary())
    sys.exit(1 if report.failed(strict) else 0)


def _run_stage(name: str, kwargs) -> None:
    """Run one pipeline function (build, extract, render) under the project's lock and
    exit with its status."""
    from . import pipeline
    wait = kwargs.get("wait", False)
    config = _config(kwargs)
    with _locked(config, wait):
        report = _guard(getattr(pipeline, name), config, last=True)
    _finish(report, config.strict)


@contextlib.contextmanager
def _locked(config: Config, wait: bool):
    """The project's lock for the duration; a second build stops (or waits) with one line."""
    from .lock import project_lock
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(project_lock(config.root, wait))
        except GeneratorError as exc:
            log.error("%s", exc)
            sys.exit(1)
        yield


def _guard(fn, *args, last: bool = False):
    """Run one stage; its errors become one line each and exit 1, Ctrl-C one line and 130.
    With `last`, Ctrl-C is ignored once the stage returns: the outcome is decided, and an
    interrupt while Python shuts down (a second or more with the model loaded) would
    otherwise find the default action back in place and kill the finished build."""
    try:
        result = fn(*args)
        if last:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        return result
    except GeneratorError as exc:
        log.error("%s", exc, exc_info=True)
        sys.exit(1)
    except OSError as exc:
        # A folder made read-only, a full disk: one line naming the path.
        log.error("%s: %s; check that it exists, that you may write to it and that the disk has room",
                  exc.filename or "a file of the project", exc.strerror or exc, exc_info=True)
        sys.exit(1)
    except KeyboardInterrupt:
        log.error("interrupted; every file written so far is whole, and the next build carries on from here")
        _exit_interrupted()
    except Exception as exc:          # a bug: say so in one line; -v shows where
        log.error("internal error (%s: %s); this is a bug: run again with -v for the traceback and report it",
                  type(exc).__name__, exc, exc_info=True)
        sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="generator")
def cli():
    """Turn news articles into briefings and publish them as a site with PDF briefs.

    \b
    build     all stages: seeds/ → briefings/ → pages and PDFs → site/
    extract   seeds/ → briefings/ (analysts' edits are kept)
    render    briefings/ → Markdown pages and PDF briefs
    validate  check briefing files against the schema
    serve     build, then preview with live reload
    """


@cli.command()
@path_options
def build(**kwargs):
    """Extract, render and build the site: the whole pipeline."""
    _run_stage("build", kwargs)


@cli.command()
@path_options
def extract(**kwargs):
    """Write a briefing for each new or changed article in the seeds folder."""
    _run_stage("extract", kwargs)


@cli.command()
@path_options
def render(**kwargs):
    """Render the briefings into Markdown pages and PDF briefs (no site build)."""
    _run_stage("render", kwargs)


@cli.command()
@path_options
@click.option("--address", default="127.0.0.1:8000", show_default=True, help="Where to serve.")
def serve(address, **kwargs):
    """Build, then preview the site with live reload of briefings and templates."""
    from . import pipeline
    from .site import serve_site
    wait = kwargs.get("wait", False)
    config = _config(kwargs)
    with _locked(config, wait):
        report = _guard(pipeline.build, config)
        log.info(report.summary())
        _guard(serve_site, config.mkdocs_yml, config.docs, [config.briefings, config.templates], address)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--verbose", "-v", is_flag=True, help="Show details.")
def validate(paths, verbose):
    """Check briefings (default: every file in briefings/) against the schema.

    Each problem is printed as 'file: field: what is wrong'. Evidence offsets are
    checked against the article file when it can be found.
    """
    from .validation import validate_files
    _setup_logging(verbose)
    problems, count = validate_files(list(paths) or [Path("briefings")])
    for line in problems:
        click.echo(line)
    click.echo(f"{count} briefing(s) checked, {len(problems)} problem(s)", err=True)
    sys.exit(1 if problems or not count else 0)


def _exit_interrupted():
    """Exit 130 as a shell expects after Ctrl-C; another Ctrl-C (or the same one reaching
    a thread late) while the interpreter shuts down changes neither the status nor the
    one line said."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(130)


class Interrupt(KeyboardInterrupt):
    """Ctrl-C, raised by our own handler rather than Python's. CPython 3.11 marks an
    exact KeyboardInterrupt that passes through a library's eval() of a string (style sheets
    and fonts are compiled that way) as unhandled, and under `python -m` then ends the
    process with SIGINT after all, even once it was caught and reported; a subclass is not
    marked."""


def _on_ctrl_c(signum, frame):
    raise Interrupt


def main():
    signal.signal(signal.SIGINT, _on_ctrl_c)
    try:
        cli.main(prog_name="python -m generator", standalone_mode=False)
    except click.exceptions.Abort:          # Ctrl-C before any stage started
        sys.stderr.write("interrupted; nothing was written\n")
        _exit_interrupted()
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    finally:
        abort_all()      # a pool that a Ctrl-C or an error left running ends before Python exits
