"""Upload page: choose files, see what each would do, then import on confirmation."""

from __future__ import annotations

import hashlib
import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import streamlit as st

from ..auth import User
from ..normalise.mapping import IGNORE, all_targets, synonym_for, target_label
from ..read.limits import max_cells, max_file_bytes
from ..store import ImportResult, open_store
from ..store.base import sha256
from ..text.numbers import fmt_number
from ..text.strings import t
from ..text.untrusted import md
from ..upload import Preview, figures_table, import_previews, preview_upload, problems_table
from ..upload.isolated import MAX_PARALLEL_READS
from ..upload.preview import CHANGED, NEW, UNCHANGED
from ..vocab import Synonym, vocabulary_with
from . import data
from .lang import current_lang
from .login import require_user
from .table import show_table


def _previews(files: list[tuple[bytes, str, tuple[Synonym, ...]]], user: User) -> list[Preview]:
    """Each (file, name, picks) read, kept for the session so reruns of the page do not read a file again.

    Files not read yet are read side by side, as many at once as the server lets uploads be read
    (upload/isolated.py: each in a child of its own, so two files take about the time of one).
    """
    version = data.data_version()
    stamp = (user, version)  # a new user or new figures in the store make every preview stale
    if st.session_state.get("previews", {}).get("stamp") != stamp:
        st.session_state["previews"] = {"stamp": stamp, "files": {}}
    cache = st.session_state["previews"]["files"]
    keys = [(name, sha256(raw), picks) for raw, name, picks in files]
    missing = {key: (raw, name, picks) for key, (raw, name, picks) in zip(keys, files, strict=True) if key not in cache}
    if missing:
        stored, current, imports = data.synonyms(version), data.current(version), open_store().imports()

        def read(item: tuple[bytes, str, tuple[Synonym, ...]]) -> Preview:
            raw, name, picks = item
            return preview_upload(raw, name, user, current, imports, stored + picks)

        with ThreadPoolExecutor(max_workers=MAX_PARALLEL_READS) as pool:
            cache.update(zip(missing, pool.map(read, missing.values()), strict=True))
    return [cache[key] for key in keys]


NOT_CHOSEN = ""


def _pick_key(label: str, role: str) -> str:
    return "w_map_" + hashlib.sha1(f"{role}|{label}".encode()).hexdigest()[:12]


def _picked(picks: dict[tuple[str, str], str]) -> tuple[Synonym, ...]:
    return tuple(synonym_for(label, target) for (label, _role), target in picks.items() if target != NOT_CHOSEN)


@dataclass
class _Asked:
    """An unknown label as the file first showed it: where it stands and what it most likely means."""

    where: list[str] = field(default_factory=list)
    suggestions: tuple[str, ...] = ()


def _read_with_picks(files: list[tuple[bytes, str]], user: User) -> tuple[list[Preview], dict[tuple[str, str], _Asked]]:
    """Each file read with the stored synonyms, and again with the uploader's picks for its unknown labels.

    A label seen for the first time gets the best suggestion as its pick, so the preview shows at
    once what the file would give; the uploader changes any pick and the preview follows.
    """
    picks: dict[tuple[str, str], str] = st.session_state.setdefault("picks", {})
    lang = current_lang()
    first = _previews([(raw, name, ()) for raw, name in files], user)
    asked: dict[tuple[str, str], _Asked] = {}
    for preview in first:
        for problem in preview.unknown:
            entry = asked.setdefault((problem.label, problem.role), _Asked(suggestions=problem.suggestions))
            sheet = t("sheet_part", lang, sheet=problem.sheet) if problem.sheet else ""
            entry.where.append(t("where_cell", lang, file=preview.file_name, sheet=sheet, cell=problem.cell))
            picks.setdefault((problem.label, problem.role), problem.suggestions[0] if problem.suggestions else NOT_CHOSEN)
    chosen = _picked(picks)
    mine = [tuple(s for s in chosen if s.label in {p.label for p in plain.unknown}) for plain in first]
    again = iter(_previews([(raw, name, m) for (raw, name), m in zip(files, mine, strict=True) if m], user))
    previews = []
    for plain, m in zip(first, mine, strict=True):
        preview = next(again) if m else plain
        preview.new_synonyms = m
        previews.append(preview)
    return previews, asked


