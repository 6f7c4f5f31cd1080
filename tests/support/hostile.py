"""A corpus of hostile and pathological files, made on the fly (nothing large is kept in git).

Each case is a file an attacker, or a very unlucky export, could hand the upload box: what it
costs must be bounded, and what it says must be a Norwegian message naming the file. `refused`
cases must be refused with `expect` in the message; the others are legal input that must be read
within the same bounds, with what they carry (titles, names, notes) kept small and inert.
"""

from __future__ import annotations

import io
import random
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

VALID_TABLE = "Bydel;År;Bosatte flyktninger\nFrogner;2024;77\n"

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{overrides}</Types>"
)


def xlsx(sheets: dict[str, str], *, targets: dict[str, str] | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal workbook: sheet name -> what goes inside <worksheet>; `targets` stores a sheet under another part name."""
    targets = targets or {}
    entries: dict[str, bytes] = {}
    sheet_tags, rels, overrides = [], [], []
    for i, (name, body) in enumerate(sheets.items(), start=1):
        sheet_tags.append(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>')
        overrides.append(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
        part = "xl/" + targets.get(name, f"worksheets/sheet{i}.xml")
        entries[part] = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">{body}</worksheet>'.encode()
    entries["[Content_Types].xml"] = _CONTENT_TYPES.format(overrides="".join(overrides)).encode()
    entries["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ).encode()
    entries["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        f"{''.join(sheet_tags)}</sheets></workbook>"
    ).encode()
    entries["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">{"".join(rels)}</Relationships>'
    ).encode()
    entries.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in entries.items():
            zf.writestr(name, body)
    return buf.getvalue()


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _num(ref: str, value: object) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def _table_rows(first: int) -> str:
    """Bydel | År | Bosatte flyktninger, and Frogner 2024 77, from row `first`."""
    a, b = first, first + 1
    return (
        f'<row r="{a}">{_inline(f"A{a}", "Bydel")}{_inline(f"B{a}", "År")}{_inline(f"C{a}", "Bosatte flyktninger")}</row>'
        f'<row r="{b}">{_inline(f"A{b}", "Frogner")}{_num(f"B{b}", 2024)}{_num(f"C{b}", 77)}</row>'
    )


VALID_SHEET = f"<sheetData>{_table_rows(1)}</sheetData>"


def _deflated(size: int) -> tuple[bytes, int]:
    """Raw deflate of `size` zero bytes (made in chunks, so the generator itself stays small), and its CRC."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    out, crc = [], 0
    for _ in range(size >> 20):
        out.append(comp.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    out.append(comp.flush())
    return b"".join(out), crc


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written by hand: (name, deflated data, crc, declared size) each, so the declared size can lie."""
    body, central = b"", b""
    for name, data, crc, declared in entries:
        n = name.encode()
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), declared, len(n), 0) + n + data
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), declared, len(n), 0, 0, 0, 0, 0, offset
            )
            + n
        )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0)
    return body + central + end


def _good_entries() -> list[tuple[str, bytes, int, int]]:
    good = zipfile.ZipFile(io.BytesIO(xlsx({"Ark1": VALID_SHEET})))
    out = []
    for info in good.infolist():
        raw = good.read(info.filename)
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        out.append((info.filename, comp.compress(raw) + comp.flush(), zlib.crc32(raw), len(raw)))
    return out


def _lying_sizes() -> bytes:
    """A part that says it is 1 KB but inflates to 300 MB (a check that trusts declared sizes lets it through)."""
    data, crc = _deflated(300 << 20)
    return raw_zip(_good_entries() + [("xl/worksheets/sheet2.xml", data, crc, 1024)])


def _honest_bomb() -> bytes:
    """Declared sizes true and large: 300 MB of zeros in one part."""
    data, crc = _deflated(300 << 20)
    return raw_zip(_good_entries() + [("xl/extra.xml", data, crc, 300 << 20)])


def _far_cell() -> bytes:
    return xlsx({"Ark1": f'<dimension ref="A1"/><sheetData><row r="1048576">{_num("XFD1048576", 1)}</row></sheetData>'})


def _far_cell_beside_table() -> bytes:
    return xlsx(
        {"Ark1": f'<dimension ref="A1:C2"/><sheetData>{_table_rows(1)}<row r="900000">{_num("ZZ900000", 5)}</row></sheetData>'}
    )


def _rows_without_numbers() -> bytes:
    """200 000 row tags without r (each is the next row), then one cell without r."""
    return xlsx({"Ark1": "<sheetData>" + "<row/>" * 200_000 + '<row><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>'})


def _many_cells(prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    return "".join(
        f'<{p}row r="{r}">' + "".join(f'<{p}c r="{c}{r}"><{p}v>1</{p}v></{p}c>' for c in "ABCDEFGHIJ") + f"</{p}row>"
        for r in range(1, 15_001)
    )


def _case_mismatch() -> bytes:
    """The workbook names worksheets/sheet1.xml; the part is stored as worksheets/SHEET1.XML, with 150 000 cells."""
    return xlsx({"Ark1": f"<sheetData>{_many_cells()}</sheetData>"}, targets={"Ark1": "worksheets/SHEET1.XML"})


def _prefixed_cells() -> bytes:
    """Cells written with a namespace prefix (<x:c>): 150 000 of them must be counted too."""
    body = f'<?xml version="1.0"?><x:worksheet xmlns:x="{_MAIN}"><x:sheetData>{_many_cells("x")}</x:sheetData></x:worksheet>'
    return xlsx({"Ark1": VALID_SHEET}, extra={"xl/worksheets/sheet1.xml": body.encode()})


def _duplicate_part() -> bytes:
    good = zipfile.ZipFile(io.BytesIO(xlsx({"Ark1": VALID_SHEET})))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name: that is the point
        for info in good.infolist():
            zf.writestr(info.filename, good.read(info.filename))
        zf.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{_MAIN}"><sheetData>{_many_cells()}</sheetData></worksheet>')
    return buf.getvalue()


def _billion_laughs() -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    workbook = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="&lol9;" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    return xlsx({"Ark1": VALID_SHEET}, extra={"xl/workbook.xml": workbook.encode()})


def _huge_shared_string() -> bytes:
    """A 4.7 MB text in the title cell above a good table: it must not become a note of megabytes."""
    strings = f'<?xml version="1.0"?><sst xmlns="{_MAIN}" count="1" uniqueCount="1"><si><t>{"Tittel " * 700_000}</t></si></sst>'
    body = f'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>{_table_rows(3)}</sheetData>'
    return xlsx({"Ark1": body}, extra={"xl/sharedStrings.xml": strings.encode()})


def _huge_styles() -> bytes:
    """A styles part with 300 000 cell formats (a parsed tree of it would cost hundreds of MB)."""
    xfs = '<xf numFmtId="9"/>' * 300_000
    styles = f'<?xml version="1.0"?><styleSheet xmlns="{_MAIN}"><cellXfs count="300000">{xfs}</cellXfs></styleSheet>'
    return xlsx({"Ark1": VALID_SHEET}, extra={"xl/styles.xml": styles.encode()})


def _empty_cell_tags() -> bytes:
    """1.5 million formatting-only cells in one place: nothing to read, but a loop over each would take seconds."""
    rng = random.Random(7)  # varied styles, so the file packs like a real one and only the count refuses it
    cells = "".join(f'<c r="A1" s="{rng.randrange(100_000)}"/>' for _ in range(1_500_000))
    return xlsx({"Ark1": f'<sheetData><row r="1">{cells}</row></sheetData>'})


def _many_sheet_entries() -> bytes:
    """A workbook part that lists 300 000 sheets."""
    sheets = '<sheet name="x" sheetId="1" r:id="rId1"/>' * 300_000
    workbook = f'<?xml version="1.0"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{sheets}</sheets></workbook>'
    return xlsx({"Ark1": VALID_SHEET}, extra={"xl/workbook.xml": workbook.encode()})


def _csv(text: str) -> bytes:
    return text.encode("utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    file_name: str
    make: Callable[[], bytes]
    refused: bool
    expect: str  # in the message when refused; never in any stored note or message when read


CASES: list[Case] = [
    Case("far cell XFD1048576", "langt_unna.xlsx", _far_cell, True, "XFD1048576"),
    Case("far cell beside a table", "ekstra_celle.xlsx", _far_cell_beside_table, True, "ZZ900000"),
    Case("200 000 rows without numbers", "rader.xlsx", _rows_without_numbers, True, "rader"),
    Case("sizes that lie (1 KB -> 300 MB)", "lyver.xlsx", _lying_sizes, True, "skadet"),
    Case("honest bomb (300 MB of zeros)", "bombe.xlsx", _honest_bomb, True, "mistenkelig mye"),
    Case("sheet part in other case (150 000 cells)", "store_bokstaver.xlsx", _case_mismatch, True, "Grensen er 100\u00a0000"),
    Case("prefixed cells (150 000)", "prefiks.xlsx", _prefixed_cells, True, "Grensen er 100\u00a0000"),
    Case("300 sheets", "ark.xlsx", lambda: xlsx({f"Ark{i}": VALID_SHEET for i in range(300)}), True, "Grensen er 255"),
    Case(
        "3 000 zip entries",
        "deler.xlsx",
        lambda: xlsx({"Ark1": VALID_SHEET}, extra={f"xl/junk/part{i}.xml": b"<a/>" for i in range(3_000)}),
        True,
        "deler",
    ),
    Case("the same part twice", "dobbel.xlsx", _duplicate_part, True, "to ganger"),
    Case("billion laughs", "latter.xlsx", _billion_laughs, True, "kan ikke leses"),
    Case("300 000 cell formats", "stiler.xlsx", _huge_styles, True, "celleformater"),
    Case("1.5 million empty cell tags", "tomme.xlsx", _empty_cell_tags, True, "også tomme"),
    Case("300 000 sheets listed", "arkliste.xlsx", _many_sheet_entries, True, "flere ark"),
    Case("4.7 MB shared string as a title", "lang_tittel.xlsx", _huge_shared_string, False, "Tittel " * 200),
    Case("10 MB of «;\\n»", "semikolon.csv", lambda: _csv(";\n" * 5_000_000), True, "rader"),
    Case("one line of 200 000 delimiters", "bred.csv", lambda: _csv(";" * 200_000 + "\n" + VALID_TABLE), True, "kolonner"),
    Case("1 MB field", "felt.csv", lambda: _csv("x" * 1_000_000 + "\n" + VALID_TABLE), True, "kan ikke leses som CSV"),
    Case(
        "130 KB title of spaces (a quadratic regex once)",
        "tittel.csv",
        lambda: _csv("Tittel" + " " * 130_000 + "x\n\n" + VALID_TABLE),
        False,
        " " * 3_000,
    ),
    Case(
        "49 000 unknown labels",
        "etiketter.csv",
        lambda: _csv("Måltall;2024\n" + "".join(f"Ukjent etikett {i};{i}\n" for i in range(49_000))),
        True,
        "til av samme slag",
    ),
    Case(
        "NUL in a cell after 4 KB",
        "nul.csv",
        lambda: _csv("Merknad " * 600 + "\n\n" + VALID_TABLE.replace("Frogner", "Frog\x00ner")),
        True,
        "nulltegn",
    ),
    Case("not a zip at all", "tekst.xlsx", lambda: b"Bydel;2024\nFrogner;1\n", True, "ikke et gyldig Excel-regneark"),
    Case("truncated zip", "avkuttet.xlsx", lambda: xlsx({"Ark1": VALID_SHEET})[:400], True, "skadet"),
]
REFUSED = [c for c in CASES if c.refused]
READ = [c for c in CASES if not c.refused]


@cache
def make(case_name: str) -> bytes:
    """The bytes of a case, made once per test session."""
    return next(c for c in CASES if c.name == case_name).make()
