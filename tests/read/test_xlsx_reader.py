"""The workbook reader's own cleaning of cell texts, checked directly against what it replaced."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from oslo_integration.read.limits import MAX_CELL_CHARS
from oslo_integration.read.xlsx_reader import BLANK, rows_of

# texts as cells hold them: empty, blank in every Unicode way, with the separators Python alone calls space,
# padded, long, or missing
_SPACES = BLANK + "\x1c\x1d\x1e\x1f\u200b"
_CELL = st.one_of(
    st.none(),
    st.text(alphabet=_SPACES, max_size=4),
    st.text(max_size=12),
    st.builds(lambda pad, word: pad + word + pad, st.text(alphabet=_SPACES, max_size=2), st.text(min_size=1, max_size=6)),
    st.builds(lambda c, n: c * n, st.sampled_from("aø "), st.integers(MAX_CELL_CHARS - 2, MAX_CELL_CHARS + 3)),
)


def _as_polars_did(frame: pl.DataFrame) -> list[list[str | None]]:
    """The expression rows_of replaced: blank cells None, texts cut, in one Polars query."""
    cleaned = frame.select(pl.when(pl.all().str.strip_chars() != "").then(pl.all().str.slice(0, MAX_CELL_CHARS)))
    return list(map(list, cleaned.rows()))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 4).flatmap(lambda width: st.lists(st.lists(_CELL, min_size=width, max_size=width), max_size=6)))
def test_rows_of_cleans_cells_as_the_polars_query_did(grid):
    width = len(grid[0]) if grid else 1
    frame = pl.DataFrame([list(col) for col in zip(*grid, strict=True)] if grid else [[]] * width,
                         schema=[(f"c{i}", pl.String) for i in range(width)], orient="col")  # fmt: skip
    assert rows_of(frame) == _as_polars_did(frame)


def test_blank_cells_are_empty_and_the_rest_is_kept_or_cut():
    frame = pl.DataFrame({"a": [" \u00a0\t", "\x1c", " Frogner ", None], "b": ["x" * (MAX_CELL_CHARS + 5), "", "7", "\u3000"]})
    assert rows_of(frame) == [[None, "x" * MAX_CELL_CHARS], ["\x1c", None], [" Frogner ", "7"], [None, None]]
