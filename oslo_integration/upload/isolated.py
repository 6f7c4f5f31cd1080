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

import os
import pickle
import subprocess
import sys
import threading

from ..errors import InputRefused, Problem
from ..forking import SINGLE_THREADED, ChildProcess, fork_server
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
        context = fork_server()
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


def _forked(context, payload: bytes, seconds: float) -> bytes | str | None:
    """The child's pickled answer, "timeout", or None (it died: out of memory)."""
    from .reader_process import read_forked

    receive, send = context.Pipe(duplex=False)
    # the fork server's environment is that of its start: the child takes the server's as it is now (limits, …)
    child = ChildProcess(target=read_forked, args=(send, payload, dict(os.environ)), daemon=True)
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
    env = dict(os.environ, **SINGLE_THREADED)
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
