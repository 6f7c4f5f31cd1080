"""Every public figure at once, for researchers: CSV, Parquet and a Frictionless Data Package.

The figures are the public view (`public_view`: the same suppression as the screen); a hidden cell
is written with an empty value and status «prikket», never with the stored value behind it. The
package names its data version, the short identifier of the store's state that citations carry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ..metrics import public_view
from ..publishers import publishers_for
from ..vocab import vocabulary

CSV_NAME, PARQUET_NAME, PACKAGE_NAME, README_NAME = "tall.csv", "tall.parquet", "datapackage.json", "README.txt"
DASHBOARD = "oslo-integration"

# Every column, its Table Schema type and what it means (Norwegian; the English follows in brackets).
FIELDS: list[tuple[str, str, str]] = [
    ("bydel_nr", "string", "Bydelsnummer (SSB): 0301xx for bydeler, 0301 for Oslo i alt, 0 for Hele landet. [District number]"),
    ("bydel", "string", "Bydelens navn, «Oslo i alt» eller «Hele landet». [District name]"),
    ("aar", "integer", "Året tallet gjelder. [Year]"),
    ("maaltall", "string", "Måltallets kode; se «measures» for navn, enhet og definisjon. [Measure code]"),
    ("kategori", "string", "Kategori innen måltallet (boligtype, land), tom for totalen. [Category, empty for the total]"),
    ("verdi", "number", "Tallet; tomt når det er skjult eller mangler. [Value; empty when hidden or missing]"),
    (
        "status",
        "string",
        "ok = vises; prikket = skjult av personvernhensyn; mangler = ikke tilgjengelig. [ok / hidden / missing]",
    ),
    (
        "type",
        "string",
        "offisiell = publisert av IMDi, SSB eller Oslo kommune; bydel = lastet opp av en bydel; eksempel = genererte tall, ikke ekte. [official / district / example]",
    ),
    ("kilde_fil", "string", "Filen tallet er lest fra. [Source file]"),
    ("kilde_celle", "string", "Cellen (eller raden) i filen. [Cell or row in the file]"),
    ("kilde_url", "string", "Der utgiveren publiserte tallet, når kjent. [Publisher's address, when known]"),
]


@dataclass(frozen=True)
class Published:
    version: str
    files: dict[str, Path]


def public_figures(current: pl.DataFrame) -> pl.DataFrame:
    """The public view of every current figure, one row each, in a stable order and with Norwegian column names."""
    public = public_view(current)
    shown = pl.col("status") == "ok"
    return public.select(
        pl.col("bydel_nr"),
        pl.col("bydel"),
        pl.col("year").cast(pl.Int64).alias("aar"),
        pl.col("measure").alias("maaltall"),
        pl.col("category").alias("kategori"),
        pl.when(shown).then(pl.col("value")).otherwise(None).alias("verdi"),  # never the value behind a hidden cell
        pl.col("status"),
        pl.col("kind").alias("type"),
        pl.col("source_file").alias("kilde_fil"),
        pl.col("cell").alias("kilde_celle"),
        (pl.col("source_url") if "source_url" in public.columns else pl.lit(None, dtype=pl.String)).alias("kilde_url"),
    ).sort("maaltall", "kategori", "bydel_nr", "aar", nulls_last=True)


def figures_csv(figures: pl.DataFrame) -> bytes:
    """UTF-8, `,`, decimal point; whole numbers without «.0», hidden and missing values empty."""
    out = figures.with_columns(
        pl.when(pl.col("verdi") == pl.col("verdi").round(0))
        .then(pl.col("verdi").cast(pl.Int64).cast(pl.String))
        .otherwise(pl.col("verdi").round(4).cast(pl.String))
        .alias("verdi")
    )
    return out.write_csv(null_value="").encode("utf-8")


def data_version(store_version: int, csv: bytes) -> str:
    """Short and stable: the store's event count and a digest of what the public sees («47-3fa2c1d9»)."""
    digest = hashlib.sha256(csv).hexdigest()[:8]
    return f"{store_version}-{digest}"


