"""Where per-article work runs: here, in a local process pool, or on a Dask cluster.

The one extension point for execution. Every executor maps a picklable function over
items and yields the results in input order, so output is identical whatever runs it.
Worker processes load the language model once (``initializer``) and keep it.
"""
from __future__ import annotations

import logging
import signal
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator

from .errors import GeneratorError

log = logging.getLogger(__name__)
ABORT_WAIT_S = 30      #: most seconds an abort waits for the workers' tasks in hand and the pool's thread
# Pools not yet closed or aborted, held here so that none is garbage-collected while it runs
# (its thread then shuts it down on its own, racing Python's exit handler): `abort_all`.
_OPEN: set[ProcessPoolExecutor] = set()


class Serial:
    """In this process: the cheapest for a handful of items."""

    def __init__(self, initializer: Callable | None = None, initargs: tuple = ()):
        if initializer:
            initializer(*initargs)

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        return map(fn, items)

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass


class Processes:
    """A local pool of worker processes, one per core by default.

    Workers ignore Ctrl-C: the terminal sends it to every process of the build, and only
    the main one should answer (with one line, after stopping the workers, `abort`).
    SIGINT stays blocked from the moment the workers are forked until they ignore it, so
    that an interrupt while they start cannot print a worker's traceback."""

    def __init__(self, jobs: int, initializer: Callable | None = None, initargs: tuple = ()):
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.pool = ProcessPoolExecutor(jobs, initializer=_ignore_interrupts,
                                            initargs=(initializer, initargs))
            _OPEN.add(self.pool)
            self.pool.submit(int).result()     # forks every worker now, with SIGINT blocked
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        return self.pool.map(fn, items)

    def close(self) -> None:
        self.pool.shutdown()
        _OPEN.discard(self.pool)

    def abort(self) -> None:
        """Stop now (Ctrl-C, or an error in this process): queued work is dropped, and the
        workers end after the task in hand; they write nothing, so nothing is left
        half-written. They are not killed: one killed while it sends its result leaves the
        pool's thread waiting for the rest of it, and the exit with it.

        The pool's thread is waited for (briefly): it closes its pipes once the workers are
        gone, and doing that while Python's exit handler writes to them prints an
        "Exception ignored" traceback."""
        _abort(self.pool)


def _abort(pool: ProcessPoolExecutor) -> None:
    manager = pool._executor_manager_thread     # no public handle; shutdown forgets it
    pool.shutdown(wait=False, cancel_futures=True)
    if manager is not None:
        manager.join(timeout=ABORT_WAIT_S)
    _OPEN.discard(pool)


def abort_all() -> None:
    """Abort every pool still open: the last step before the process exits, wherever a
    Ctrl-C or an error left one (while its workers started, or in a stage's caller)."""
    for pool in list(_OPEN):
        _abort(pool)


def _ignore_interrupts(initializer: Callable | None, initargs: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if initializer:
        initializer(*initargs)


class Dask:
    """An existing Dask distributed cluster (``--scheduler tcp://HOST:PORT``).

    Workers need this package installed (``pip install .[distributed]``); they return
    results, and only this process writes files.
    """

    def __init__(self, address: str, initializer: Callable | None = None, initargs: tuple = ()):
        try:
            from dask.distributed import Client
        except ImportError as exc:
            raise GeneratorError("--scheduler needs Dask: pip install '.[distributed]'") from exc
        try:
            self.client = Client(address, timeout="10s")
        except OSError as exc:
            raise GeneratorError(f"cannot reach the Dask scheduler at {address} ({exc}); "
                                 f"start it or check --scheduler") from exc
        if initializer:
            self.client.run(initializer, *initargs)

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        futures = self.client.map(fn, list(items), pure=False)
        for future in futures:          # in input order, as they complete
            yield future.result()

    def close(self) -> None:
        self.client.close()

    def abort(self) -> None:
        self.client.close()


def executor(jobs: int, scheduler: str, count: int, initializer: Callable | None = None,
             initargs: tuple = (), parallel_min: int = 2):
    """The executor for `count` tasks: Dask when a scheduler is named, else a process
    pool when there is more than one core and enough work, else this process."""
    if scheduler:
        return Dask(scheduler, initializer, initargs)
    if jobs > 1 and count >= parallel_min:
        return Processes(min(jobs, count), initializer, initargs)
    return Serial(initializer, initargs)
