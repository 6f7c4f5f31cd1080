"""Problems found in an input file, each tied to the cell that caused it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One problem in one place; `message` is a Norwegian sentence for the user."""

    file: str
    sheet: str
    cell: str
    message: str
    level: str = "feil"  # "feil" refuses the file, "advarsel" is kept as a note
    label: str = ""  # an unknown label or header the user can map (upload page, --synonymer)
    role: str = ""  # where that label stands: "kolonne" (a header) or "rad" (a row label)
    suggestions: tuple[str, ...] = ()  # what the label most likely means, best first (targets, see normalise.mapping)

    def where(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"ark «{self.sheet}»")
        if self.cell:
            parts.append(f"celle {self.cell}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


@dataclass
class InputRefused(Exception):
    """Raised when a file cannot enter the store; carries every problem found at once."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
