"""Many viewers on one server, and on two replicas behind nginx: time to `script_finished` and memory.

For each crowd size N, N simulated viewers (benchmarks/viewers.py) open a page and change the bydel
every 2 s for a fixed time against one server on loopback; the same against hello world with one
widget. Then two app processes on one PostgreSQL store behind Debian's nginx with the sticky
sessions docs/deploy/nginx.conf describes (ip_hash; each viewer from its own loopback network).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import servers, viewers

P95_TARGET_S = 1.0
# the pages viewers open, as links with the bydel in them (a newspaper links one bydel's view)
PAGES = [("", "bydel=030105"), ("bosetting", "bydel=030101"), ("overgang", "bydel=030105"), ("landbakgrunn", "bydel=030112")]
NGINX = "/usr/sbin/nginx"


@dataclass
class Level:
    """One crowd against one server (or pair of replicas)."""

    viewers: int
    requests: int
    p50_s: float
    p95_s: float
    errors: int
    rss_mb: float  # the server's (or replicas' summed) resident memory at its highest while the viewers were there
    first_error: str = ""

    def holds(self) -> bool:
        return self.errors == 0 and self.p95_s <= P95_TARGET_S


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_level(url: str, pids: list[int], n: int, seconds: float, pages: list[tuple[str, str]], spread: bool = False) -> Level:
    peak = [sum(servers.rss_mb(p) for p in pids)]
    done = threading.Event()

    def sample() -> None:  # the memory while the viewers are connected (sessions end with their websocket)
        while not done.wait(0.5):
            peak.append(sum(servers.rss_mb(p) for p in pids))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        tallies = viewers.crowd(url, n, seconds, pages=pages, spread_addresses=spread)
    finally:
        done.set()
        sampler.join()
    times = [s for t in tallies for s in t.seconds]
    errors = [e for t in tallies for e in t.errors]
    return Level(
        viewers=n,
        requests=len(times),
        p50_s=statistics.median(times) if times else float("nan"),
        p95_s=_percentile(times, 0.95),
        errors=len(errors),
        rss_mb=max(peak),
        first_error=errors[0] if errors else "",
    )


def held(levels: list[Level]) -> int:
    """The largest crowd held at p95 ≤ 1 s without errors (0 if none)."""
    return max((lv.viewers for lv in levels if lv.holds()), default=0)


def _warm(url: str, pages: list[tuple[str, str]]) -> None:
    """One viewer first, so the crowd meets a server that has served a page (as after the first visitor)."""
    viewers.crowd(url, 1, 1.0, pages=pages)


def one_server(script: Path, env: dict[str, str], sizes: list[int], seconds: float, pages: list[tuple[str, str]]) -> dict:
    """Each crowd size against a fresh server; memory before and after a crowd gives the cost per session."""
    levels = []
    per_session: list[float] = []
    for n in sizes:
        with servers.serving(script, env) as server:
            _warm(server.url, pages)
            before = servers.rss_mb(server.pid)
            level = run_level(server.url, [server.pid], n, seconds, pages)
            levels.append(level)
            if n > 1:
                per_session.append((level.rss_mb - before) / n)
    # the largest crowd says it best: at a few viewers the noise of one allocation is as large as a session
    return {"levels": levels, "per_session_mb": per_session[-1] if per_session else float("nan")}


_NGINX_CONF = """
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream dashboard {{
        ip_hash;
{servers}
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ""      close;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://dashboard;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_read_timeout 3600s;
        }}
    }}
}}
"""


def nginx_available() -> bool:
    return Path(NGINX).exists()


@contextmanager
def balanced(script: Path, env: dict[str, str], replicas: int) -> Iterator[tuple[str, list[int]]]:
    """`replicas` app processes behind nginx (sticky by address, as docs/deploy/nginx.conf): (url, app pids)."""
    with tempfile.TemporaryDirectory() as tmp:
        started: list[servers.Server] = []
        try:
            for _ in range(replicas):
                started.append(servers.start(script, env))
            port = servers.free_port()
            upstream = "\n".join(f"        server 127.0.0.1:{s.port};" for s in started)
            conf = Path(tmp) / "nginx.conf"
            conf.write_text(_NGINX_CONF.format(folder=tmp, servers=upstream, port=port), encoding="utf-8")
            proc = subprocess.Popen(
                [NGINX, "-c", str(conf), "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            try:
                _wait_for(f"http://127.0.0.1:{port}/_stcore/health")
                yield f"http://127.0.0.1:{port}", [s.pid for s in started]
            finally:
                proc.terminate()
                proc.wait(timeout=30)
        finally:
            for s in started:
                servers.stop(s)


def _wait_for(url: str) -> None:
    import urllib.request

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nginx did not answer at {url}")


def replicas(
    script: Path, env: dict[str, str], sizes: list[int], seconds: float, pages: list[tuple[str, str]]
) -> dict[int, list[Level]]:
    """The same crowds against one and two replicas behind nginx, each viewer from its own address."""
    out: dict[int, list[Level]] = {}
    for count in (1, 2):
        levels = []
        for n in sizes:
            with balanced(script, env, count) as (url, pids):
                _warm(url, pages)
                levels.append(run_level(url, pids, n, seconds, pages, spread=True))
        out[count] = levels
    return out


def scaling(by_count: dict[int, list[Level]]) -> float:
    """How many more viewers two replicas hold at p95 ≤ 1 s than one (2.0 = twice as many).

    Where even the largest crowd is held, the p95 times at that crowd are compared instead, so the
    figure still says how much headroom the second replica adds.
    """
    one, two = held(by_count[1]), held(by_count[2])
    largest = max(lv.viewers for lv in by_count[1])
    if one and two and one == two == largest:
        return by_count[1][-1].p95_s / by_count[2][-1].p95_s
    return two / one if one else float("inf") if two else float("nan")


@contextmanager
def shared_postgres() -> Iterator[str | None]:
    """A PostgreSQL database the replicas share: on the tests' server (tests/support/postgres.py), or None."""
    from tests.support.postgres import fresh_database, server_url

    servers_ = server_url()  # OSLO_INTEGRATION_TEST_PG, else a throwaway cluster, else None
    try:
        admin = next(servers_)
        if admin is None:
            yield None
            return
        with fresh_database(admin) as db:
            from oslo_integration.store import open_store

            open_store(db)  # built from the shipped data once, as the first replica would
            yield db
    finally:
        servers_.close()  # stops a throwaway cluster


def run(base_db: str, sizes: list[int], seconds: float, replica_sizes: list[int] | None = None) -> dict:
    env = dict(os.environ, OSLO_INTEGRATION_DB=base_db)
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        hello = Path(tmp) / "hello_rerun.py"
        hello.write_text(servers.HELLO_RERUN, encoding="utf-8")
        out["ours"] = one_server(servers.OURS, env, sizes, seconds, PAGES)
        out["hello"] = one_server(hello, env, sizes, seconds, [("", "")])
    out["replicas"] = None
    if replica_sizes and nginx_available():
        with shared_postgres() as url:
            if url is not None:
                pg_env = dict(os.environ, OSLO_INTEGRATION_DB=url)
                out["replicas"] = replicas(servers.OURS, pg_env, replica_sizes, seconds, PAGES)
    return out
