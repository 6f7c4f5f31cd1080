"""What a file really is, judged by its first bytes, so a renamed file gets an honest message."""

from __future__ import annotations

import io
import zipfile

_MAGIC = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "det gamle Excel-formatet (.xls) eller et annet eldre Office-dokument"),
    (b"%PDF", "en PDF-fil"),
    (b"\x89PNG", "et bilde (PNG)"),
    (b"\xff\xd8\xff", "et bilde (JPEG)"),
    (b"GIF8", "et bilde (GIF)"),
    (b"{\\rtf", "et RTF-dokument"),
    (b"\x1f\x8b", "en gzip-komprimert fil"),
    (b"Rar!", "en RAR-fil"),
    (b"7z\xbc\xaf", "en 7-Zip-fil"),
]
_ZIP_KINDS = [
    ("word/", "et Word-dokument (.docx)"),
    ("ppt/", "en PowerPoint-fil (.pptx)"),
]


def _head(zf: zipfile.ZipFile, name: str) -> bytes:
    with zf.open(name) as fh:
        return fh.read(100)


def describe(data: bytes) -> str | None:
    """A Norwegian phrase for what the bytes are, when they are a known non-spreadsheet format."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "en nettside (HTML)"
    if data.startswith(b"PK"):
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            names = zf.namelist()
            if "mimetype" in names and b"opendocument.spreadsheet" in _head(zf, "mimetype"):
                return "et OpenDocument-regneark (.ods)"
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
        for prefix, what in _ZIP_KINDS:
            if any(n.startswith(prefix) for n in names):
                return what
    return None
