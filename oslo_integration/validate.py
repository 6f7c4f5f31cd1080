"""What may not enter the store, each rule naming the cell (or both cells) that broke it."""

from __future__ import annotations

import datetime as dt

import polars as pl

from .errors import Problem
from .vocab import Vocabulary

FIRST_YEAR = 2000
KEY = ["_f", "bydel_nr", "year", "measure", "category"]


def last_year() -> int:
    return dt.date.today().year + 1


def _where(sheet: str | None, cell: str) -> str:
    return f"{sheet}!{cell}" if sheet else cell


def _fmt(v: float) -> str:
    return f"{v:g}".replace(".", ",")


def validate(frame: pl.DataFrame, file: str, vocab: Vocabulary) -> list[Problem]:
    """Every rule at once, so the user can fix the whole file in one round."""
    return validate_many(frame.with_columns(_f=pl.lit(0, dtype=pl.Int32)), [file], vocab).get(0, [])


def validate_many(frame: pl.DataFrame, files: list[str], vocab: Vocabulary) -> dict[int, list[Problem]]:
    """The rules over the figures of several files at once (`_f` says whose); problems by file."""
    found: dict[int, list[Problem]] = {}
    for f, problem in _validate(frame, files, vocab):
        found.setdefault(f, []).append(problem)
    return {f: list(dict.fromkeys(ps)) for f, ps in found.items()}


def _validate(frame: pl.DataFrame, files: list[str], vocab: Vocabulary) -> list[tuple[int, Problem]]:
    problems: list[tuple[int, Problem]] = []
    units = pl.DataFrame({"measure": list(vocab.measures), "unit": [m.unit for m in vocab.measures.values()]})
    with_units = frame.join(units, on="measure", how="left")
    ok = with_units.filter(pl.col("status") == "ok")

    year_ok = pl.col("year").is_between(FIRST_YEAR, last_year())
    flagged = with_units.with_columns(
        _neg=(pl.col("status") == "ok") & (pl.col("unit") == "personer") & (pl.col("value") < 0),
        _frac=(pl.col("status") == "ok")
        & (pl.col("unit") == "personer")
        & (pl.col("value") >= 0)
        & (pl.col("value") != pl.col("value").round(0)),
        _pct=(pl.col("status") == "ok") & (pl.col("unit") == "prosent") & ~pl.col("value").is_between(0, 100),
        _year=~year_ok,
    )
    flags = ["_neg", "_frac", "_pct", "_year"]
    for r in flagged.filter(pl.any_horizontal(pl.col(flags).fill_null(False))).iter_rows(named=True):
        file = files[r["_f"]]
        if r["_neg"]:
            problems.append(
                (r["_f"], Problem(file, r["sheet"], r["cell"], f"Et antall kan ikke være negativt ({_fmt(r['value'])})."))
            )
        if r["_frac"]:
            problems.append(
                (
                    r["_f"],
                    Problem(file, r["sheet"], r["cell"], f"Et antall personer må være et helt tall, ikke {_fmt(r['value'])}."),
                )
            )
        if r["_pct"]:
            problems.append(
                (
                    r["_f"],
                    Problem(file, r["sheet"], r["cell"], f"En andel må ligge mellom 0 og 100 %, ikke {_fmt(r['value'])} %."),
                )
            )
        if r["_year"]:
            problems.append(
                (
                    r["_f"],
                    Problem(
                        file,
                        r["sheet"],
                        r["cell"],
                        f"Året {r['year']} er utenfor {FIRST_YEAR}–{last_year()}. Er årstallet riktig?",
                    ),
                )
            )
    problems.extend(_duplicates(frame, files, vocab))
    problems.extend(_parts_over_total(ok, files, vocab))
    return problems


