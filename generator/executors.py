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
            self.pool.submit(int).result()     # forks every worker now, with SIGINT blocked
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        return self.pool.map(fn, items)

    def close(self) -> None:
        self.pool.shutdown()

    def abort(self) -> None:
        """Stop now (Ctrl-C, or an error in this process): queued work is dropped and the
        workers are ended; they write nothing, so nothing is left half-written."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in list((self.pool._processes or {}).values()):   # no public way to end them
            process.terminate()


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
