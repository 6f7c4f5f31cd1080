"""The child side of isolated.py: limit this process's memory, read one file, answer.

Two ways in: `read_forked` in a child forked from the multiprocessing fork server (which has this
module and the readers loaded already, so a read starts in milliseconds), answering on a pipe; or
`python -m oslo_integration.upload.reader_process` with the pickle on stdin, answering on stdout.
The request is a pickle (data, name, fallback bydel, memory bytes, synonyms); the answer is
("ok", Normalised) or ("refused", [Problem, …]).
"""

from __future__ import annotations

import os
import pickle
import resource
import sys

from ..forking import single_threaded


def _data_size() -> int:
    """This process's data segment now (VmData), in bytes: what the limit is counted on top of."""
    with open("/proc/self/status") as fh:
        line = next(line for line in fh if line.startswith("VmData:"))
    return int(line.split()[1]) * 1024


def _answer(request: bytes) -> tuple[str, object] | None:
    """The answer to one request, or None when reading ran out of the memory it was allowed."""
    data, file_name, fallback_bydel, memory, synonyms = pickle.loads(request)
    import fastexcel  # noqa: F401  (the readers and their libraries are loaded first: the limit is for the file)

    from ..errors import InputRefused, Problem
    from ..normalise import normalise_bytes

    limit = _data_size() + memory
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))  # before any of the file is parsed

    try:
        answer = ("ok", normalise_bytes(data, file_name, fallback_bydel=fallback_bydel, synonyms=synonyms))
    except InputRefused as exc:
        answer = ("refused", exc.problems)
    except MemoryError:
        return None
    except Exception as exc:  # a file we did not foresee: a message, not a crash
        answer = ("refused", [Problem(file_name, "", "", f"Filen kunne ikke leses ({type(exc).__name__}). Er den skadet?")])
    return answer


def read_forked(connection, request: bytes, environment: dict[str, str]) -> None:
    """In a child of the fork server: answer on the pipe, or end with code 3 when memory ran out."""
    os.environ.clear()
    os.environ.update(environment)
    single_threaded()
    answer = _answer(request)
    if answer is None:
        os._exit(3)
    connection.send_bytes(pickle.dumps(answer))
    connection.close()


def main() -> int:
    answer = _answer(sys.stdin.buffer.read())
    if answer is None:
        return 3
    sys.stdout.buffer.write(pickle.dumps(answer))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
