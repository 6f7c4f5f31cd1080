"""What a person checks on every page, at 1440 px, on a 1280×720 projector and on a 390 px phone, in
Debian's Chromium: bars that can be seen, axis labels that do not overlap, a figure on the first
screen, no «None», «0.000000» or «Deploy», one language at a time, and no WCAG 2.1 A/AA violation
found by axe-core. Screenshots of each go to test-artifacts/.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

from oslo_integration.text.strings import t
from tests.browser.test_pages_in_chromium import ARTIFACTS, PAGES, _settled

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("presentation_in_chromium")]

SIZES = {"1440": (1440, 900), "1280x720": (1280, 720), "390": (390, 844)}
CHART_PAGES = {"bosetting", "landbakgrunn", "introduksjonsprogrammet", "overgang"}
# UI words that must not appear in the other language's view
UI_KEYS = ["page_overview", "page_settlement", "page_origin", "page_intro", "page_transition", "page_about", "tab_chart",
           "tab_table", "download", "show_example", "bydeler_compare", "group", "mode_share", "mode_count", "log_in_box"]  # fmt: skip
FIGURES = "[data-testid='stVegaLiteChart'], [data-testid='stDeckGlJsonChart'] canvas, [data-testid='stMetric']"
FORBIDDEN = re.compile(r"\bNone\b|0\.000000|\bDeploy\b|\bnan\b|Traceback|Page not found")

INSPECT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const out = {text: document.body.innerText, lang: document.documentElement.lang, charts: [], overlaps: [], first: null,
               deploy: document.querySelectorAll('[data-testid="stAppDeployButton"]').length};
  // labels Vega hides to avoid overlap stay in the DOM at opacity 0: only what is drawn counts
  const shown = (e) => { for (let a = e; a && a.tagName !== 'svg'; a = a.parentElement) {
    if (a.getAttribute('opacity') === '0' || getComputedStyle(a).opacity === '0') return false; } return true; };
  const boxes = (els) => els.filter(shown).map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0);
  for (const chart of charts) {
    const svg = chart.querySelector('svg');
    if (!svg) continue;
    const bars = boxes([...svg.querySelectorAll('g.mark-rect.role-mark path')]);
    out.charts.push({label: chart.getAttribute('aria-label') || '', bars: bars.map(r => [r.width, r.height]),
                     width: svg.getBoundingClientRect().width});
    for (const axis of svg.querySelectorAll('g.role-axis')) {
      const labels = boxes([...axis.querySelectorAll('g.role-axis-label text')]);
      for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i], b = labels[j];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) out.overlaps.push(axis.textContent.slice(0, 60));
      }
    }
  }
  const figures = [...document.querySelectorAll('[data-testid="stVegaLiteChart"], [data-testid="stDeckGlJsonChart"], [data-testid="stMetric"]')];
  const tops = figures.map(f => f.getBoundingClientRect()).filter(r => r.height > 0).map(r => r.top + (main ? main.scrollTop : 0));
  out.first = tops.length ? Math.min(...tops) : null;
  return out;
}"""


def _axe_source() -> str:
    """axe-core as published on npm, through its PyPI packaging (the test extra installs it)."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def _settle(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    _settled(page)
    page.wait_for_timeout(400)  # charts draw after the script has finished


@contextlib.contextmanager
def _opened(browser, url: str, size: tuple[int, int]):
    """A new page at `size`, settled at `url`, closed afterwards whatever the test found."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    try:
        _settle(page, url)
        yield page
    finally:
        page.close()


