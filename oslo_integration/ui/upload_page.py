"""Upload page: choose files, see what each would do, then import on confirmation."""

from __future__ import annotations

import math

import streamlit as st

from ..auth import User
from ..read.limits import max_cells, max_file_bytes
from ..store import ImportResult, open_store
from ..store.base import sha256
from ..text.numbers import fmt_number
from ..text.untrusted import md
from ..upload import Preview, figures_table, import_previews, preview_upload, problems_table
from ..upload.preview import CHANGED, NEW, UNCHANGED
from . import data
from .login import require_user
from .table import show_table


def _preview(raw: bytes, name: str, user: User) -> Preview:
    """Kept for the session, so reruns of the page do not read the file again."""
    version = data.data_version()
    stamp = (user, version)  # a new user or new figures in the store make every preview stale
    if st.session_state.get("previews", {}).get("stamp") != stamp:
        st.session_state["previews"] = {"stamp": stamp, "files": {}}
    cache = st.session_state["previews"]["files"]
    key = (name, sha256(raw))
    if key not in cache:
        cache[key] = preview_upload(raw, name, user, data.current(version), open_store().imports())
    return cache[key]


def _show(preview: Preview) -> None:
    with st.container(border=True):
        st.markdown(f"**{md(preview.file_name)}** · {fmt_number(preview.size / 1024, 0)} kB · SHA-256 `{preview.sha256[:16]}…`")
        if preview.problems:
            st.error(f"Filen kan ikke importeres ({len(preview.problems)} feil). Rett feilene og last den opp igjen.")
            show_table(problems_table(preview.problems))
        else:
            c = preview.counts()
            total = sum(c.values())
            st.success(
                f"Klar til import: {total} tall – {c[NEW]} nye, {c[CHANGED]} endrer tall som er lagret nå, "
                f"{c[UNCHANGED]} er som lagret."
            )
            if preview.already_imported is not None:
                st.info(
                    f"Akkurat denne filen er allerede importert (import {preview.already_imported}). Import endrer ingenting."
                )
        if preview.warnings:
            st.warning("Advarsler (filen kan likevel importeres):")
            show_table(problems_table(preview.warnings))
        if preview.normalised is not None:
            st.caption("Tallene slik de ble forstått, med cellen hvert tall står i:")
            show_table(figures_table(preview), key=f"fig_{preview.sha256[:12]}")


def _results() -> None:
    for ok, line in st.session_state.get("upload_results", []):
        (st.success if ok else st.error)(md(line))
    if st.session_state.get("upload_results"):
        st.page_link("views/oversikt.py", label="Se tallene i oversikten", icon=":material/bar_chart:")


def _confirm(previews: list[Preview], user: User) -> None:
    accepted = [p for p in previews if p.ok]
    refused = len(previews) - len(accepted)
    if refused:
        st.caption(f"{refused} fil(er) med feil blir ikke importert.")
    if not st.button(
        f"Bekreft og importer {len(accepted)} fil(er)", type="primary", disabled=not accepted, key="w_import_confirm"
    ):
        return
    bar = st.progress(0.0, text="Importerer …")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / max(total, 1), text=f"Importerer {name} ({done + 1} av {total})" if name else "Ferdig")

    results = import_previews(open_store(), previews, user, progress)
    data.refresh()
    st.session_state["upload_results"] = [(isinstance(r, ImportResult), getattr(r, "message", str(r))) for r in results]
    st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
    st.session_state.pop("previews", None)
    st.rerun()


def upload_page() -> None:
    user = require_user()
    st.markdown(
        f"Du laster opp som **{md(user.describe())}**. Filene leses og vises her først; ingenting lagres før du bekrefter. "
        "Alle importer kan angres på siden «Importlogg»."
    )
    st.caption(
        f"Godtatte formater: .xlsx og .csv, inntil {fmt_number(max_file_bytes() / 1024 / 1024, 0)} MB og "
        f"{fmt_number(max_cells(), 0)} celler per fil. Skjulte ark leses ikke. «*», «:» og «<5» betyr skjult, "
        "«.» og tom celle betyr mangler."
    )
    _results()
    files = st.file_uploader(
        "Velg én eller flere filer",
        accept_multiple_files=True,
        key=f"w_upload_{st.session_state.get('upload_round', 0)}",
        # the browser stops what is far too big; a file a little over the limit reaches our own Norwegian message
        max_upload_size=math.ceil(2 * max_file_bytes() / 1024 / 1024) + 1,
    )
    if not files:
        return
    st.session_state.pop("upload_results", None)
    previews = [_preview(f.getvalue(), f.name, user) for f in files]
    for preview in previews:
        _show(preview)
    _confirm(previews, user)