def datapackage(figures: pl.DataFrame, version: str, made: dt.date | None = None) -> dict:
    """The Frictionless Data Package descriptor: resources with schemas, measures, sources, version."""
    vocab = vocabulary()
    made = made or dt.date.today()
    used = set(figures["maaltall"].unique().to_list())
    measures = [
        {"name": m.measure, "title": m.label_nb, "title_en": m.label_en, "unit": m.unit,
         "description": m.definition_nb, "description_en": m.definition_en}
        for m in vocab.measures.values() if m.measure in used
    ]  # fmt: skip
    pubs = publishers_for(figures.select("kilde_fil", "bydel").unique().iter_rows())
    schema = {
        "fields": [{"name": n, "type": t, "description": d} for n, t, d in FIELDS],
        "missingValues": [""],
    }
    resource = {"profile": "tabular-data-resource", "schema": schema, "encoding": "utf-8"}
    return {
        "profile": "data-package",  # the CSV is a tabular resource; the Parquet copy a plain one
        "name": "oslo-integration-tall",
        "title": "Flyktninger i Oslos bydeler: alle offentlige tall",
        "description": "Bosetting, landbakgrunn, introduksjonsprogrammet og overgang til arbeid eller utdanning per bydel, "
        "Oslo i alt og Hele landet, slik dashbordet viser dem (prikket som på skjermen). "
        "[Refugees in Oslo's districts: every public figure, as the dashboard shows it.]",
        "version": version,
        "created": dt.datetime.combine(made, dt.time(), dt.UTC).isoformat().replace("+00:00", "Z"),
        # each publisher with its own terms: the figures do not share one licence
        "sources": [{"title": p.name_nb, "title_en": p.name_en, "licence": p.licence_nb, "licence_en": p.licence_en} for p in pubs],
        "measures": measures,
        "resources": [
            {"name": "tall", "path": CSV_NAME, "format": "csv", "mediatype": "text/csv",
             "dialect": {"delimiter": ",", "header": True}, **resource},
            {"name": "tall-parquet", "path": PARQUET_NAME, "format": "parquet", "mediatype": "application/vnd.apache.parquet",
             "profile": "data-resource", "schema": schema},
        ],
    }  # fmt: skip


def readme(version: str, made: dt.date, n: int) -> str:
    return (
        f"Flyktninger i Oslos bydeler – alle offentlige tall\n"
        f"Datagrunnlag versjon {version}, laget {made:%d.%m.%Y} med {DASHBOARD}. {n} tall.\n\n"
        f"{CSV_NAME}: alle tall (UTF-8, komma som skilletegn, punktum som desimaltegn).\n"
        f"{PARQUET_NAME}: de samme tallene i Parquet.\n"
        f"{PACKAGE_NAME}: beskrivelse (Frictionless Data Package): kolonner, måltall med definisjon og enhet, "
        "kilder med utgivere og lisenser.\n"
        "Skjulte tall (prikket, av personvernhensyn) har tom verdi og status «prikket». Tall med type «eksempel» "
        "er genererte tall, ikke ekte.\n"
        f"Sitering: Kilde: utgiverne i {PACKAGE_NAME}. Bearbeidet i {DASHBOARD}, datagrunnlag versjon {version}.\n\n"
        "Refugees in Oslo's districts – every public figure\n"
        f"Data version {version}, made {made:%Y-%m-%d} with {DASHBOARD}. {n} figures.\n\n"
        f"{CSV_NAME}: every figure (UTF-8, comma separated, decimal point). {PARQUET_NAME}: the same in Parquet. "
        f"{PACKAGE_NAME}: the Frictionless Data Package descriptor (columns, measures with definitions and units, "
        "sources with publishers and licences).\n"
        "Hidden figures (suppressed for privacy) have an empty value and status «prikket». Rows of type «eksempel» "
        "are generated example figures, not real.\n"
        f"Citation: Source: the publishers in {PACKAGE_NAME}. Processed in {DASHBOARD}, data version {version}.\n"
    )


def package_files(current: pl.DataFrame, store_version: int, made: dt.date | None = None) -> tuple[str, dict[str, bytes]]:
    """The data version and every file of the package, as bytes (for a download or a folder)."""
    made = made or dt.date.today()
    figures = public_figures(current)
    csv = figures_csv(figures)
    version = data_version(store_version, csv)
    parquet = io.BytesIO()
    figures.write_parquet(parquet)
    files = {
        CSV_NAME: csv,
        PARQUET_NAME: parquet.getvalue(),
        PACKAGE_NAME: json.dumps(datapackage(figures, version, made), ensure_ascii=False, indent=2).encode("utf-8"),
        README_NAME: readme(version, made, figures.height).encode("utf-8"),
    }
    return version, files


def write_files(files: dict[str, bytes], out: Path) -> dict[str, Path]:
    """Each file written atomically (a reader, or another replica, never sees half a file)."""
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, content in files.items():
        fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{name}.")
        os.fchmod(fd, 0o644)  # served to everyone and read by anyone
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.replace(tmp, out / name)
        written[name] = out / name
    return written


def write_package(current: pl.DataFrame, store_version: int, out: Path) -> Published:
    """The package for the current figures, written into `out`."""
    version, files = package_files(current, store_version)
    return Published(version, write_files(files, out))


def zip_package(files: dict[str, bytes]) -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buf.getvalue()
