"""JSON-stat 2.0 (what SSB's PxWebApi v2 returns) as a long table: one row per figure.

The cube's dimensions become columns named by their labels («region», «statistikkvariabel», «år»),
then «verdi» and «status». A region is written «code label» («0301 Oslo»), as the CSV exports
write it. A figure's provenance is its place in the file, «value[17]», for there are no cells.
"""

from __future__ import annotations

import json
import math

from ..errors import InputRefused, Problem
from ..text.numbers import fmt_number
from .grid import Sheet, Workbook
from .limits import MAX_AREA, MAX_CELL_CHARS

_GEO_IDS = {"region", "kommune", "kommnr", "bydel", "geo", "område", "bosted"}


def _refuse(file_name: str, message: str) -> InputRefused:
    return InputRefused([Problem(file_name, "", "", message)])


def read_jsonstat(data: bytes, file_name: str) -> Workbook:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _refuse(
            file_name, "Filen er ikke gyldig JSON. Last ned tabellen på nytt som JSON-stat 2.0, CSV eller XLSX."
        ) from None
    if isinstance(doc, dict) and doc.get("class") != "dataset" and isinstance(doc.get("dataset"), dict):
        doc = doc["dataset"]  # JSON-stat 1.x wraps the dataset
    if not isinstance(doc, dict) or not isinstance(doc.get("dimension"), dict) or "value" not in doc:
        raise _refuse(
            file_name,
            "Filen er JSON, men ikke et JSON-stat-datasett (mangler «dimension» og «value»). "
            "Last ned tabellen som JSON-stat 2.0 fra SSB, eller som CSV eller XLSX.",
        )
    try:
        return _workbook(doc, file_name)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        raise _refuse(
            file_name, "JSON-stat-filen har en form som ikke kan leses (dimensjoner og verdier passer ikke sammen)."
        ) from None


def _categories(dim: dict) -> list[tuple[str, str]]:
    """(code, label) of a dimension's categories, in index order."""
    cat = dim.get("category", {})
    index = cat.get("index")
    labels = cat.get("label", {}) or {}
    if isinstance(index, list):
        codes = [str(c) for c in index]
    elif isinstance(index, dict):
        codes = [str(c) for c, _ in sorted(index.items(), key=lambda kv: int(kv[1]))]
    else:
        codes = [str(c) for c in labels]
    return [(code, str(labels.get(code, code))) for code in codes]


def _workbook(doc: dict, file_name: str) -> Workbook:
    from ..normalise.keys import HEADER_WORDS  # the header words say which dimensions we read
    from ..vocab import fold

    ids = [str(i) for i in doc.get("id") or list(doc["dimension"])]
    dims = [doc["dimension"][i] for i in ids]
    cats = [_categories(d) for d in dims]
    sizes = [len(c) for c in cats]
    total = math.prod(sizes)
    if total > MAX_AREA or len(ids) > 20:
        raise _refuse(
            file_name,
            f"JSON-stat-filen har {fmt_number(total, 0)} verdier; grensen er {fmt_number(MAX_AREA, 0)}. Velg færre år eller regioner.",
        )
    values = doc["value"]
    status = doc.get("status")
    geo = set(doc.get("role", {}).get("geo", [])) | {i for i in ids if i.lower() in _GEO_IDS}
    labels = [str(d.get("label") or i)[:MAX_CELL_CHARS] for i, d in zip(ids, dims, strict=True)]
    # a dimension with one category that says nothing we read («alder: 15–74 år») is a title line, not a column
    constant = {d for d, size in enumerate(sizes) if size == 1 and ids[d] not in geo and fold(labels[d]) not in HEADER_WORDS}
    header = [label for d, label in enumerate(labels) if d not in constant] + ["verdi"]
    rows: list[list[str | None]] = [header]
    addresses = ["dimension"]
    notes = []
    if doc.get("label"):
        notes.append(str(doc["label"])[:500])
    notes.extend(f"{labels[d]}: {cats[d][0][1]}"[:500] for d in sorted(constant))
    for flat in range(total):
        value = values.get(str(flat)) if isinstance(values, dict) else values[flat]
        mark = status.get(str(flat)) if isinstance(status, dict) else status[flat] if isinstance(status, list) else None
        if value is None and mark is None and isinstance(values, dict):
            continue  # a sparse cube leaves out what it does not have
        row: list[str | None] = []
        rest = flat
        coords = []
        for size in reversed(sizes):
            rest, i = divmod(rest, size)
            coords.append(i)
        for d, i in enumerate(reversed(coords)):
            if d in constant:
                continue
            code, label = cats[d][i]
            row.append(f"{code} {label}" if ids[d] in geo and code != label else label)
        if value is None:
            row.append(str(mark) if mark else "..")  # SSB's symbols: «..» not available, «:» hidden, «.» not applicable
        else:
            row.append(repr(value) if isinstance(value, float) else str(value))
        rows.append(row)
        addresses.append(f"value[{flat}]")
    title = [[n] for n in notes] + [[None]] if notes else []
    sheet = Sheet(name="", rows=title + rows, addresses=["tittel"] * len(title) + addresses)
    return Workbook(file_name, [sheet], "json")
