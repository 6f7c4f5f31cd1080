"""The child side of isolated.py: limit this process's memory, read one file, answer on stdout.

Run as `python -m oslo_integration.upload.reader_process` with a pickle (data, name, fallback bydel,
memory bytes, synonyms) on stdin; answers a pickle ("ok", Normalised) or ("refused", [Problem, …]).
"""

from __future__ import annotations

import pickle
import resource
import sys


def _data_size() -> int:
    """This process's data segment now (VmData), in bytes: what the limit is counted on top of."""
    with open("/proc/self/status") as fh:
        line = next(line for line in fh if line.startswith("VmData:"))
    return int(line.split()[1]) * 1024


def main() -> int:
    data, file_name, fallback_bydel, memory, synonyms = pickle.loads(sys.stdin.buffer.read())
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
        return 3
    except Exception as exc:  # a file we did not foresee: a message, not a crash
        answer = ("refused", [Problem(file_name, "", "", f"Filen kunne ikke leses ({type(exc).__name__}). Er den skadet?")])
    sys.stdout.buffer.write(pickle.dumps(answer))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