@pytest.mark.parametrize(("size", "lang"), [("1440", "nb"), ("1280x720", "nb"), ("390", "nb"), ("1440", "en")])
@pytest.mark.parametrize("page_path", PAGES)
def test_what_a_person_checks_on_every_page(server, browser, page_path, size, lang):
    ARTIFACTS.mkdir(exist_ok=True)
    width, height = SIZES[size]
    query = "bydel=030105&aar=2024" + ("&lang=en" if lang == "en" else "")
    with _opened(browser, f"{server}/{page_path}?{query}", (width, height)) as page:
        if page_path in CHART_PAGES | {"oversikt", "kart"}:  # a busy machine draws the map canvas late
            page.wait_for_selector(FIGURES, state="visible", timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / f"{page_path}_{size}_{lang}.png"))
        # the page's own script sets it once mounted, which a busy machine does late (Streamlit's index says «en»)
        page.wait_for_function(f"() => document.documentElement.lang === {lang!r}", timeout=15_000)
        seen = page.evaluate(INSPECT)
        assert seen["lang"] == lang  # screen readers read the page with the right language's rules
        assert seen["deploy"] == 0
        found = FORBIDDEN.search(seen["text"])
        assert not found, f"«{found.group(0)}» on {page_path}"
        other = "en" if lang == "nb" else "nb"
        for key in UI_KEYS:
            word = t(key, other)
            if word != t(key, lang):
                assert not re.search(rf"(?<![\w«]){re.escape(word)}(?![\w»])", seen["text"]), (
                    f"{other} «{word}» in the {lang} view"
                )
        for chart in seen["charts"]:
            assert chart["label"], "every chart carries its own text alternative"
            if chart["bars"]:
                assert all(h >= 4 for _w, h in chart["bars"]), chart["label"][:80]
                assert max(w for w, _h in chart["bars"]) >= 0.25 * chart["width"], f"bars too thin: {chart['label'][:80]}"
        assert not seen["overlaps"], seen["overlaps"][:3]
        if page_path in CHART_PAGES | {"oversikt", "kart"}:
            assert seen["first"] is not None and seen["first"] < height, f"no figure on the first screen: {seen['first']}"
        if size == "1440":
            page.evaluate(_axe_source())
            violations = page.evaluate(
                "async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))"
                ".violations.map(v => v.id + ': ' + v.nodes.length + ' × ' + v.nodes[0].target.join(' ').slice(-80))"
            )
            assert violations == [], violations


def test_meeting_view_one_card_per_screen_and_keys_step(server, browser):
    with _opened(browser, f"{server}/overgang?bydel=030105&aar=2024&visning=m%C3%B8te", SIZES["1280x720"]) as page:
        assert not page.locator("[data-testid='stSidebar']").is_visible()
        assert page.get_by_text("Frogner · 2024").count() >= 1  # the selection is on the page, not in a menu
        cards = page.locator("[class*='st-key-card_']")
        assert cards.count() >= 2 and cards.nth(0).bounding_box()["height"] >= 0.9 * 720
        page.mouse.click(640, 30)
        for i in (0, 1):  # the first key brings the first card to the top, the next the second
            page.keyboard.press("PageDown")
            page.wait_for_timeout(400)
            top = cards.nth(i).bounding_box()["y"]
            assert abs(top) < 40, (i, top)
        page.screenshot(path=str(ARTIFACTS / "overgang_meeting_1280x720.png"))


def test_map_names_and_a_tooltip_that_stays_in_view(server, browser):
    with _opened(browser, f"{server}/kart?bydel=030105&aar=2024", SIZES["390"]) as page:
        canvas = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first
        canvas.wait_for(state="visible", timeout=30_000)
        page.wait_for_timeout(1500)
        box = canvas.bounding_box()
        for dx in (0.5, 0.8):  # the middle of the city, and near the right edge of a phone
            page.mouse.move(box["x"] + box["width"] * dx, box["y"] + box["height"] * 0.5)
            page.wait_for_timeout(500)
            tip = page.locator(".deck-tooltip")
            if tip.count() and tip.first.is_visible():
                text = tip.first.inner_text()
                assert re.search(r"\d|mangler|skjult|Ikke en bydel", text), text
                r = tip.first.bounding_box()
                assert r["x"] >= 0 and r["x"] + r["width"] <= 390 + 1, r  # never cut off by the screen
        page.screenshot(path=str(ARTIFACTS / "kart_390_tooltip.png"))


