"""Simulated viewers: websocket clients that speak Streamlit's own protocol, not browsers.

A viewer opens the websocket a browser tab opens (`/_stcore/stream`), asks for a page as the
frontend does (a BackMsg `rerun_script` with the page and the link's query string), then changes
the bydel selection every few seconds by sending the widget's new state, as a click in the sidebar
does. Each request is timed from the BackMsg sent to the ForwardMsg `script_finished` received.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

WIDGET_KEY = "w_bydeler"  # the sidebar's bydel choice (the hello world and reference apps use the same key)
CHOICES = [["Frogner"], ["Alna"], ["Sagene"], ["Grorud"], ["Frogner", "Alna"]]
TIMEOUT_S = 60.0


@dataclass
class Tally:
    """What one viewer saw: seconds per request, and what went wrong."""

    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _rerun(page: str, query: str, widget_id: str | None = None, value: list[str] | None = None) -> bytes:
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_name = page
    if widget_id is not None:
        widget = state.widget_states.widgets.add()
        widget.id = widget_id
        widget.string_array_value.data.extend(value or [])
    return msg.SerializeToString()


def _widget_id(msg: ForwardMsg, key: str) -> str | None:
    """The id of the widget with user key `key`, if this message draws it (ids end with the key)."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return None
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    widget = getattr(element, kind, None) if kind else None
    wid = getattr(widget, "id", "") if widget is not None else ""
    return wid if isinstance(wid, str) and wid.endswith(key) else None


async def _until_finished(ws, key: str, found: dict[str, str]) -> str | None:
    """Read ForwardMsgs until the script run is over; an error text, or None when it ended well."""
    error = None
    while True:
        raw = await asyncio.wait_for(ws.recv(), TIMEOUT_S)
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        wid = _widget_id(msg, key)
        if wid:
            found[key] = wid
        if kind == "delta" and msg.delta.new_element.WhichOneof("type") == "exception":
            error = "exception: " + msg.delta.new_element.exception.message[:200]
        if kind == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
            if status == "FINISHED_SUCCESSFULLY":
                return error
            if status != "FINISHED_EARLY_FOR_RERUN":
                return error or status


async def viewer(
    url: str, page: str, query: str, seconds: float, every: float, rng: random.Random, local_addr: str | None = None
) -> Tally:
    """One viewer: open `page`, then change the bydel every `every` seconds until `seconds` have passed."""
    tally = Tally()
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    found: dict[str, str] = {}
    end = time.monotonic() + seconds
    try:
        async with connect(
            ws_url,
            subprotocols=["streamlit"],
            origin=url,
            max_size=None,
            open_timeout=TIMEOUT_S,
            local_addr=(local_addr, 0) if local_addr else None,
        ) as ws:
            start = time.perf_counter()
            await ws.send(_rerun(page, query))
            error = await _until_finished(ws, WIDGET_KEY, found)
            tally.seconds.append(time.perf_counter() - start)
            if error:
                tally.errors.append(error)
            if WIDGET_KEY not in found:
                tally.errors.append("no bydel widget on the page")
                return tally
            n = 0
            while time.monotonic() + every < end:
                await asyncio.sleep(every * rng.uniform(0.8, 1.2))
                n += 1
                start = time.perf_counter()
                await ws.send(_rerun(page, query, found[WIDGET_KEY], CHOICES[n % len(CHOICES)]))
                error = await _until_finished(ws, WIDGET_KEY, found)
                tally.seconds.append(time.perf_counter() - start)
                if error:
                    tally.errors.append(error)
    except Exception as exc:  # a closed websocket and the like: counted, never the end of the benchmark
        tally.errors.append(f"{type(exc).__name__}: {exc}"[:200])
    return tally


def crowd(
    url: str,
    n: int,
    seconds: float,
    every: float = 2.0,
    pages: list[tuple[str, str]] | None = None,
    spread_addresses: bool = False,
) -> list[Tally]:
    """`n` viewers at once, arriving within the first `every` seconds (a link shared in a newspaper).

    With `spread_addresses` each viewer comes from its own loopback network (127.0.k.1), so a load
    balancer that keeps a visitor on one replica by address (nginx ip_hash) spreads them as it would
    spread real visitors.
    """
    pages = pages or [("", "")]
    rng = random.Random(n)

    async def one(i: int) -> Tally:
        await asyncio.sleep(rng.uniform(0, every))
        page, query = pages[i % len(pages)]
        address = f"127.0.{i % 250 + 1}.1" if spread_addresses else None
        return await viewer(url, page, query, seconds, every, random.Random(i), address)

    async def everyone() -> list[Tally]:
        return list(await asyncio.gather(*(one(i) for i in range(n))))

    return asyncio.run(everyone())