def _mapping_section(asked: dict[tuple[str, str], _Asked]) -> None:
    """A picker for every label the vocabulary does not know, pre-filled with the best suggestion."""
    if not asked:
        return
    picks: dict[tuple[str, str], str] = st.session_state.get("picks", {})
    vocab = vocabulary_with(data.synonyms(data.data_version()))
    lang = current_lang()
    with st.container(border=True):
        st.subheader(t("unknown_heading", lang))
        st.caption(t("unknown_intro", lang))
        for (label, role), entry in asked.items():
            # a row label may also be a country the list does not have yet
            new_country = [f"category:land:{label}"] if role == "rad" else []
            options = [NOT_CHOSEN, *dict.fromkeys([*entry.suggestions, IGNORE, *all_targets(vocab, role), *new_country])]
            current = picks.get((label, role), NOT_CHOSEN)
            if current not in options:
                options.append(current)
            what = t("role_column" if role == "kolonne" else "role_row", lang)
            st.markdown(f"{what} **«{md(label)}»** · {md('; '.join(dict.fromkeys(entry.where)))}")
            chosen = st.selectbox(
                t("what_means", lang, label=md(label)),  # a widget label is Markdown: the file's text is escaped
                options,
                index=options.index(current),
                format_func=lambda target: t("choose", lang) if target == NOT_CHOSEN else target_label(target, vocab),
                key=_pick_key(label, role),
                label_visibility="collapsed",
            )
            if chosen != current:
                picks[(label, role)] = chosen
                st.rerun()


def _show(preview: Preview) -> None:
    lang = current_lang()
    with st.container(border=True):
        st.markdown(f"**{md(preview.file_name)}** · {fmt_number(preview.size / 1024, 0)} kB · SHA-256 `{preview.sha256[:16]}…`")
        if preview.problems:
            st.error(t("file_refused", lang, n=len(preview.problems)))
            show_table(problems_table(preview.problems, lang))
        else:
            c = preview.counts()
            total = sum(c.values())
            st.success(t("ready", lang, total=total, new=c[NEW], changed=c[CHANGED], same=c[UNCHANGED]))
            if preview.already_imported is not None:
                st.info(t("already", lang, id=preview.already_imported))
        if preview.warnings:
            st.warning(t("warnings_head", lang))
            show_table(problems_table(preview.warnings, lang))
        if preview.normalised is not None:
            st.caption(t("as_read", lang))
            show_table(figures_table(preview, lang=lang), key=f"fig_{preview.sha256[:12]}")


def _results() -> None:
    for ok, line in st.session_state.get("upload_results", []):
        (st.success if ok else st.error)(md(line))
    if st.session_state.get("upload_results"):
        st.page_link("views/oversikt.py", label=t("see_overview", current_lang()), icon=":material/bar_chart:")


def _confirm(previews: list[Preview], user: User) -> None:
    accepted = [p for p in previews if p.ok]
    refused = len(previews) - len(accepted)
    lang = current_lang()
    if refused:
        st.caption(t("refused_n", lang, n=refused))
    if not st.button(t("confirm_n", lang, n=len(accepted)), type="primary", disabled=not accepted, key="w_import_confirm"):
        return
    bar = st.progress(0.0, text=t("importing", lang))

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(
            done / max(total, 1), text=t("importing_one", lang, name=name, i=done + 1, n=total) if name else t("done", lang)
        )

    results = import_previews(open_store(), previews, user, progress)
    data.refresh()
    st.session_state["upload_results"] = [(isinstance(r, ImportResult), getattr(r, "message", str(r))) for r in results]
    st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
    st.session_state.pop("previews", None)
    st.session_state.pop("picks", None)
    st.rerun()


def upload_page() -> None:
    user = require_user()
    lang = current_lang()
    st.markdown(t("upload_as", lang, who=md(user.describe())))
    mb, cells = fmt_number(max_file_bytes() / 1024 / 1024, 0, lang), fmt_number(max_cells(), 0, lang)
    st.caption(t("upload_formats", lang, mb=mb, cells=cells))
    _results()
    files = st.file_uploader(
        t("choose_files", lang),
        accept_multiple_files=True,
        key=f"w_upload_{st.session_state.get('upload_round', 0)}",
        # the browser stops what is far too big; a file a little over the limit reaches our own Norwegian message
        max_upload_size=math.ceil(2 * max_file_bytes() / 1024 / 1024) + 1,
    )
    if not files:
        return
    st.session_state.pop("upload_results", None)
    previews, asked = _read_with_picks([(f.getvalue(), f.name) for f in files], user)
    _mapping_section(asked)
    for preview in previews:
        _show(preview)
    _confirm(previews, user)
