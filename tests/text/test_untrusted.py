"""Text from outside is shown as the characters it is: Markdown payloads are escaped, names cleaned."""

from __future__ import annotations

import html
import re

import pytest

from oslo_integration.text.untrusted import WORD_JOINER, clean_name, md

PAYLOADS = [
    "[klikk](https://evil.example)",
    "![](http://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    ":red[rød] :material/home: $\\frac{1}{2}$",
    "**fet** _kursiv_ ~~streket~~ `kode`",
    "# overskrift",
    "- liste",
    "12. liste",
    "> sitat",
    "https://evil.example www.evil.example kari@evil.example",
    "| a | b |",
]


def _unescaped(text: str, pattern: str) -> bool:
    """Whether `pattern` occurs with none of its characters escaped by a backslash."""
    return re.search(pattern, text) is not None


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_payloads_are_escaped(payload):
    out = md(payload)
    shown = html.unescape(out.replace("\\", "")).replace(WORD_JOINER, "")
    assert shown == payload.replace("\\", "")  # the same characters, only escaped
    for dangerous in (
        r"(?<!\\)\[",
        r"(?<!\\)!",
        r"(?<!\\)<",
        r"(?<!\\)\*",
        r"(?<!\\)`",
        r"(?<!\\)\$",
        r":[a-z]",
        r"https?://",
        r"www\.",
        r"[\w.-]@",  # the link finders look for these; a word joiner sits in them
        r"^(?<!\\)[#>-]",
    ):
        assert not _unescaped(out, dangerous), (payload, out, dangerous)


def test_lines_are_joined_so_nothing_starts_a_block():
    assert "\n" not in md("fil\n# overskrift\n- liste")


def test_names_lose_control_characters_and_are_capped():
    assert clean_name("frogner\x07\x1b[31m.csv") == "frogner  [31m.csv"
    assert clean_name("a\u202egpj.exe") == "a gpj.exe"
    assert len(clean_name("x" * 1000)) == 200
