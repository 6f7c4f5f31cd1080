"""The user file: who may log in, with which role and for which bydeler.

A TOML file (OSLO_INTEGRATION_USERS, default data/brukere.toml) managed with
`python -m oslo_integration bruker add|remove|list`; it may also be edited by hand:

    [brukere.kari]
    rolle = "bydel"
    bydeler = ["Frogner"]
    passord = "$argon2id$..."

    [oidc."kari.nordmann@bfr.oslo.kommune.no"]   # identities from st.login
    rolle = "bydel"
    bydeler = ["Frogner"]
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..paths import DATA_DIR
from ..vocab import Vocabulary, vocabulary
from .passwords import hash_password, is_hash, weak_password

USERS_ENV = "OSLO_INTEGRATION_USERS"
ADMIN = "admin"
BYDEL = "bydel"
ROLES = (ADMIN, BYDEL)


class UserFileError(Exception):
    """A user file that cannot be used as written; the text says where and why, in Norwegian."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    bydeler: tuple[str, ...] = ()  # bydel codes; empty for admin, who has all

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    def describe(self, vocab: Vocabulary | None = None) -> str:
        if self.is_admin:
            return f"{self.name} (administrator, alle bydeler)"
        vocab = vocab or vocabulary()
        return f"{self.name} ({', '.join(vocab.bydel_name(b) for b in self.bydeler)})"


def users_location() -> Path:
    return Path(os.environ.get(USERS_ENV) or DATA_DIR / "brukere.toml")


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


@dataclass
class _Entry:
    role: str
    bydeler: tuple[str, ...]
    password_hash: str | None = None


class UserFile:
    """Users and OIDC identities as read from (and written back to) one file."""

    def __init__(self, path: Path | str | None = None, vocab: Vocabulary | None = None) -> None:
        self.path = Path(path) if path else users_location()
        self.vocab = vocab or vocabulary()
        self.users: dict[str, _Entry] = {}
        self.oidc: dict[str, _Entry] = {}
        if self.path.exists():
            self._load()

    def _load(self) -> None:
        try:
            raw = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UserFileError(f"Brukerfilen {self.path} kan ikke leses: {exc}") from None
        for name, spec in raw.get("brukere", {}).items():
            entry = self._entry(f"brukere.{name}", spec)
            if not entry.password_hash or not is_hash(entry.password_hash):
                raise UserFileError(
                    f"Brukerfilen {self.path}, [brukere.{name}]: «passord» må være en argon2-hash. "
                    "Bruk «python -m oslo_integration bruker add» for å sette passord."
                )
            self.users[name] = entry
        for email, spec in raw.get("oidc", {}).items():
            self.oidc[email.lower()] = self._entry(f'oidc."{email}"', spec)

    def _entry(self, where: str, spec: dict) -> _Entry:
        role = spec.get("rolle")
        if role not in ROLES:
            raise UserFileError(f"Brukerfilen {self.path}, [{where}]: «rolle» må være {' eller '.join(ROLES)}, ikke «{role}».")
        codes = []
        for name in spec.get("bydeler", []):
            code = self.vocab.resolve_bydel(str(name))
            if code is None or code not in {b.bydel_nr for b in self.vocab.real_bydeler()}:
                raise UserFileError(f"Brukerfilen {self.path}, [{where}]: ukjent bydel «{name}».")
            codes.append(code)
        if role == BYDEL and not codes:
            raise UserFileError(f"Brukerfilen {self.path}, [{where}]: en bydelsbruker må ha minst én bydel i «bydeler».")
        return _Entry(role, tuple(codes), spec.get("passord"))

    # -- lookups ---------------------------------------------------------------------------------

    def user(self, name: str) -> User | None:
        entry = self.users.get(name)
        return User(name, entry.role, entry.bydeler) if entry else None

    def password_hash(self, name: str) -> str | None:
        entry = self.users.get(name)
        return entry.password_hash if entry else None

    def oidc_user(self, email: str | None) -> User | None:
        entry = self.oidc.get((email or "").lower())
        return User(email or "", entry.role, entry.bydeler) if entry else None

    def list(self) -> list[User]:
        return [User(n, e.role, e.bydeler) for n, e in sorted(self.users.items())]

    # -- changes ---------------------------------------------------------------------------------

    def add(self, name: str, password: str, role: str, bydeler: list[str]) -> User:
        if not name or not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
            raise UserFileError(f"Ugyldig brukernavn «{name}». Bruk bokstaver, tall, punktum, - og _.")
        why = weak_password(password)
        if why:
            raise UserFileError(why)
        entry = self._entry(f"brukere.{name}", {"rolle": role, "bydeler": bydeler})
        entry.password_hash = hash_password(password)
        self.users[name] = entry
        self.save()
        return User(name, entry.role, entry.bydeler)

    def remove(self, name: str) -> None:
        if name not in self.users:
            raise UserFileError(f"Det finnes ingen bruker «{name}».")
        del self.users[name]
        self.save()

    def save(self) -> None:
        """Write the whole file anew and move it into place, readable by its owner only."""
        lines = [
            "# Brukere av oslo-integration. Passord er lagret som argon2id-hash, aldri i klartekst.",
            "# Endres med: python -m oslo_integration bruker add|remove|list",
            "",
        ]
        for header, entries in (("brukere", self.users), ("oidc", self.oidc)):
            for key, entry in sorted(entries.items()):
                lines.append(f"[{header}.{_toml_string(key)}]")
                lines.append(f"rolle = {_toml_string(entry.role)}")
                names = ", ".join(_toml_string(self.vocab.bydel_name(b).removeprefix("Bydel ")) for b in entry.bydeler)
                lines.append(f"bydeler = [{names}]")
                if entry.password_hash:
                    lines.append(f"passord = {_toml_string(entry.password_hash)}")
                lines.append("")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines))
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
