"""Generated input for the benchmarks: bydel workbooks in the layouts the readers support, and a store
with 100 times the rows. Every generated figure is example data and is labelled so where it is kept."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator

import polars as pl
from openpyxl import Workbook

from oslo_integration.normalise import OBSERVATION_SCHEMA
from oslo_integration.vocab import vocabulary

COUNTRIES = [
    "Ukraina", "Syria", "Eritrea", "Afghanistan", "Somalia", "Irak", "Iran", "Sudan", "Sør-Sudan", "Etiopia",
    "Kongo", "Russland", "Tyrkia", "Jemen", "Libya", "Libanon", "Palestina", "Statsløs", "Burma", "Pakistan",
    "Usbekistan", "Saudi-Arabia", "Kina", "Uganda", "Rwanda", "Burundi", "Moldova", "Serbia", "Bhutan", "Sri Lanka",
    "Thailand", "Liberia", "Jordan", "Kuwait", "Vietnam", "Kenya", "Tanzania", "Nepal", "Colombia", "Venezuela",
]  # fmt: skip
LAYOUTS = ("bydel_wide", "countries", "sheet_per_year", "long")


def _save(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sheet(wb: Workbook, title: str, rows: list[list[object]]) -> None:
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)


def _years(rng: random.Random) -> list[int]:
    n = rng.randint(3, 10)
    return list(range(2025 - n, 2025))


def bydel_wide(rng: random.Random, bydel: str) -> bytes:
    """Frogner's case layout: several titled tables on one sheet, years as columns."""
    years = _years(rng)
    wb = Workbook()
    wb.remove(wb.active)
    settled = [rng.randint(40, 200) for _ in years]
    municipal = [rng.randint(0, s) for s in settled]
    ended = [rng.randint(10, 80) for _ in years]
    rows: list[list[object]] = [
        [f"Bosetting og oppfølging av flyktninger i bydel {bydel}"],
        ["EKSEMPELDATA – genererte tall for ytelsesmåling"],
        [],
        ["Type bolig/ år", *years],
        ["Kommunal bolig", *municipal],
        ["Privat leiemarked", *(s - m for s, m in zip(settled, municipal, strict=True))],
        [],
        ["Bosatte flyktninger"],
        [None, *years],
        ["Totalt antall flyktninger bosatt", *settled],
        ["Antall fra Ukraina", *(rng.randint(0, s) for s in settled)],
        [],
        ["Introduksjonsprogrammet: avslutning og overgang til arbeid"],
        [None, *years],
        ["Totalt antall deltakere som avsluttet introduksjonsprogram", *ended],
        ["I arbeid ved endt introduksjonsprogram", *(rng.choice(["*", rng.randint(0, e)]) for e in ended)],
    ]
    _sheet(wb, "Bosetting og introprogram", rows)
    return _save(wb)


def countries(rng: random.Random, bydel: str) -> bytes:
    """Arrivals by country of origin: up to 40 countries as rows, years as columns."""
    years = _years(rng)
    wb = Workbook()
    wb.remove(wb.active)
    rows: list[list[object]] = [[f"Bosatte etter landbakgrunn, Bydel {bydel}"], ["EKSEMPELDATA"], [], ["Land", *years]]
    for country in COUNTRIES[: rng.randint(15, 40)]:
        rows.append([country, *(rng.choice([rng.randint(0, 60), rng.randint(0, 60), "*"]) for _ in years)])
    _sheet(wb, "Landbakgrunn", rows)
    return _save(wb)


def sheet_per_year(rng: random.Random, bydeler: list[str]) -> bytes:
    """All 15 bydeler as rows, measures as columns, one sheet per year."""
    wb = Workbook()
    wb.remove(wb.active)
    for year in _years(rng):
        rows: list[list[object]] = [
            ["Bosatte flyktninger etter bydel (EKSEMPELDATA)"],
            [],
            ["Bydel", "Bosatte flyktninger", "Kommunal bolig", "Privat leiemarked"],
        ]
        for bydel in bydeler:
            settled = rng.randint(20, 300)
            municipal = rng.randint(0, settled)
            rows.append([bydel, settled, municipal, settled - municipal])
        _sheet(wb, str(year), rows)
    return _save(wb)


def long(rng: random.Random, bydeler: list[str]) -> bytes:
    """One long table: bydel × year × country, the biggest layout (15 × 10 × 40 rows)."""
    wb = Workbook()
    wb.remove(wb.active)
    rows: list[list[object]] = [["Bydel", "År", "Måltall", "Kategori", "Verdi"]]
    for bydel in bydeler:
        for year in _years(rng):
            for country in COUNTRIES[: rng.randint(10, 40)]:
                rows.append([bydel, year, "bosatt_landbakgrunn", country, rng.choice([rng.randint(0, 40), ":"])])
    _sheet(wb, "Data", rows)
    return _save(wb)


