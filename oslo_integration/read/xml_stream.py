"""The few attributes we need from a workbook's own XML parts, read as a stream (no tree in memory).

A parsed tree costs hundreds of bytes per element, so a styles part of 64 MB would cost gigabytes;
expat hands us one element at a time and we keep only the ones asked for, up to a cap.
"""

from __future__ import annotations

from xml.parsers import expat

MAX_ELEMENTS = 200_000  # of any one kind we keep: far beyond any real workbook's styles or sheets


class TooManyElements(ValueError):
    """More elements of a kind than any real workbook has."""


def elements(xml: bytes, wanted: set[tuple[str, str]], limit: int = MAX_ELEMENTS) -> list[tuple[str, dict[str, str]]]:
    """(local name, attributes) of every element whose (parent, own) local names are in `wanted`, in order.

    Attribute names are local too (`r:id` -> `id`). Raises TooManyElements past `limit`, and expat's
    own errors (including its refusal of entity-expansion bombs) for XML that is not well formed.
    """
    parser = expat.ParserCreate(namespace_separator="}")
    stack: list[str] = []
    found: list[tuple[str, dict[str, str]]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit("}", 1)[-1]
        if (stack[-1] if stack else "", local) in wanted:
            if len(found) >= limit:
                raise TooManyElements(local)
            found.append((local, {k.rsplit("}", 1)[-1]: v for k, v in attrs.items()}))
        stack.append(local)

    def end(name: str) -> None:
        stack.pop()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(xml, True)
    return found
