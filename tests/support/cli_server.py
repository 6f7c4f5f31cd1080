"""A fork server for the tests that run the command line: one Python with it loaded, each run a fork of that.

Run as `python -m tests.support.cli_server`; tests/support/cli.py starts one per test process. A new
Python spends about a third of a second importing the command line (Polars, DuckDB) before it does
anything, and the tests run the command line about a hundred times. The forked child is still the
command line as a user runs it: a process of its own, with the environment, working folder, stdin,
stdout and stderr given, the exit code `main` returns (or argparse's), and a traceback and code 1
for anything that escapes it.

Protocol: one JSON request per line on stdin, one JSON reply per line on stdout ({"code": …} when
the child has ended). The child stays in the server's process group, so killing that ends both.
"""

from __future__ import annotations

import json
import os
import sys
import traceback

import duckdb  # noqa: F401  (loaded here once: the command line opens the store on most runs)

from oslo_integration.cli import main

_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM) in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        hwm = next(line for line in status if line.startswith("VmHWM"))
    return int(hwm.split()[1]) / 1024


def _exit_code(exc: SystemExit) -> int:
    """What Python itself would exit with (a message is printed, as Python does)."""
    if exc.code is None or isinstance(exc.code, int):
        return exc.code or 0
    print(exc.code, file=sys.stderr)
    return 1


def _redirect(request: dict) -> None:
    """The child's own working folder, environment, stdin, stdout and stderr."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    for fd, path, flags in ((0, request["stdin"], os.O_RDONLY), (1, request["stdout"], _WRITE), (2, request["stderr"], _WRITE)):
        opened = os.open(path, flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 (the process's own, for its life)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115


def _run(args: list[str]) -> int:
    """`python -m oslo_integration ARGS`'s exit code."""
    sys.argv = ["oslo_integration", *args]
    try:
        return main(args) or 0
    except SystemExit as exc:
        return _exit_code(exc)
    except BaseException:
        traceback.print_exc()
        return 1


def _child(request: dict) -> None:
    """Becomes the command line of the request; never returns."""
    code = 1
    try:
        _redirect(request)
        code = _run(request["args"])
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            with open(request["peak"], "w", encoding="ascii") as peak:
                peak.write(f"{_peak_mb():.1f}")
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve() -> None:
    for line in sys.stdin.buffer:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"code": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    serve()
