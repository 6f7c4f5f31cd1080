"""Text that comes from outside (file names, sheet names, labels, notes, query parameters) is data.

It is shown as the characters it is, never interpreted: no Markdown link, image, emphasis, colour
directive, icon or formula, and no control character that breaks a download or a terminal.
"""

from __future__ import annotations

import re

MAX_NAME_CHARS = 200
# C0 and C1 controls (tab, newline and carriage return are kept in cell text), and the bidi
# overrides that can make «fil.exe.xlsx» look like «fil.xlsx.exe»
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_ALL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# the characters Streamlit's Markdown gives a meaning to anywhere in a line: emphasis, code, links and
# images, HTML, tables, strike-through, LaTeX, entities, and «_» except inside a word (where it cannot
# start emphasis: «frogner_2025.xlsx» stays as it is)
_MARKDOWN = re.compile(r"([\\`*\[\]<>!|~$&]|(?<!\w)_|_(?!\w))")
# GFM turns bare addresses (http://…, www.…, name@host) in the *text* into links after the escapes are
# read, so no escape stops it: an invisible word joiner (U+2060) goes where the link finder looks, and
# «:» before a letter becomes a character reference (a colour or icon directive is found in the source)
_AUTOLINK = re.compile(r"(?<=https)(?=:)|(?<=http)(?=:)|(?<=www)(?=\.)|(?=@)", re.I)
_DIRECTIVE = re.compile(r":(?=[A-Za-z])")
WORD_JOINER = "\u2060"
# what starts a heading, quote or list only at the start of a line
_LINE_START = re.compile(r"^(\s*\d*)([#>+\-=]|(?<=\d)[.)])")


def clean_name(name: str, limit: int = MAX_NAME_CHARS) -> str:
    """A file or sheet name fit to show and to write into any download: one line, no control characters."""
    text = _CONTROL_ALL.sub(" ", str(name)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean_cell_text(text: str) -> str:
    """Cell text without the control characters that break spreadsheets and documents (NUL is refused elsewhere)."""
    return _CONTROL.sub(" ", text)


def has_nul(text: str | None) -> bool:
    return text is not None and "\x00" in text


def md(text: object) -> str:
    """`text` escaped for st.markdown, st.caption and friends: shown letter for letter, never interpreted.

    Line breaks become spaces, since a line of its own could start a heading or a list.
    """
    one_line = _CONTROL_ALL.sub(" ", str(text))
    escaped = _DIRECTIVE.sub("&#58;", _AUTOLINK.sub(WORD_JOINER, _MARKDOWN.sub(r"\\\1", one_line)))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped, count=1)