def workbooks(n: int, seed: int = 2024) -> Iterator[tuple[str, bytes]]:
    """`n` workbooks cycling through the layouts; every file name says EKSEMPELDATA."""
    rng = random.Random(seed)
    bydeler = [b.bydel for b in vocabulary().real_bydeler()]
    for i in range(n):
        layout = LAYOUTS[i % len(LAYOUTS)]
        bydel = bydeler[i % len(bydeler)]
        name = f"EKSEMPELDATA_{layout}_{i:03d}.xlsx"
        if layout == "bydel_wide":
            yield name, bydel_wide(rng, bydel)
        elif layout == "countries":
            yield name, countries(rng, bydel)
        elif layout == "sheet_per_year":
            yield name, sheet_per_year(rng, bydeler)
        else:
            yield name, long(rng, bydeler)


# Bydeler of the four largest cities, for the growth benchmark (codes in the same 6-digit form).
CITY_BYDELER = {
    "4601": ["Arna", "Bergenhus", "Fana", "Fyllingsdalen", "Laksevåg", "Ytrebygda", "Årstad", "Åsane"],
    "5001": ["Midtbyen", "Østbyen", "Lerkendal", "Heimdal"],
    "1103": ["Hundvåg", "Tasta", "Eiganes og Våland", "Madla", "Storhaug", "Hillevåg", "Hinna", "Hafrsfjord", "Sentrum"],
}


def growth_observations(years: range = range(2005, 2025), countries: int = 50, seed: int = 7) -> pl.DataFrame:
    """Oslo, Bergen, Trondheim and Stavanger bydeler × years × countries, every row marked EKSEMPELDATA."""
    rng = random.Random(seed)
    places = [(b.bydel_nr, b.bydel) for b in vocabulary().real_bydeler()]
    for city, names in CITY_BYDELER.items():
        places += [(f"{city}{i + 1:02d}", name) for i, name in enumerate(names)]
    places += [("0301", "Oslo i alt"), ("0", "Hele landet")]
    land = (COUNTRIES + [f"Land {i}" for i in range(countries)])[:countries]
    rows: list[tuple] = []
    for nr, name in places:
        for year in years:
            settled = rng.randint(50, 400)
            municipal = rng.randint(0, settled)
            rows += [(nr, name, year, "bosatt", None, float(settled))]
            rows += [(nr, name, year, "bosatt_boligtype", "kommunal_bolig", float(municipal))]
            rows += [(nr, name, year, "bosatt_boligtype", "privat_leiemarked", float(settled - municipal))]
            ended_total = rng.randint(20, 120)
            rows += [(nr, name, year, "intro_avsluttet", None, float(ended_total))]
            rows += [(nr, name, year, "intro_arbeid_ved_avslutning", None, float(rng.randint(0, ended_total)))]
            rows += [(nr, name, year, "intro_arbeid_innen_1_aar", None, float(rng.randint(0, ended_total)))]
            for country in land:
                ended = rng.randint(0, 12)
                rows += [
                    (nr, name, year, "bosatt_landbakgrunn", country, float(rng.randint(0, 12))),
                    (nr, name, year, "intro_deltakere", country, float(rng.randint(0, 30))),
                    (nr, name, year, "intro_avsluttet", country, float(ended)),
                    (nr, name, year, "intro_arbeid_ved_avslutning", country, float(rng.randint(0, ended))),
                    (nr, name, year, "intro_arbeid_innen_1_aar", country, float(rng.randint(0, ended))),
                ]
    frame = pl.DataFrame(rows, schema=["bydel_nr", "bydel", "year", "measure", "category", "value"], orient="row")
    n = frame.height
    return (
        frame.with_columns(
            status=pl.lit("ok"),
            source_file=pl.lit("EKSEMPELDATA_vekst.csv"),
            sheet=pl.lit(""),
            cell=pl.format("A{}", pl.int_range(2, n + 2)),
            ref_date=pl.lit(None, dtype=pl.String),
            source_url=pl.lit(None, dtype=pl.String),
            origin=pl.lit(None, dtype=pl.String),
            note=pl.lit("EKSEMPELDATA: generert for ytelsesmåling, ikke ekte tall"),
        )
        .select(list(OBSERVATION_SCHEMA))
        .cast(OBSERVATION_SCHEMA)
    )