def test_the_menu_switches_language_on_the_same_click(server, browser):
    with _opened(browser, f"{server}/oversikt?bydel=030105&aar=2024", SIZES["1440"]) as page:
        nav = page.locator("[data-testid='stSidebarNav']")
        assert "Oversikt" in nav.inner_text()
        page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
        page.wait_for_function(
            "document.querySelector('[data-testid=\"stSidebarNav\"]').innerText.includes('Overview')", timeout=30_000
        )
        page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
        assert "Oversikt" not in nav.inner_text() and "Bosetting og bolig" not in nav.inner_text()
        assert page.locator("[data-testid='stMain'] h1").first.inner_text() == "Overview"
        assert page.evaluate("document.documentElement.lang") == "en"


def test_a_cards_tab_and_count_view_are_written_to_the_link(server, browser):
    with _opened(browser, f"{server}/bosetting?bydel=030105&aar=2024", SIZES["1440"]) as page:
        card = page.locator(".st-key-card_andel_kommunal_bolig")
        card.get_by_role("tab", name="Tabell").click()
        page.wait_for_function("location.search.includes('tab_andel_kommunal_bolig=Tabell')", timeout=30_000)
        card.get_by_text("Antall", exact=True).click()
        page.wait_for_function("location.search.includes('vis_andel_kommunal_bolig=Antall')", timeout=30_000)
        link = page.evaluate("location.href")
        with _opened(browser, link, SIZES["1440"]) as again:  # the link opens exactly that view
            from playwright.sync_api import expect

            card = again.locator(".st-key-card_andel_kommunal_bolig")
            expect(card.locator("[data-testid='stDataFrame']").first).to_be_visible(timeout=30_000)  # drawn late when busy
            assert card.get_by_role("tab", name="Tabell").get_attribute("aria-selected") == "true"


@pytest.mark.parametrize("width", [320, 800])
def test_the_card_alone_inside_an_iframe(server, browser, width):
    page = browser.new_page(viewport={"width": width + 40, "height": 900})
    try:
        src = f"{server}/kort?indikator=andel_arbeid_ved_avslutning&bydel=030105&aar=2024"
        page.set_content(f'<iframe src="{src}" title="Kort" width="{width}" height="700" style="border:0"></iframe>')
        frame = page.frame_locator("iframe")
        chart = frame.locator("[data-testid='stVegaLiteChart'] svg").first
        chart.wait_for(state="visible", timeout=60_000)
        page.wait_for_timeout(800)
        box = chart.bounding_box()
        assert box and box["width"] <= width and box["width"] >= 0.8 * (width - 40)  # fits the container
        assert (
            frame.locator("[data-testid='stSidebar']").count() == 0 or not frame.locator("[data-testid='stSidebar']").is_visible()
        )
        assert (
            frame.locator("[data-testid='stSidebarNav']").count() == 0
            or not frame.locator("[data-testid='stSidebarNav']").is_visible()
        )
        bars = frame.locator("[data-testid='stVegaLiteChart'] g.mark-rect.role-mark path")
        assert bars.count() >= 5
        page.screenshot(path=str(ARTIFACTS / f"kort_iframe_{width}.png"))
    finally:
        page.close()


def test_del_copies_the_link_and_shows_the_iframe_code(server, browser):
    context = browser.new_context(viewport={"width": 1440, "height": 2400}, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        _settle(page, f"{server}/bosetting?bydel=030101,030105&aar=2014")
        card = page.locator(".st-key-card_bosatt")
        card.get_by_role("button", name="Del").click()
        popover = page.locator("[data-testid='stPopoverBody']")
        popover.get_by_text("Lenke til akkurat denne visningen").wait_for(timeout=30_000)
        codes = popover.locator("[data-testid='stCode']")
        assert "<iframe src=" in codes.nth(1).inner_text() and "/kort?indikator=bosatt" in codes.nth(1).inner_text()
        assert "Datagrunnlag versjon" in codes.nth(2).inner_text()
        codes.nth(0).hover()
        codes.nth(0).locator("button").first.click()  # the code block's own copy button
        page.wait_for_timeout(300)
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith(server + "/bosetting?") and "bydel=030101%2C030105" in copied, copied  # 2014 is their default
        page.screenshot(path=str(ARTIFACTS / "del_1440.png"))
    finally:
        context.close()
