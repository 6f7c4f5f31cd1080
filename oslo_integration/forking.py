"""Children forked from Linux's fork server, for reading files outside the process that asked.

The fork server is started once, with the readers loaded, so a child is a fork of a clean process (no
threads, no server state) in milliseconds instead of a new Python's second of imports. Uploads are read
in such a child with a memory and a time limit (upload/isolated.py); a bulk import spreads its files
over several (normalise/parallel.py).
"""

from __future__ import annotations

import io
import multiprocessing
import os
from functools import cache
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.context import ForkServerContext, ForkServerProcess, set_spawning_popen

# One list for every user of the fork server: it is read once, when the server starts.
PRELOAD = ["oslo_integration.upload.reader_process", "oslo_integration.normalise"]
# A reading child's Polars runs on one thread: the children are the parallelism (read before its pool first starts).
SINGLE_THREADED = {"POLARS_MAX_THREADS": "1", "RAYON_NUM_THREADS": "1"}


def single_threaded() -> None:
    """In a child, before Polars first starts its pool: SINGLE_THREADED into this process's environment."""
    os.environ.update(SINGLE_THREADED)


class _WithoutMain(popen_forkserver.Popen):
    """popen_forkserver.Popen._launch, less the keys that make the child import the parent's __main__.

    In a Streamlit server that __main__ is the page script the running session put there (app.py):
    the child would run the app. The reader needs nothing of it.
    """

    def _launch(self, process_obj) -> None:
        data = spawn.get_preparation_data(process_obj._name)
        prep = {k: v for k, v in data.items() if not k.startswith("init_main")}
        buf = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep, buf)
            reduction.dump(process_obj, buf)
        finally:
            set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class ChildProcess(ForkServerProcess):
    """A process forked from the fork server that does not run the parent's __main__."""

    @staticmethod
    def _Popen(process_obj):  # noqa: N802 (multiprocessing's name)
        return _WithoutMain(process_obj)


class _Context(ForkServerContext):
    """The fork server's context, making ChildProcess: what a ProcessPoolExecutor is given to start its workers."""

    Process = ChildProcess


@cache
def fork_server() -> _Context | None:
    """The fork server's context (None where the platform has none), with the readers preloaded."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = _Context()
    context.set_forkserver_preload(PRELOAD)
    return context