def _duplicates(frame: pl.DataFrame, files: list[str], vocab: Vocabulary) -> list[tuple[int, Problem]]:
    indexed = frame.with_row_index("i")
    pairs = indexed.join(indexed, on=KEY, how="inner", suffix="_2", nulls_equal=True).filter(pl.col("i") < pl.col("i_2"))
    differ = pairs.filter(
        (pl.col("status") != pl.col("status_2")) | (pl.col("value").fill_null(-1) != pl.col("value_2").fill_null(-1))
    )
    out = []
    for r in differ.iter_rows(named=True):
        label = vocab.measures[r["measure"]].label_nb + (f" ({r['category']})" if r["category"] else "")
        out.append(
            (
                r["_f"],
                Problem(
                    files[r["_f"]],
                    r["sheet_2"],
                    r["cell_2"],
                    f"Samme tall står to ganger med ulik verdi: {label}, {vocab.bydel_name(r['bydel_nr'])} {r['year']} er "
                    f"{_value_text(r['value'], r['status'])} i {_where(r['sheet'], r['cell'])} og "
                    f"{_value_text(r['value_2'], r['status_2'])} i {_where(r['sheet_2'], r['cell_2'])}.",
                ),
            )
        )
    return out


def _value_text(value: float | None, status: str) -> str:
    return _fmt(value) if status == "ok" else status


def _bounds(vocab: Vocabulary) -> list[tuple[str, str, str]]:
    """(part measure, bounding measure, how categories match): breakdowns and parts of totals."""
    out = []
    for m in vocab.measures.values():
        if m.category_kind:
            out.append((m.measure, m.measure, "own"))
        if m.part_of:
            out.append((m.measure, m.part_of, m.part_match))
    return out


def _parts_over_total(ok: pl.DataFrame, files: list[str], vocab: Vocabulary) -> list[tuple[int, Problem]]:
    out: list[tuple[int, Problem]] = []
    cols = ["_f", "bydel_nr", "year", "measure", "category", "value", "sheet", "cell"]
    rows = ok.select(cols)
    present = set(rows["measure"].unique().to_list())
    for part, whole, match in _bounds(vocab):
        if part not in present or whole not in present:
            continue
        parts = rows.filter(pl.col("measure") == part)
        if match == "own":
            parts = parts.filter(pl.col("category").is_not_null())
        wholes = rows.filter(pl.col("measure") == whole)
        if parts.is_empty() or wholes.is_empty():
            continue
        if match == "same":
            joined = parts.join(wholes, on=["_f", "bydel_nr", "year", "category"], suffix="_t", nulls_equal=True)
        else:
            joined = parts.join(wholes.filter(pl.col("category").is_null()), on=["_f", "bydel_nr", "year"], suffix="_t")
        # published shares are rounded (43,4782609 against 43,47826087): a part may pass its total by rounding
        tol = 0.05 if vocab.measures[part].unit != "personer" else 1e-6
        for r in joined.filter(pl.col("value") > pl.col("value_t") + tol).iter_rows(named=True):
            out.append(
                (
                    r["_f"],
                    Problem(
                        files[r["_f"]],
                        r["sheet"],
                        r["cell"],
                        f"Delen ({_describe(vocab, r['measure'], r['category'])}: {_fmt(r['value'])}) er større enn totalen "
                        f"({_describe(vocab, r['measure_t'], r.get('category_t', r['category']))}: {_fmt(r['value_t'])} i {_where(r['sheet_t'], r['cell_t'])}).",
                    ),
                )
            )
        if match in ("own", "total"):
            # the breakdown's own total (no category) is not one of the parts it sums up
            sums = (
                joined.filter(pl.col("category").is_not_null())
                .group_by(["_f", "bydel_nr", "year", "measure", "value_t", "sheet_t", "cell_t", "measure_t"])
                .agg(total=pl.col("value").sum(), cells=pl.col("cell").sort(), sheets=pl.col("sheet").first(), n=pl.len())
            )
            for r in sums.filter((pl.col("n") > 1) & (pl.col("total") > pl.col("value_t") + tol)).iter_rows(named=True):
                out.append(
                    (
                        r["_f"],
                        Problem(
                            files[r["_f"]],
                            r["sheet_t"],
                            r["cell_t"],
                            f"Summen av delene ({', '.join(r['cells'])}: {_fmt(r['total'])}) er større enn totalen "
                            f"«{vocab.measures[r['measure_t']].label_nb}» ({_fmt(r['value_t'])}).",
                        ),
                    )
                )
    return out


def _describe(vocab: Vocabulary, measure: str, category: str | None) -> str:
    label = vocab.measures[measure].label_nb
    return f"{label}, {category}" if category else label
