"""Write Bydel Frogner's 2022–2024 tables (shared/seeds/001, the case «Bosetting og oppfølging av
flyktninger i bydel Frogner», 2025) as a workbook in the case's own layout.

Every figure is typed from the case text; the workbook is then read by the same readers as any
bydel's file. Run: python scripts/build_frogner_workbook.py
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent.parent / "data" / "bydeler" / "frogner_bosetting_2022_2024.xlsx"

SHEET = [
    ["Bosetting og oppfølging av flyktninger i bydel Frogner"],
    ["Tall fra saken til bydelsutvalget (2025). Kilde: Bydel Frogner."],
    [],
    ["Tabellen nedenfor viser i hvilken type bolig flyktningene ble bosatt i perioden 2022-2024."],
    ["Type bolig/ år", 2022, 2023, 2024],
    ["Kommunal bolig", 94, 53, 50],
    ["Privat leiemarked", 91, 69, 30],
    [],
    ["Bosatte flyktninger og antall fra Ukraina"],
    [None, 2022, 2023, 2024],
    ["Totalt antall flyktninger bosatt", 185, 122, 80],
    ["Antall fra Ukraina", 171, 102, 55],
    [],
    ["Introduksjonsprogrammet: avslutning og overgang til arbeid"],
    [None, 2022, 2023, 2024],
    ["Totalt antall deltakere som avsluttet introduksjonsprogram", 19, 76, 57],
    ["Deltakere fra Ukraina", "*", 59, 48],
    ["I arbeid ved endt introduksjonsprogram", "*", 18, 16],
    ["Ukrainere i arbeid i løpet av et år etter endt introduksjonsprogram", "*", 15, 41],
    ["* I 2022 var det ingen fra Ukraina som avsluttet Introduksjonsprogrammet."],
]


def build(path: Path = OUT) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Bosetting og introprogram"
    for row in SHEET:
        ws.append(row)
    ws["A1"].font = Font(bold=True, size=14)
    for r in (4, 9, 14):
        ws.cell(row=r, column=1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 70
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


if __name__ == "__main__":
    print(build())
