"""The page shell: the document's language and the meeting view."""

from __future__ import annotations

from oslo_integration.ui.shell import shell_html
from oslo_integration.ui.state import parse_query, to_query


def test_the_document_language_follows_the_view():
    assert 'document.documentElement.lang = "nb"' in shell_html("nb", False)
    assert 'document.documentElement.lang = "en"' in shell_html("en", False)


def test_meeting_view_hides_the_menu_and_steps_with_keys():
    html = shell_html("nb", True)
    assert '[data-testid="stSidebar"]' in html and "keydown" in html and "scroll-snap" in html
    assert "keydown" not in shell_html("nb", False)


def test_meeting_view_is_in_the_url_and_read_back():
    parsed = parse_query({"visning": "møte"}, [2023, 2024], [])
    assert parsed.view.meeting and not parsed.notices
    assert to_query(parsed.view)["visning"] == "møte"
    bad = parse_query({"visning": "kino"}, [2023, 2024], [])
    assert not bad.view.meeting and bad.notices
