"""What every page shares around its content: the document's language, compact spacing, and the
meeting view (`?visning=møte`) for a projector in a bydelsutvalg.

The CSS and script are plain constants built by `shell_html` (a pure function, tested directly);
this module only hands them to Streamlit.
"""

from __future__ import annotations

import streamlit as st

from .state import View

# Streamlit's defaults leave 6rem above the title and a 2.75rem title: on a 1280×720 projector the
# first figure fell below the fold. These keep the title and a compact notice above the first card.
COMPACT_CSS = """
[data-testid="stMainBlockContainer"] { padding-top: 3.2rem; padding-bottom: 2rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2rem; padding-top: 0; padding-bottom: 0.4rem; }
[data-testid="stMainBlockContainer"] h2 { font-size: 1.45rem; }
[data-testid="stMainBlockContainer"] h3 { font-size: 1.25rem; padding-top: 0.2rem; }
/* captions are drawn at opacity 0.6 (#929292, 3.1:1) by default: WCAG AA asks 4.5:1 for text */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #4a4a4a !important; opacity: 1 !important; }
/* the map's tooltip follows the pointer and was cut off at the map's right edge: it stands in the
   map's top-left corner instead, whole, wherever the pointer is */
.deck-tooltip { transform: none !important; left: 8px !important; top: 8px !important; max-width: min(260px, 80vw) !important; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: 0.6rem; padding-right: 0.6rem; }
  [data-testid="stMainBlockContainer"] h1 { font-size: 1.6rem; }
  [class*="st-key-card_"] { padding-left: 0.5rem; padding-right: 0.5rem; }
}
"""

# One card per screen, large type, no menu: arrow keys, Page Up/Down and space step between cards.
MEETING_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stToolbar"], [data-testid="stHeader"] { display: none !important; }
html { font-size: 20px; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 1rem 2.5rem; }
[data-testid="stMain"] { scroll-snap-type: y proximity; }
[class*="st-key-card_"] { min-height: 96vh; scroll-snap-align: start; }
"""

# A card alone in someone else's page: no menu, no toolbar, no padding, from 320 px up.
EMBED_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stToolbar"], [data-testid="stHeader"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0.5rem 0.5rem 0.5rem 0.5rem !important; }
"""

MEETING_SCRIPT = """
(function () {
  const doc = window.parent ? window.parent.document : document;
  if (doc.__meetingKeys) return;
  doc.__meetingKeys = true;
  doc.addEventListener("keydown", function (e) {
    const next = ["ArrowDown", "PageDown", " ", "ArrowRight"].includes(e.key);
    const prev = ["ArrowUp", "PageUp", "ArrowLeft"].includes(e.key);
    if (!next && !prev) return;
    if (e.target && ["INPUT", "TEXTAREA", "SELECT"].includes(e.target.tagName)) return;
    const cards = Array.from(doc.querySelectorAll('[class*="st-key-card_"]'));  // every card has a key «card_…»
    if (!cards.length) return;
    const tops = cards.map((c) => c.getBoundingClientRect().top);
    let i = next ? tops.findIndex((t) => t > 8) : tops.map((t) => t < -8).lastIndexOf(true);
    if (i < 0) return;
    e.preventDefault();
    cards[i].scrollIntoView({ behavior: "instant", block: "start" });
  });
})();
"""


def shell_html(lang: str, meeting: bool, embed: bool = False) -> str:
    """The style and script for the page: `lang` on the document, compact, meeting or embedded layout."""
    code = "nb" if lang == "nb" else "en"
    css = COMPACT_CSS + (MEETING_CSS if meeting else "") + (EMBED_CSS if embed else "")
    script = f'document.documentElement.lang = "{code}";' + (MEETING_SCRIPT if meeting else "")
    return f"<style>{css}</style><script>{script}</script>"


def page_shell(view: View, embed: bool = False) -> None:
    """Sets the document's language (screen readers read Norwegian with Norwegian rules) and the layout."""
    st.html(shell_html(view.lang, view.meeting and not embed, embed), unsafe_allow_javascript=True)
