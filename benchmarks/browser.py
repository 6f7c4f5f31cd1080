"""What a person in Chromium waits for: a page from a link, a menu click, a sidebar change, the Kart tab,
a click on a bydel in the map.

Playwright drives Debian's Chromium against three servers on loopback: ours, the plain reference app
(benchmarks/reference_app.py) and hello world with one sidebar widget. Each action is timed in turns
on the apps that have it. «Fully drawn» is measured in the page: every chart, table and map canvas is
present, the script run is over, and nothing in the document has changed for QUIET_MS; the time is
that of the last change, counted from the navigation (a link) or from the click. A link is opened as a first-time reader opens it: in a fresh browser
context, with nothing cached; the clicks are one reader's, in one context.
"""

from __future__ import annotations

import math
import os
import statistics
import tempfile
import time
from pathlib import Path

from . import servers
from .memory import CHROMIUM, CHROMIUM_ARGS, SCRIPT_DONE

PAGES = ["oversikt", "bosetting", "landbakgrunn", "introduksjonsprogrammet", "overgang", "kart", "om-dataene"]
QUIET_MS = 600
CLICK_LOST_S = 10
QUERY = "?bydel=030105"
FIRST_VISIT_AFTER_S = 2.0  # a server (re)started, and its first reader a moment later

# Set before any script of the page runs: the time of the last change to the document.
_WATCH = """
window.__lastChange = performance.now();
new MutationObserver(() => { window.__lastChange = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""

# True once the page is fully drawn and has been still for the quiet time.
_DRAWN = """
({quiet, since, done}) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== done) return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || !main.innerText.trim()) return false;
  const shown = (sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null);  // not in a closed tab
  if (shown('.vega-embed').some(c => !c.querySelector('canvas, svg'))) return false;
  if (shown('[data-testid="stDeckGlJsonChart"]').some(d => !d.querySelector('canvas'))) return false;
  if (shown('[data-testid="stDataFrame"]').some(f => !f.querySelector('canvas, table'))) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  return window.__lastChange > since && performance.now() - window.__lastChange > quiet;
}
"""


def _settled(page, since: float) -> float:
    """Seconds from `since` (performance.now() in the page) to the last change before the page fell still."""
    page.wait_for_function(_DRAWN, arg={"quiet": QUIET_MS, "since": since, "done": SCRIPT_DONE}, timeout=120_000, polling=50)
    return (page.evaluate("window.__lastChange") - since) / 1000


def open_link(browser, url: str) -> float:
    """A link opened by a first-time reader: a fresh browser context (nothing cached), to fully drawn."""
    context = _context(browser)
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        return _settled(page, 0.0)
    finally:
        context.close()


def _context(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.add_init_script(_WATCH)
    return context


def _now(page) -> float:
    return page.evaluate("performance.now()")


def _in_front(page) -> None:
    """The page the reader looks at. Pages of one context that are not in front redraw late in headless
    Chromium (a hello-world rerun 0.47 s behind, 0.13 s in front, while all say they are visible), so the app
    whose page happened to be opened last was timed fast and the others slow."""
    page.bring_to_front()


def click_menu(page, path: str) -> float:
    _in_front(page)
    link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').first
    since = _now(page)
    link.click()
    return _settled(page, since)


def change_bydel(page, add: bool) -> float:
    """Add «Alna» to the sidebar's bydel choice, or take the last one away again: one rerun either way."""
    _in_front(page)
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input').first
    box.click()
    since = _now(page)
    if add:
        box.fill("Alna")
        box.press("Enter")
    else:
        box.press("Backspace")
    page.keyboard.press("Escape")
    return _settled(page, since)


def open_map_tab(page) -> float:
    _in_front(page)
    tab = page.get_by_role("tab", name="Kart").first
    since = _now(page)
    tab.click()
    return _settled(page, since)


def map_pixel(bydel_nr: str, box: dict) -> tuple[float, float]:
    """Where a bydel's label point is on the Kart page's map canvas (`box`, as Playwright gives it): web
    Mercator at deck.gl's 512 px tiles, around the map's centre at the page's zoom."""
    from oslo_integration import maps

    lon, lat = maps.label_points()[bydel_nr]
    lat0, lon0 = maps.CENTRE
    scale = 512 * 2**maps.ZOOM_PAGE

    def merc(phi: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(phi) / 2))

    dx = (lon - lon0) / 360 * scale
    dy = (merc(lat0) - merc(lat)) / (2 * math.pi) * scale
    return box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy


def click_map(page, bydel_nr: str, name: str) -> float | None:
    """A mouse user choosing a bydel on the Kart page's map: the pointer rests on it until its tooltip
    shows (deck.gl has then picked there once), then a real click. Seconds from the click to the page
    redrawn with that bydel chosen, or None when the click was lost (no choice within CLICK_LOST_S)."""
    _in_front(page)
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    x, y = map_pixel(bydel_nr, canvas.bounding_box())
    tip = page.locator(".deck-tooltip").filter(has_text=name)
    for step in range(60):  # the map draws after the page: move until deck.gl answers the hover
        page.mouse.move(x + step % 2, y)
        try:
            tip.wait_for(state="visible", timeout=500)
            break
        except Exception:  # noqa: BLE001 – Playwright's timeout: not drawn yet, move again
            continue
    since = _now(page)
    page.mouse.click(x, y)
    try:
        page.wait_for_function(f"location.search.includes('bydel={bydel_nr}')", timeout=CLICK_LOST_S * 1000)
    except Exception:  # noqa: BLE001 – Playwright's timeout: the click was not taken as a click
        return None
    return _settled(page, since)


