"""Reading an uploaded file in a process of its own, with a memory and a time limit.

The readers refuse every oversized file we know of before allocating for it; this is the second
wall, for the files we do not know of. The server never parses an upload itself: a child forked
from a clean fork server (or, where there is none, a new Python) reads it with RLIMIT_DATA set and
a deadline, and hands back the result (or the refusal). If the child dies or overruns, the uploader
gets a Norwegian message and the server goes on.

Limits: OSLO_INTEGRATION_READ_MB (default 512: what reading one file may add to the reader's own
footprint) and OSLO_INTEGRATION_READ_SECONDS (default 30).
"""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
import subprocess
import sys
import threading
from functools import cache
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.context import ForkServerProcess, set_spawning_popen

from ..errors import InputRefused, Problem
from ..normalise import Normalised
from ..read.limits import env_number
from ..vocab import Synonym

READ_MB_ENV = "OSLO_INTEGRATION_READ_MB"
READ_SECONDS_ENV = "OSLO_INTEGRATION_READ_SECONDS"
DEFAULT_READ_MB = 512
DEFAULT_READ_SECONDS = 30.0
MAX_PARALLEL_READS = 2  # this machine has two cores; more readers at once only queue for them
_SLOTS = threading.BoundedSemaphore(MAX_PARALLEL_READS)


def read_limits() -> tuple[int, float]:
    """(bytes of memory, seconds) one read may use."""
    return int(env_number(READ_MB_ENV, DEFAULT_READ_MB) * 1024 * 1024), env_number(READ_SECONDS_ENV, DEFAULT_READ_SECONDS)


def _refused(file_name: str, message: str) -> InputRefused:
    return InputRefused([Problem(file_name, "", "", message)])


def normalise_isolated(
    data: bytes, file_name: str, *, fallback_bydel: str | None = None, synonyms: tuple[Synonym, ...] = ()
) -> Normalised:
    """normalise_bytes in a child process: the figures, or InputRefused (also for a child that died or overran)."""
    memory, seconds = read_limits()
    payload = pickle.dumps((data, file_name, fallback_bydel, memory, tuple(synonyms)))
    with _SLOTS:
        context = _fork_server()
        answer = _forked(context, payload, seconds) if context is not None else _subprocess(payload, seconds)
    if answer == "timeout":
        raise _refused(
            file_name,
            f"Filen tok for lang tid å lese (mer enn {seconds:.0f} sekunder) og ble stoppet. Del den opp i mindre filer, "
            "eller lagre den på nytt som .xlsx med bare tabellene.",
        )
    if answer is None:
        raise _refused(
            file_name,
            "Filen krevde mer minne enn en opplasting får bruke og ble stoppet. Del den opp i mindre filer, "
            "eller lagre den på nytt som .xlsx med bare tabellene.",
        )
    kind, result = pickle.loads(answer)  # our own child's answer, not the uploader's bytes
    if kind == "refused":
        raise InputRefused(result)
    return result


@cache
def _fork_server():
    """Linux's fork server, started once with the readers loaded: each read is then a fork of a clean process
    (no threads, no server state), in milliseconds instead of a new Python's second of imports."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["oslo_integration.upload.reader_process", "oslo_integration.normalise"])
    return context


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


class _ReaderProcess(ForkServerProcess):
    @staticmethod
    def _Popen(process_obj):  # noqa: N802 (multiprocessing's name)
        return _WithoutMain(process_obj)


def _forked(context, payload: bytes, seconds: float) -> bytes | str | None:
    """The child's pickled answer, "timeout", or None (it died: out of memory)."""
    from .reader_process import read_forked

    receive, send = context.Pipe(duplex=False)
    # the fork server's environment is that of its start: the child takes the server's as it is now (limits, …)
    child = _ReaderProcess(target=read_forked, args=(send, payload, dict(os.environ)), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            return "timeout"
        return receive.recv_bytes()
    except EOFError:  # the child ended without answering
        return None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()


def _subprocess(payload: bytes, seconds: float) -> bytes | str | None:
    env = dict(os.environ, POLARS_MAX_THREADS="1", RAYON_NUM_THREADS="1")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "oslo_integration.upload.reader_process"],
            input=payload,
            capture_output=True,
            timeout=seconds,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    return done.stdout if done.returncode == 0 and done.stdout else None
