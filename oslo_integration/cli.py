"""The command line: read, import, list, undo and export figures, in Norwegian.

Bad input is answered with one line per problem (file, sheet, cell) and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import polars as pl

from .errors import InputRefused, Problem
from .normalise import EXTRA_COLUMNS, Normalised
from .normalise.parallel import normalise_files_parallel
from .schema_csv import write_schema_csv
from .store import KINDS, StoreError, import_normalised, open_store
from .store.base import sha256
from .text.untrusted import clean_name
from .vocab import Synonym

EXIT_BAD_INPUT = 2


def _who(args: argparse.Namespace) -> str:
    if getattr(args, "hvem", None):
        return args.hvem
    try:
        return f"kommandolinje:{getpass.getuser()}"
    except Exception:  # no user name in some containers
        return "kommandolinje"


def _print_problems(problems: Sequence[Problem]) -> None:
    for p in problems:
        print(str(p), file=sys.stderr)


def _bydel_argument(text: str, *, real_only: bool = False) -> str | None:
    """The code of a --bydel argument, or None after telling the user the nearest bydel."""
    from .normalise.keys import closest_bydel
    from .vocab import vocabulary

    vocab = vocabulary()
    nr = vocab.resolve_bydel(text)
    if nr is None or (real_only and nr not in {b.bydel_nr for b in vocab.real_bydeler()}):
        print(f"Ukjent bydel «{text}». Mente du «{closest_bydel(text, vocab)}»?", file=sys.stderr)
        return None
    return nr


def _synonyms(args: argparse.Namespace, problems: list[Problem]) -> tuple[Synonym, ...]:
    """The synonyms of --synonymer, or none (their problems are added to `problems`)."""
    if not getattr(args, "synonymer", None):
        return ()
    from .normalise.synonym_file import read_synonym_file
    from .vocab import vocabulary

    try:
        return read_synonym_file(args.synonymer, vocabulary())
    except InputRefused as exc:
        problems.extend(exc.problems)
        return ()


def _read_all(
    paths: Sequence[str], bydel: str | None, problems: list[Problem], synonyms: tuple[Synonym, ...] = ()
) -> list[tuple[Normalised, str]]:
    """Every file read and checked in one batch; problems are collected, the good files returned with their sha256."""
    files = []
    for f in paths:
        p = Path(f)
        try:
            files.append((p.read_bytes(), p.name))
        except OSError as exc:
            problems.append(Problem(p.name, "", "", f"Filen kan ikke åpnes: {exc.strerror}."))
    out = []
    for (data, _name), answer in zip(files, normalise_files_parallel(files, bydel, synonyms), strict=True):
        if isinstance(answer, InputRefused):
            problems.extend(answer.problems)
        else:
            out.append((answer, sha256(data)))
    return out


def cmd_normalise(args: argparse.Namespace) -> int:
    frames, problems = [], []
    synonyms = _synonyms(args, problems)
    for n, _digest in _read_all(args.files, args.bydel, problems, synonyms):
        frames.append(n.observations)
        for w in n.warnings:
            print(f"Advarsel: {w}", file=sys.stderr)
    if problems:
        _print_problems(problems)
        print(f"Ingenting skrevet: {len(problems)} problem(er) må rettes først.", file=sys.stderr)
        return EXIT_BAD_INPUT
    rows = write_schema_csv(pl.concat(frames) if frames else pl.DataFrame(), args.out)
    print(f"Skrev {rows} tall til {args.out}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    new = _synonyms(args, problems)
    # every file is checked before anything is stored; read first, so a refused file never pays for opening the store
    payloads = _read_all(args.files, args.bydel, problems, new) if not problems else []
    store = open_store()
    stored = store.active_synonyms()
    if stored and (payloads or any(p.label for p in problems)):  # the users' synonyms may read what was unknown
        problems = []
        payloads = _read_all(args.files, args.bydel, problems, stored + new)
    if problems:
        _print_problems(problems)
        print(f"Ingenting importert: {len(problems)} problem(er) må rettes først.", file=sys.stderr)
        return EXIT_BAD_INPUT
    for i, (checked, digest) in enumerate(payloads):
        # the new synonyms are stored with the first file, in its transaction
        result = import_normalised(store, checked, digest, who=_who(args), kind=args.kind, synonyms=new if i == 0 else ())
        print(result.message)
    if new:
        print(f"{len(new)} synonym(er) fra {Path(args.synonymer).name} er lagret og brukes for senere filer.")
    return 0


def cmd_imports(args: argparse.Namespace) -> int:
    table = open_store().imports()
    if table.is_empty():
        print("Ingen importer.")
        return 0
    for r in table.iter_rows(named=True):
        state = (
            f"angret {r['undone_at']:%Y-%m-%d %H:%M} av {r['undone_by']}"
            if r["undone_at"]
            else f"{r['current_rows']} av {r['n_rows']} tall gjeldende"
        )
        print(
            f"{r['id']:>4}  {r['imported_at']:%Y-%m-%d %H:%M}  {r['kind']:<9}  {clean_name(r['file_name'])}  ({clean_name(r['who'])}; {state}; sha256 {r['sha256'][:12]}…)"
        )
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    try:
        result = open_store().undo(args.id, _who(args))
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(result.message)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    current = open_store().current()
    rows = write_schema_csv(current, args.out, extra=EXTRA_COLUMNS + ["import_id", "kind"])
    print(f"Skrev {rows} gjeldende tall til {args.out}.")
    return 0


def cmd_profile(args: argparse.Namespace) -> int:
    import json

    from .metrics import build_profile, public_view, to_json, to_text
    from .vocab import vocabulary

    vocab = vocabulary()
    nr = _bydel_argument(args.bydel)
    if nr is None:
        return EXIT_BAD_INPUT
    current = open_store().current()
    view = current if args.uten_prikking else public_view(current)
    entries = build_profile(view, nr, args.year)
    if not entries:
        print(f"Ingen tall for {vocab.bydel_name(nr)} i {args.year}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "json":
        print(json.dumps(to_json(entries, nr, args.year), ensure_ascii=False, indent=2))
    else:
        print(to_text(entries, nr, args.year))
    return 0


def cmd_case(args: argparse.Namespace) -> int:
    from .exports.case_document import case_docx, case_xlsx
    from .metrics import public_view

    nr = _bydel_argument(args.bydel, real_only=True)
    if nr is None:
        return EXIT_BAD_INPUT
    if args.fra > args.til:
        print("--fra må være før eller lik --til.", file=sys.stderr)
        return EXIT_BAD_INPUT
    years = list(range(args.fra, args.til + 1))
    store = open_store()
    obs, imports = public_view(store.current()), store.imports()
    out = Path(args.out)
    out.write_bytes(case_docx(obs, nr, years, imports))
    xlsx = out.with_suffix(".xlsx")
    xlsx.write_bytes(case_xlsx(obs, nr, years, imports))
    print(f"Skrev {out} og {xlsx}.")
    return 0


def cmd_example_data(args: argparse.Namespace) -> int:
    from .example_data import write

    path = write(Path(args.out)) if args.out else write()
    print(f"Skrev eksempeldata til {path}.")
    return 0


def _new_password(args: argparse.Namespace) -> str | None:
    """From stdin for scripts, else asked twice without echo; never from the command line, where others can see it."""
    if args.passord_fra_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Nytt passord: ")
    if getpass.getpass("Gjenta passordet: ") != first:
        print("Passordene er ulike. Ingen bruker er endret.", file=sys.stderr)
        return None
    return first


def cmd_user(args: argparse.Namespace) -> int:
    from .auth import ADMIN, UserFile, UserFileError

    try:
        users = UserFile(args.fil)
        if args.action == "list":
            for user in users.list():
                print(f"{user.name}\t{user.role}\t{', '.join(users.vocab.bydel_name(b) for b in user.bydeler) or 'alle'}")
            if not users.users:
                print(f"Ingen brukere i {users.path}.")
            return 0
        if args.action == "remove":
            users.remove(args.navn)
            print(f"Fjernet {args.navn} fra {users.path}.")
            return 0
        if args.rolle != ADMIN and not args.bydel:
            print("En bydelsbruker trenger minst én --bydel.", file=sys.stderr)
            return EXIT_BAD_INPUT
        password = _new_password(args)
        if password is None:
            return EXIT_BAD_INPUT
        existed = args.navn in users.users
        user = users.add(args.navn, password, args.rolle, [] if args.rolle == ADMIN else args.bydel)
    except UserFileError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"{'Endret' if existed else 'La til'} {user.describe(users.vocab)} i {users.path}. Passordet er lagret som hash.")
    return 0


def cmd_health(args: argparse.Namespace) -> int:
    """For a container health check: the store answers, its schema is current, and it has figures."""
    from .store import open_store
    from .store.migrations import MIGRATIONS

    store = open_store()
    versions = store.schema_versions()
    expected = [m.version for m in MIGRATIONS[store.dialect]]
    figures = store.current().height
    print(
        f"{store.path}: skjemaversjon {versions[-1] if versions else '–'}, {figures} gjeldende tall, dataversjon {store.data_version()}."
    )
    if versions != expected or figures == 0:
        print("Databasen er ikke klar.", file=sys.stderr)
        return 1
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from .exports.package import write_package

    store = open_store()
    published = write_package(store.current(), store.data_version(), Path(args.out))
    names = ", ".join(sorted(published.files))
    print(f"Skrev {names} til {args.out} (datagrunnlag versjon {published.version}).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m oslo_integration",
        description="Tall om bosetting og integrering av flyktninger i Oslos bydeler: les, importer og eksporter.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    p = add(
        "normalise", cmd_normalise, "Les og kontroller regneark uten å røre databasen, og skriv tallene som CSV i felles skjema."
    )
    p.add_argument("files", nargs="+", metavar="FIL", help=".xlsx-, .csv- eller .json-filer (JSON-stat)")
    p.add_argument("--bydel", help="bydelen tallene gjelder, når filen ikke sier det selv")
    p.add_argument("--out", required=True, help="CSV-filen som skal skrives")
    p.add_argument("--synonymer", metavar="FIL", help="CSV (tekst;måltall;kategori) som sier hva ukjente tekster betyr")

    p = add("import", cmd_import, "Importer regneark til databasen; hver fil helt eller ikke i det hele tatt.")
    p.add_argument("files", nargs="+", metavar="FIL", help=".xlsx-, .csv- eller .json-filer (JSON-stat)")
    p.add_argument("--bydel", help="bydelen tallene gjelder, når filen ikke sier det selv")
    p.add_argument(
        "--kind", choices=KINDS, default="innsendt", help="hva slags tall: innsendt (standard), offisiell eller eksempel"
    )
    p.add_argument("--hvem", help="hvem som importerer (standard: brukernavnet)")
    p.add_argument(
        "--synonymer",
        metavar="FIL",
        help="CSV (tekst;måltall;kategori) som sier hva ukjente tekster betyr; lagres og brukes for senere filer",
    )

    add("imports", cmd_imports, "Vis alle importer med tidspunkt, type, hvem og status.")

    p = add("undo", cmd_undo, "Angre en import; tallene den erstattet blir gjeldende igjen.")
    p.add_argument("id", type=int, help="importens nummer (se «imports»)")
    p.add_argument("--hvem", help="hvem som angrer (standard: brukernavnet)")

    p = add("export", cmd_export, "Skriv alle gjeldende tall som CSV.")
    p.add_argument("--out", required=True, help="CSV-filen som skal skrives")

    p = add(
        "publiser",
        cmd_publish,
        "Skriv alle offentlige tall (prikket som på skjermen) som CSV, Parquet og datapackage.json med README.",
    )
    p.add_argument("--out", required=True, metavar="MAPPE", help="mappen filene skrives til")

    p = add("profil", cmd_profile, "Vis en bydels nøkkeltall for et år med sammenligning, mål og vurdering.")
    p.add_argument("--bydel", required=True, help="bydelens navn eller nummer")
    p.add_argument("--year", "--år", dest="year", type=int, required=True, help="året")
    p.add_argument(
        "--format", choices=["text", "json"], default="text", help="text (norsk, standard) eller json (engelske nøkler)"
    )
    p.add_argument("--uten-prikking", action="store_true", help="vis også små tall (kun for intern bruk)")

    p = add("sak", cmd_case, "Lag tallgrunnlag til en sak til orientering (Word) med tilsvarende regneark.")
    p.add_argument("--bydel", required=True, help="bydelens navn eller nummer")
    p.add_argument("--fra", type=int, required=True, help="første år")
    p.add_argument("--til", type=int, required=True, help="siste år")
    p.add_argument("--out", required=True, help="Word-filen som skal skrives (.docx); regnearket får samme navn med .xlsx")

    p = add("bruker", cmd_user, "Legg til, fjern eller vis brukere som kan logge inn og laste opp tall.")
    p.add_argument("--fil", help="brukerfilen (standard: OSLO_INTEGRATION_USERS eller data/brukere.toml)")
    users = p.add_subparsers(dest="action", required=True, metavar="HANDLING")
    u = users.add_parser("add", help="legg til en bruker eller sett nytt passord og nye rettigheter")
    u.add_argument("navn", help="brukernavnet")
    u.add_argument("--rolle", choices=["admin", "bydel"], default="bydel", help="admin (alle bydeler) eller bydel (standard)")
    u.add_argument("--bydel", action="append", default=[], help="bydel brukeren kan legge inn tall for (kan gjentas)")
    u.add_argument("--passord-fra-stdin", action="store_true", help="les passordet fra første linje på standard inn")
    u = users.add_parser("remove", help="fjern en bruker")
    u.add_argument("navn", help="brukernavnet")
    users.add_parser("list", help="vis brukerne (uten passord)")

    add("helse", cmd_health, "Sjekk at databasen svarer og er klar (for helsesjekk i drift); kode 1 hvis ikke.")

    # in the list for --help only: main() hands `start` and everything after it to Streamlit unparsed
    # (argparse would refuse Streamlit's own options), as __main__ does before this module is loaded
    start_help = "Start dashbordet (som `streamlit run app.py`, med Streamlits egne valg), med sidene og tallene lest inn før første besøk."
    sub.add_parser("start", help=start_help, description=start_help)

    p = add("eksempeldata", cmd_example_data, "Lag eksempeldata på nytt (deterministisk; ikke ekte tall).")
    p.add_argument("--out", help="filen som skal skrives (standard: data/eksempel/…)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["start"]:
        from .start import main as start

        return start(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InputRefused as exc:
        _print_problems(exc.problems)
        return EXIT_BAD_INPUT
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
