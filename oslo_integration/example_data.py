"""Example figures so the dashboard can be explored where no real bydel figures are public.

They are NOT real. Deterministic (fixed seed), written as a long table whose every row says
«EKSEMPELDATA», and imported with kind `eksempel`. Where the generator has something real to lean
on it does: the bydeler's settled totals add up to Oslo's real totals for 2022–2024 (less Frogner's
real figures), split by the city's real 2020/2022 allocation plans. Keys that exist in the real
data are never generated.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import polars as pl

from .paths import DATA_DIR
from .vocab import vocabulary

SEED = 20261123
YEARS = range(2020, 2025)
OUT_FILE = DATA_DIR / "eksempel" / "EKSEMPELDATA_bydeler_2020_2024.csv"
MARK = "EKSEMPELDATA – generert av oslo_integration/example_data.py, ikke ekte tall"
COUNTRY_SHARES = {"Syria": 0.30, "Afghanistan": 0.22, "Eritrea": 0.16, "Somalia": 0.10}
OSLO_OTHER_YEARS = {2020: 210, 2021: 330}  # example totals for years without a real Oslo figure


# Example references for the programme, chosen to continue the real series without jumps: Oslo ended
# 309 (2014) and 413 (2016) in the real data, the country 3 229 and 4 469; the Ukrainians settled from
# 2022 on (a one-year programme) raise the numbers from 2023. Every one of these is invented.
OSLO_COMPLETED = {2020: 420, 2021: 390, 2022: 340, 2023: 720, 2024: 980}
NATIONAL_COMPLETED = {2020: 7200, 2021: 6700, 2022: 6100, 2023: 9800, 2024: 12600}


def _real_frames() -> pl.DataFrame:
    """Every real figure the store is built from (the manifest's official files), so none is ever generated."""
    from .normalise import normalise_path
    from .store import shipped_sources

    frames = [
        normalise_path(DATA_DIR / src["path"], src["bydel"] or None).observations
        for src in shipped_sources()
        if src["kind"] == "offisiell"
    ]
    return pl.concat(frames, how="vertical_relaxed")


def _split(total: int, weights: dict[str, float], rng: random.Random) -> dict[str, int]:
    """Whole numbers proportional to noisy weights that add up to exactly `total`."""
    noisy = {k: w * rng.uniform(0.8, 1.2) for k, w in weights.items()}
    s = sum(noisy.values()) or 1.0
    raw = {k: total * w / s for k, w in noisy.items()}
    out = {k: int(v) for k, v in raw.items()}
    for k in sorted(raw, key=lambda k: raw[k] - out[k], reverse=True)[: total - sum(out.values())]:
        out[k] += 1
    return out


def generate() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    vocab = vocabulary()
    real = _real_frames()
    real_keys = set(zip(real["bydel_nr"], real["year"], real["measure"], real["category"].fill_null(""), strict=False))

    def value(table: str, key: str) -> float | None:
        hit = real.filter(pl.col("measure") == table).filter(
            pl.format("{}|{}|{}", "bydel_nr", "year", pl.col("category").fill_null("")) == key
        )
        return hit["value"][0] if hit.height else None

    plan = {
        y: {
            r["bydel_nr"]: r["value"]
            for r in real.filter(
                (pl.col("measure") == "bosetting_plan") & (pl.col("year") == y) & pl.col("category").is_null()
            ).iter_rows(named=True)
        }
        for y in (2020, 2022)
    }
    others = [b.bydel_nr for b in vocab.real_bydeler() if b.bydel_nr != "030105"]
    rows: list[dict[str, object]] = []

    def add(nr: str, year: int, measure: str, category: str | None, v: object) -> None:
        if (nr, year, measure, category or "") in real_keys:
            return
        rows.append(
            {
                "År": year,
                "Bydel": vocab.bydel_name(nr),
                "Måltall": measure,
                "Kategori": category or "",
                "Verdi": v,
                "Merknad": MARK,
            }
        )

    settled: dict[tuple[str, int], int] = {}
    ukr_share = {2020: 0.0, 2021: 0.0, 2022: 0.84, 2023: 0.78, 2024: 0.79}
    for year in YEARS:
        oslo = value("bosatt", f"0301|{year}|") or OSLO_OTHER_YEARS[year]
        frogner = value("bosatt", f"030105|{year}|") or 0
        weights = plan[2020] if year < 2022 else plan[2022]
        split = _split(int(oslo - frogner), {nr: weights.get(nr, 0.0) for nr in others}, rng)
        for nr in others:
            n = split[nr]
            settled[(nr, year)] = n
            add(nr, year, "bosatt", None, n)
            municipal = round(n * rng.uniform(0.35, 0.75))
            other_housing = round((n - municipal) * rng.uniform(0.0, 0.1))
            add(nr, year, "bosatt_boligtype", "Kommunal bolig", municipal)
            add(nr, year, "bosatt_boligtype", "Privat leiemarked", n - municipal - other_housing)
            add(nr, year, "bosatt_boligtype", "Annet", other_housing)
            ukr = round(n * min(0.95, ukr_share[year] * rng.uniform(0.9, 1.08)))
            rest = _split(n - ukr, COUNTRY_SHARES | {"Øvrige land": 0.22}, rng)
            add(nr, year, "bosatt_landbakgrunn", "Ukraina", ukr)
            for country, k in rest.items():
                add(nr, year, "bosatt_landbakgrunn", country, k)
    for year in YEARS:
        frogner_completed = value("intro_avsluttet", f"030105|{year}|") or 0
        # Oslo's completers, less Frogner's real ones, shared by the bydeler as they settled the year before
        completers = _split(
            int(OSLO_COMPLETED[year] - frogner_completed),
            {nr: float(settled.get((nr, year - 1), settled[(nr, year)])) + 1.0 for nr in others},
            rng,
        )
        for nr in others:
            completed = completers[nr]
            participants = round(completed / rng.uniform(0.28, 0.4)) + round(settled[(nr, year)] * 0.5)
            add(nr, year, "intro_deltakere", None, participants)
            ukr_completed = round(completed * (ukr_share.get(year - 1, 0.0) * rng.uniform(0.85, 1.1))) if year >= 2023 else 0
            add(nr, year, "intro_avsluttet", None, completed)
            add(nr, year, "intro_avsluttet", "Ukraina", min(ukr_completed, completed))
            work = round(completed * rng.uniform(0.18, 0.48))
            add(nr, year, "intro_arbeid_ved_avslutning", None, work)
            add(nr, year, "intro_utdanning_ved_avslutning", None, round((completed - work) * rng.uniform(0.05, 0.25)))
            if year >= 2023:
                add(
                    nr, year, "intro_arbeid_innen_1_aar", "Ukraina", round(min(ukr_completed, completed) * rng.uniform(0.3, 0.85))
                )
            add(nr, year, "intro_arbeid_utdanning_1_aar_etter", None, f"{rng.uniform(45, 78):.1f}".replace(".", ","))
            add(nr, year, "bosatt_innen_6_mnd", None, f"{rng.uniform(55, 97):.1f}".replace(".", ","))
            add(nr, year, "intro_tilbudt_innen_3_mnd", None, f"{rng.uniform(50, 96):.1f}".replace(".", ","))
    for year in YEARS:  # references without real figures: Oslo i alt and Hele landet
        oslo_work = sum(int(r["Verdi"]) for r in rows if r["År"] == year and r["Måltall"] == "intro_arbeid_ved_avslutning")
        add("0301", year, "intro_avsluttet", None, OSLO_COMPLETED[year])
        add(
            "0301",
            year,
            "intro_arbeid_ved_avslutning",
            None,
            oslo_work + (value("intro_arbeid_ved_avslutning", f"030105|{year}|") or 0),
        )
        national_completed = NATIONAL_COMPLETED[year]
        add("0", year, "intro_avsluttet", None, national_completed)
        add("0", year, "intro_arbeid_ved_avslutning", None, round(national_completed * rng.uniform(0.33, 0.42)))
        for nr in ("0301", "0"):
            add(nr, year, "bosatt_innen_6_mnd", None, f"{rng.uniform(70, 90):.1f}".replace(".", ","))
            add(nr, year, "intro_tilbudt_innen_3_mnd", None, f"{rng.uniform(65, 90):.1f}".replace(".", ","))
        add("0301", year, "intro_arbeid_utdanning_1_aar_etter", None, f"{rng.uniform(55, 68):.1f}".replace(".", ","))
    return rows


def to_csv_bytes(rows: list[dict[str, object]]) -> bytes:
    """Semicolon-separated UTF-8 with BOM, as Norwegian Excel writes it."""
    buf = io.StringIO()
    w = csv.DictWriter(
        buf, fieldnames=["År", "Bydel", "Måltall", "Kategori", "Verdi", "Merknad"], delimiter=";", lineterminator="\n"
    )
    w.writeheader()
    w.writerows(rows)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def write(path: Path = OUT_FILE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(to_csv_bytes(generate()))
    return path
