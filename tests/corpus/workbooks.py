"""The corpus's workbooks, as the cells and merges people and statistics offices lay them out.

Written with openpyxl when the tests run (the CSV and JSON files are kept as files in files/).
Each workbook copies a published layout: a bydel case table, SSB's PxWeb XLSX, IMDi's downloads,
Oslo kommune's statistikkbank. The hand-written expected rows are in expected/<name>.csv.
"""

from __future__ import annotations

from pathlib import Path

Cells = list[list[object]]
# name -> {sheet name -> (rows, merged ranges)}
WORKBOOKS: dict[str, dict[str, tuple[Cells, list[str]]]] = {
    "aar_over_aarene_flettet.xlsx": {
        "Bosetting": (
            [
                ["Bydel Grorud – bosatte flyktninger etter type bolig"],
                [],
                ["Type bolig", "År", None, None],
                [None, 2021, 2022, 2023],
                ["Kommunal bolig", 20, 25, 18],
                ["Privat leiemarked", 5, 3, 4],
            ],
            ["A1:D1", "B3:D3"],  # a title merged across the table stays a title
        )
    },
    "aar_over_aarene_uflettet_nynorsk.xlsx": {
        "Ark1": (
            [
                ["Bydel Stovner"],
                ["Busette flyktningar etter type bustad"],
                ["Type bustad", "År"],
                [None, 2023, 2024],
                ["Kommunal bustad", 14, 11],
                ["Privat leigemarknad", 6, 9],
            ],
            [],
        )
    },
    "gruppeoverskrifter_aar_som_rader.xlsx": {
        "Stovner": (
            [
                ["Nøkkeltall bosetting og introduksjonsprogram"],
                [None, "Bosatte flyktninger", None, "Introduksjonsprogrammet", None, None],
                ["År", "I alt", "Kommunal bolig", "Deltakere", "Avsluttet", "I arbeid ved avslutning"],
                [2022, 60, 41, 150, 48, 20],
                [2023, 52, 30, 171, 60, 26],
            ],
            ["B2:C2", "D2:F2"],
        )
    },
    "bydeler_side_om_side_flettet.xlsx": {
        "Ark1": (
            [
                ["Bosatte flyktninger etter landbakgrunn"],
                [None, "Frogner", None, "Sagene", None],
                ["Landbakgrunn", 2022, 2023, 2022, 2023],
                ["Ukraina", 160, 95, 40, 22],
                ["Syria", 4, ":", 6, 3],
            ],
            ["B2:C2", "D2:E2"],
        )
    },
    "bydeler_side_om_side_uflettet_nynorsk.xlsx": {
        "Ark1": (
            [
                ["Busette flyktningar etter landbakgrunn, 2023 og 2024"],
                [None, "Bydel Grorud", None, "Bydel Stovner", None],
                ["Land", 2023, 2024, 2023, 2024],
                ["Ukraina", 30, 35, 28, 31],
                ["Eritrea", 5, 6, 7, 9],
                ["Andre land", 2, 1, 3, 2],
            ],
            [],
        )
    },
    "antall_og_prosent_under_aar.xlsx": {
        "Kommunal bolig": (
            [
                ["Bosatte flyktninger i kommunal bolig"],
                ["Bydel", 2023, None, 2024, None],
                [None, "Antall", "Prosent", "Antall", "Prosent"],
                ["Bjerke", 30, "62 %", 25, "55 %"],
                ["Grorud", 22, "51 %", 20, "49 %"],
            ],
            ["B2:C2", "D2:E2"],
        )
    },
    "begge_kjonn_menn_kvinner.xlsx": {
        "Deltakere": (
            [
                ["Deltakere i introduksjonsprogrammet etter kjønn"],
                [None, "Begge kjønn", None, "Menn", None, "Kvinner", None],
                ["Bydel", 2023, 2024, 2023, 2024, 2023, 2024],
                ["Gamle Oslo", 240, 260, 100, 110, 140, 150],
                ["Søndre Nordstrand", 180, 175, 80, 70, 100, 105],
            ],
            ["B2:C2", "D2:E2", "F2:G2"],
        )
    },
    "tomme_rader_inne_i_tabellen.xlsx": {
        "Nordstrand": (
            [
                ["Bydel Nordstrand"],
                ["Bosatte flyktninger etter landbakgrunn"],
                ["Landbakgrunn", 2023, 2024],
                ["Ukraina", 40, 36],
                ["Syria", 3, 5],
                [],
                ["Afghanistan", 2, 1],
                ["Eritrea", 4, "-"],
                [],
                ["Kilde: Bydel Nordstrand, flyktningtjenesten"],
                [],
                ["Bosatte flyktninger etter type bolig"],
                ["Type bolig", 2023, 2024],
                ["Kommunal bolig", 30, 28],
                [],
                ["Privat leiemarked", 19, 14],
            ],
            [],
        )
    },
    "flettede_radetiketter.xlsx": {
        "Intro": (
            [
                ["Introduksjonsprogrammet per bydel"],
                ["Bydel", "Måltall", 2022, 2023],
                ["Grorud", "Deltakere", 120, 131],
                [None, "Avsluttet", 41, 45],
                ["Alna", "Deltakere", 200, 214],
                [None, "Avsluttet", 70, 66],
            ],
            ["A3:A4", "A5:A6"],
        )
    },
    "kvartaler_og_hele_aaret.xlsx": {
        "Bosatte": (
            [
                ["Bosatte flyktninger – Bydel Østensjø"],
                [None, "1. kv 2024", "2. kv 2024", "3. kv 2024", "4. kv 2024", "Hele 2024"],
                ["Bosatte flyktninger", 10, 12, 8, 11, 41],
            ],
            [],
        )
    },
    "verdi_med_aaret_i_arknavnet.xlsx": {
        "2023": (
            [
                ["Bydel Bjerke"],
                ["Bosatte flyktninger etter landbakgrunn"],
                ["Land", "Antall"],
                ["Afghanistan", 12],
                ["Jemen", 3],
                ["Kongo, Den demokratiske republikken", 5],
            ],
            [],
        )
    },
    "bosatte_grorud_2024_boligtype.xlsx": {
        "Ark1": (
            [
                ["Bosatte etter type bolig"],
                ["Type bolig", "Verdi"],
                ["Kommunal bolig", 31],
                ["Privat leiemarked", 12],
                ["Annet", 2],
            ],
            [],
        )
    },
    "pxweb_xlsx_pivot.xlsx": {
        "13215": (
            [
                ["13215: Deltakere i introduksjonsprogrammet, etter region, statistikkvariabel og år"],
                [],
                [None, None, "2022", "2023"],
                ["0301 Oslo", "Deltakere i introduksjonsprogrammet", 1502, 2410],
                [None, "Avsluttet introduksjonsprogrammet", 700, 955],
                ["0 Hele landet", "Deltakere i introduksjonsprogrammet", 12345, 28967],
                [None, "Avsluttet introduksjonsprogrammet", 5100, 9012],
                [],
                ["Kilde: Statistisk sentralbyrå"],
            ],
            [],
        )
    },
    "to_tabeller_to_bydeler.xlsx": {
        "Ark1": (
            [
                ["Bydel Ullern"],
                ["Type bolig", 2023],
                ["Kommunal bolig", 8],
                [],
                ["Bydel Vestre Aker"],
                ["Type bolig", 2023],
                ["Kommunal bolig", 11],
            ],
            [],
        )
    },
    "sak_til_orientering_stil.xlsx": {
        "Tabell 1": (
            [
                ["Bosetting av flyktninger i Bydel Frogner 2022–2024"],
                [],
                [None, 2022, 2023, 2024],
                ["Totalt antall flyktninger bosatt", 180, 120, 95],
                ["Antall fra Ukraina", 160, 95, 60],
                ["Kommunal bolig", 20, 30, 41],
                ["Privat leiemarked", 160, 90, 54],
            ],
            [],
        )
    },
    "lang_med_landkolonne.xlsx": {
        "Data": (
            [
                ["Bydel", "År", "Landbakgrunn", "Bosatte flyktninger"],
                ["Gamle Oslo", 2016, "Syria", 55],
                ["Gamle Oslo", 2016, "Eritrea", 21],
                ["Gamle Oslo", 2016, "Myanmar", 4],
                ["Gamle Oslo", 2016, "I alt", 80],
            ],
            [],
        )
    },
    "enhet_personer_prosent.xlsx": {
        "Status": (
            [
                ["Tidligere deltakere i introduksjonsprogrammet, status i november året etter"],
                ["Hele landet"],
                ["Statistikkvariabel", "Enhet", 2016, 2022],
                ["Sysselsatt og/eller under utdanning", "Personer", 2980, 2060],
                ["Sysselsatt og/eller under utdanning", "Prosent", 62, 65],
                ["Tidligere deltakere i alt", "Personer", 4790, 3170],
            ],
            [],
        )
    },
    "anmodning_vedtak_faktisk.xlsx": {
        "Oslo": (
            [
                ["Oslo kommune – anmodning, vedtak og bosetting"],
                [None, 2022, 2023, 2024],
                ["Opprinnelig anmodning", 2500, 2400, 2000],
                ["Anmodning om bosetting", 2650, 2200, 2000],
                ["Vedtak om bosetting", 2650, 2200, 2000],
                ["Faktisk bosetting", 1926, 2018, 1650],
            ],
            [],
        )
    },
    "nynorsk_introduksjonsprogram.xlsx": {
        "Ark1": (
            [
                ["Bydel Nordstrand"],
                ["Introduksjonsprogrammet"],
                [
                    "År",
                    "Deltakarar i introduksjonsprogrammet",
                    "Avslutta introduksjonsprogrammet",
                    "I arbeid ved avslutta introduksjonsprogram",
                ],
                [2023, 44, 15, 6],
                [2024, 51, 18, 9],
            ],
            [],
        )
    },
    "pxweb_xlsx_flettet_region_kjonn.xlsx": {
        "Avsluttet": (
            [
                ["Avsluttet introduksjonsprogrammet, etter region, kjønn og år"],
                ["region", "kjønn", "2023", "2024"],
                ["0301 Oslo", "Begge kjønn", 955, 1010],
                [None, "Menn", 400, 430],
                [None, "Kvinner", 555, 580],
                ["0 Hele landet", "Begge kjønn", 9012, 9900],
                [None, "Menn", 4100, 4500],
                [None, "Kvinner", 4912, 5400],
            ],
            ["A3:A5", "A6:A8"],
        )
    },
    "ostensjo_introduksjon.xlsx": {
        "Ark1": (
            [
                [None, "Introduksjonsprogrammet", None, None],
                ["År", "Deltakere", "Avsluttet", "I arbeid ved avslutning"],
                [2022, 30, 11, 4],
                [2023, 35, 12, 5],
            ],
            ["B1:D1"],
        )
    },
    "symboler_prikket_og_mangler.xlsx": {
        "Ullern": (
            [
                ["Bydel Ullern – deltakere i introduksjonsprogrammet"],
                ["Land", 2023, 2024],
                ["Ukraina", 25, 21],
                ["Syria", "<5", ":"],
                ["Eritrea", "..", "-"],
            ],
            [],
        )
    },
}

# Files that must be refused, with the cell and words the message must have.
REFUSED: dict[str, dict[str, tuple[Cells, list[str]]]] = {
    "kvartaler_uten_hele_aaret.xlsx": {
        "Bosatte": (
            [
                ["Bosatte flyktninger – Bydel Østensjø"],
                [None, "1. kv 2024", "2. kv 2024"],
                ["Bosatte flyktninger", 10, 12],
            ],
            [],
        )
    },
    "tall_der_overskriften_skulle_staa.xlsx": {
        "Ark1": (
            [
                ["Bydel Alna – bosatte flyktninger"],
                ["Type bolig", 2023, 19],
                ["Kommunal bolig", 8, 3],
            ],
            [],
        )
    },
}
REFUSED_EXPECT = {
    "kvartaler_uten_hele_aaret.xlsx": ("B2:C2", "kvartalstall"),
    "tall_der_overskriften_skulle_staa.xlsx": ("C2", "tallet «19»"),
}


def write_workbook(path: Path, sheets: dict[str, tuple[Cells, list[str]]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, (rows, merges) in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row if row else [None])
        for ref in merges:
            ws.merge_cells(ref)
    wb.save(path)
    return path
