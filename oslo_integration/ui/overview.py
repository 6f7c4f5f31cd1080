"""The overview: the selected bydel's profile against Oslo, the country and the targets."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ..metrics import build_profile, verdict
from ..metrics.coverage import year_ranges
from ..text.numbers import fmt_number
from ..text.strings import t
from ..text.untrusted import md
from ..vocab import vocabulary
from . import data, published
from .login import current_user, own_bydeler
from .shared_cache import shared_cache
from .state import View
from .table import show_table

KEY_INDICATORS = (
    "andel_arbeid_ved_avslutning",
    "andel_ukrainere_arbeid_innen_1_aar",
    "intro_arbeid_utdanning_1_aar_etter",
    "andel_arbeid_utdanning_1_aar_etter",
    "andel_direkte_overgang",
    "bosatt_innen_6_mnd",
    "intro_tilbudt_innen_3_mnd",
    "andel_kommunal_bolig",
    "bosatt",
)


def _value(entry, lang: str) -> str:
    ind, row = entry.indicator, entry.row
    if row["status"] != "ok":
        return t(f"status_{row['status']}", lang)
    return ind.format_value(row["value"], lang)


@shared_cache(maxsize=256)
def _profile(version: str, show_example: bool, own: tuple[str, ...], bydel: str, year: int) -> list:
    return build_profile(data.public(version, show_example, own), bydel, year, KEY_INDICATORS)


def profile_section(view: View) -> None:
    lang = view.lang
    version = data.data_version()
    name = vocabulary().bydel_name(view.bydel)
    st.header(f"{name} – {view.year}")
    entries = _profile(version, view.show_example, own_bydeler(), view.bydel, view.year)
    if not entries:
        st.info(t("no_data", lang))
    cols = st.columns(2)
    for i, e in enumerate(entries):
        with cols[i % 2], st.container(border=True, key=f"card_profile_{i}"):
            label = e.indicator.label(lang) + (f" ({t('example', lang)})" if e.row["example"] else "")
            delta = None
            if e.change and e.change.absolute is not None:
                # Streamlit reads the direction from a leading ASCII minus
                delta = fmt_number(e.change.absolute, 1, lang).replace("−", "-") + (" pp" if e.indicator.is_share else "")
            st.metric(label, _value(e, lang), delta=delta, delta_color="off")
            st.write(verdict(e, lang))
            if e.rank and e.rank.position and e.rank.of > 1:
                st.caption(t("rank", lang) + f": {e.rank.position} / {e.rank.of}")
            elif e.rank and e.rank.position:
                st.caption(t("rank_alone", lang))
            st.caption(t("source", lang) + ": " + md(e.row["sources"] or "–"))
            real = _real_years(version, own_bydeler(), e.indicator.indicator, view.bydel)
            st.caption(t("real_years", lang, years=real) if real else t("no_real_years", lang))


@shared_cache(maxsize=512)
def _real_years(version: str, own: tuple[str, ...], indicator: str, bydel: str) -> str:
    """The years this bydel has a real figure (or the publisher's «:») for the indicator, as «2010–2013, 2016»."""
    frame = data.indicator_frame(version, True, indicator, own)
    mine = frame.filter((pl.col("bydel_nr") == bydel) & ~pl.col("example") & (pl.col("status") != "mangler"))
    return year_ranges(mine["year"].to_list())


def case_button(view: View) -> None:
    """The orientation-case document for the selected bydel and years, made on click."""
    from ..exports.case_document import case_docx

    years = list(range(view.year_from, view.year_to + 1))
    frame = data.public(data.data_version(), view.show_example, own_bydeler())
    name = vocabulary().bydel_name(view.bydel)
    st.download_button(
        t("make_case", view.lang) + f": {name} {years[0]}–{years[-1]}",
        lambda: case_docx(
            frame, view.bydel, years, data.imports(data.data_version()), published.data_version_id(data.data_version())
        ),
        f"sak_{view.bydel}_{years[0]}_{years[-1]}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key="dl_case",
        on_click="ignore",
        type="primary",
    )


def imports_section(view: View) -> None:
    lang = view.lang
    version = data.data_version()
    st.subheader(t("imports_for", lang, bydel=vocabulary().bydel_name(view.bydel)))
    show_table(_imports_table(version, view.bydel, lang, current_user() is not None))


@shared_cache(maxsize=64)
def _imports_table(version: str, bydel: str, lang: str, show_who: bool) -> pl.DataFrame:
    """Which imports the bydel's current figures come from; who imported them only for logged-in users."""
    current = data.current(version).filter(pl.col("bydel_nr") == bydel)
    summary = current.group_by("import_id", "kind").agg(
        pl.len().alias("n"), pl.col("year").min().alias("fra"), pl.col("year").max().alias("til")
    )
    imps = data.imports(version).select("id", "file_name", "imported_at", "who")
    table = (
        summary.join(imps, left_on="import_id", right_on="id")
        .sort("import_id")
        .select(
            pl.col("import_id").alias("Import"),
            pl.col("file_name").alias(t("col_file", lang)),
            pl.col("kind").alias(t("type", lang)),
            pl.col("n").alias(t("col_figures", lang)),
            pl.format("{}–{}", "fra", "til").alias(t("years", lang)),
            pl.col("imported_at").dt.strftime("%Y-%m-%d %H:%M").alias(t("col_imported", lang)),
            *([pl.col("who").alias(t("col_by", lang))] if show_who else []),
        )
    )
    return table
