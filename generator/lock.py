"""One build at a time per project.

Build, extract, render and serve take an exclusive lock on ``.briefings.lock`` in the
project folder. The operating system holds it for the process (``flock``), so a build
that is killed, or a machine that restarts, leaves no lock behind that blocks the next
one: its file remains, but the next build takes it over. Beside the lock, a small info
file says who holds it, for the message a second build prints.
"""
from __future__ import annotations

import json
import logging
import os
import socket
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from .errors import GeneratorError
from .fileio import write_atomic

log = logging.getLogger(__name__)
LOCK_NAME = ".briefings.lock"
REMIND_EVERY_S = 30


class Busy(GeneratorError):
    """Another build holds the project's lock."""


@contextmanager
def project_lock(root: Path, wait: bool = False) -> Iterator[None]:
    """Hold the project's lock for the duration; with `wait`, queue behind another build
    rather than refuse."""
    path = root / LOCK_NAME
    info = root / f"{LOCK_NAME}.info"
    lock = FileLock(path)
    try:
        if not _acquire(lock, info, wait):
            raise Busy(f"{path.name}: another build of this project is running ({_holder(info)}); "
                       f"wait for it to finish, or pass --wait to start as soon as it does")
    except OSError as exc:
        raise GeneratorError(f"{path}: cannot take the build lock ({exc.strerror}); "
                             f"make the project folder writable") from exc
    try:
        left = _read(info)
        if left and not _alive(left.get("pid", 0), left.get("host", "")):
            log.info("%s: the lock of a build that stopped without finishing (pid %s, %s) was taken over",
                     path.name, left.get("pid"), left.get("started", "?"))
        write_atomic(info, json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                       "started": datetime.now().isoformat(timespec="seconds")}))
        yield
    finally:
        info.unlink(missing_ok=True)
        lock.release()


def _acquire(lock: FileLock, info: Path, wait: bool) -> bool:
    try:
        lock.acquire(timeout=0)
        return True
    except Timeout:
        if not wait:
            return False
    log.info("waiting for the build that is running (%s) to finish", _holder(info))
    while True:
        try:
            lock.acquire(timeout=REMIND_EVERY_S)
            return True
        except Timeout:
            log.info("still waiting for the running build (%s)", _holder(info))


def _read(info: Path) -> dict:
    try:
        data = json.loads(info.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _holder(info: Path) -> str:
    data = _read(info)
    if not data:
        return "started moments ago"
    return f"pid {data.get('pid', '?')}, started {data.get('started', '?')}"


def _alive(pid: int, host: str) -> bool:
    if host and host != socket.gethostname():
        return True                     # another machine's build: assume it is running
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, ValueError, TypeError):
        return False
    except PermissionError:
        return True
    return True