def _opened(context, url: str):
    page = context.new_page()
    page.goto(url, wait_until="commit")
    _settled(page, 0.0)
    return page


def first_visits(browser, env: dict[str, str], hello_script: Path, rounds: int) -> dict[str, list[float]]:
    """A link opened by the first reader after a server starts (FIRST_VISIT_AFTER_S after it answers):
    ours started as the README says (with its warm-up), ours by a bare `streamlit run app.py`, and
    hello world, in turns; each on a new server."""
    sides = (
        ("ours", servers.OURS, True, f"/bosetting{QUERY}"),
        ("ours_unwarmed", servers.OURS, False, f"/bosetting{QUERY}"),
        ("hello", hello_script, False, "/"),
    )
    times: dict[str, list[float]] = {}
    for _ in range(rounds):
        for name, script, warm, path in sides:
            with servers.serving(script, env, warm=warm) as server:
                time.sleep(FIRST_VISIT_AFTER_S)
                times.setdefault(f"{name}:first_visit", []).append(open_link(browser, server.url + path))
    return times


def run(db: str, rounds: int = 3, pages: list[str] = PAGES) -> dict[str, float]:
    """Medians (s) of every action on each app that has it, timed in turns, and the three ratios."""
    from playwright.sync_api import sync_playwright

    env = dict(os.environ, OSLO_INTEGRATION_DB=db)
    times: dict[str, list[float]] = {}
    lost = 0  # map clicks that selected nothing

    def note(name: str, seconds: float) -> None:
        times.setdefault(name, []).append(seconds)

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        hello_script = Path(tmp) / "hello_rerun.py"
        hello_script.write_text(servers.HELLO_RERUN, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with (
            servers.serving(servers.OURS, env) as ours,
            servers.serving(servers.ROOT / "benchmarks" / "reference_app.py", env) as plain,
            servers.serving(hello_script, env) as hello,
        ):
            for app in (ours, plain, hello):  # each server has served a first visitor before the clock runs
                open_link(browser, app.url + "/" + QUERY)
            for _ in range(rounds):
                note("hello:open", open_link(browser, hello.url + "/"))
                for path in pages:
                    note(f"ours:open:{path}", open_link(browser, f"{ours.url}/{path}{QUERY}"))
                    note(f"plain:open:{path}", open_link(browser, f"{plain.url}/{path}"))
            context = _context(browser)  # one reader clicking about: menu, sidebar and tabs
            sides = {
                "ours": _opened(context, f"{ours.url}/bosetting{QUERY}"),
                "plain": _opened(context, f"{plain.url}/bosetting"),
            }
            sides["hello"] = _opened(context, hello.url + "/")
            for r in range(rounds * 2):
                for name, page in sides.items():
                    note(f"{name}:rerun", change_bydel(page, add=r % 2 == 0))
            for _ in range(rounds):
                for name in ("ours", "plain"):
                    page = sides[name]
                    for path in pages[1:] + pages[:1]:
                        note(f"{name}:menu:{path}", click_menu(page, path))
            for _ in range(rounds):
                for name, url in (("ours", f"{ours.url}/bosetting{QUERY}"), ("plain", f"{plain.url}/bosetting")):
                    page = _opened(context, url)
                    note(f"{name}:kart_tab", open_map_tab(page))
                    page.close()
            for _ in range(rounds):  # only ours selects by a click on the map
                page = _opened(context, f"{ours.url}/kart{QUERY}")
                seconds = click_map(page, "030113", "Østensjø")
                if seconds is None:
                    lost += 1
                else:
                    note("ours:map_click", seconds)
                page.close()
            context.close()
        times |= first_visits(browser, env, hello_script, rounds)
        browser.close()
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    medians["ours:map_clicks_lost"] = lost
    ours_open = statistics.median([v for k, v in medians.items() if k.startswith("ours:open:")])
    plain_open = statistics.median([v for k, v in medians.items() if k.startswith("plain:open:")])
    medians |= {
        "ours:open": ours_open,
        "plain:open": plain_open,
        "ours:menu": statistics.median([v for k, v in medians.items() if k.startswith("ours:menu:")]),
        "plain:menu": statistics.median([v for k, v in medians.items() if k.startswith("plain:menu:")]),
        "browser_rerun_ratio": medians["ours:rerun"] / medians["hello:rerun"],
        "browser_plain_ratio": medians["ours:rerun"] / medians["plain:rerun"],
        "browser_open_ratio": ours_open / medians["hello:open"],
    }
    return medians
