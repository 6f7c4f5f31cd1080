"""The view (bydeler, years, indicator, language, example switch) as one object the URL encodes.

Parsing never raises: an invalid parameter becomes a notice and a fallback.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..text.strings import t
from ..vocab import vocabulary

DEFAULT_BYDEL = "030105"
MEETING_WORDS = ("møte", "mote", "moete", "meeting")
VIEW_PARAMS = ("bydel", "aar", "fra", "til", "indikator", "lang", "eksempel", "visning")  # what the View writes


@dataclass(frozen=True)
class View:
    bydeler: tuple[str, ...] = (DEFAULT_BYDEL,)
    year: int = 2024
    year_from: int = 2020
    year_to: int = 2024
    indicator: str | None = None
    lang: str = "nb"
    show_example: bool = True
    meeting: bool = False  # ?visning=møte: no sidebar, large type, one card per screen

    @property
    def bydel(self) -> str:
        return self.bydeler[0]


@dataclass
class Parsed:
    view: View
    notices: list[str] = field(default_factory=list)


def parse_query(
    params: dict[str, str], years: list[int], indicators: list[str], real_years: dict[str, list[int]] | None = None
) -> Parsed:
    """A View from URL query parameters; unknown values fall back with a gentle notice.

    Real first: without a year in the link, the year is the latest with real figures for the first
    chosen bydel (`real_years`), and the span ends there, so a first look shows real figures.
    """
    vocab = vocabulary()
    lang = params.get("lang", "nb") if params.get("lang") in ("nb", "en") else "nb"
    last = max(years) if years else 2024
    first = max(min(years), last - 4) if years else 2020  # five years unless the link asks for more
    view = View(lang=lang, year=last, year_from=first, year_to=last)
    notices: list[str] = []

    def notice(name: str, value: str, fallback: str) -> None:
        notices.append(t("bad_param", lang, name=name, value=value, fallback=fallback))

    if "bydel" in params:
        chosen: list[str] = []
        for part in str(params["bydel"]).split(","):
            part = part.strip()
            if not part:
                continue
            group = [b.bydel_nr for b in vocab.real_bydeler() if b.gruppe == part]
            nr = vocab.resolve_bydel(part)
            if group:
                chosen.extend(group)
            elif nr and (nr in {b.bydel_nr for b in vocab.real_bydeler()}):
                chosen.append(nr)
            else:
                notice("bydel", part, vocab.bydel_name(DEFAULT_BYDEL))
        if chosen:
            view = replace(view, bydeler=tuple(dict.fromkeys(chosen)))
    real = [y for y in (real_years or {}).get(view.bydel, []) if y in years]
    if real and "aar" not in params:
        year = max(real)
        view = replace(view, year=year)
        if "fra" not in params and "til" not in params:
            view = replace(view, year_from=min(y for y in years if y >= year - 4), year_to=year)
    for key in ("aar", "fra", "til"):
        if key in params:
            raw = str(params[key])
            if raw.isdigit() and int(raw) in years:
                view = replace(view, **{{"aar": "year", "fra": "year_from", "til": "year_to"}[key]: int(raw)})
            else:
                notice(key, raw, str(view.year))
    if view.year_from > view.year_to:
        view = replace(view, year_from=view.year_to, year_to=view.year_from)
    if "indikator" in params:
        if params["indikator"] in indicators:
            view = replace(view, indicator=params["indikator"])
        else:
            notice("indikator", str(params["indikator"]), indicators[0] if indicators else "–")
    if params.get("eksempel") in ("0", "nei", "false"):
        view = replace(view, show_example=False)
    if "visning" in params:
        if str(params["visning"]).strip().lower() in MEETING_WORDS:
            view = replace(view, meeting=True)
        else:
            notice("visning", str(params["visning"]), "–")
    return Parsed(view, notices)


def to_query(view: View, default: View | None = None) -> dict[str, str]:
    """The view's URL parameters, each only when it differs from what a link without it would open
    (`default`: the view parsed from the bydel alone)."""
    default = default or View()
    out: dict[str, str] = {}
    if view.bydeler != View().bydeler:
        out["bydel"] = ",".join(view.bydeler)
    for name, attr in (("aar", "year"), ("fra", "year_from"), ("til", "year_to")):
        if getattr(view, attr) != getattr(default, attr):
            out[name] = str(getattr(view, attr))
    if view.indicator:
        out["indikator"] = view.indicator
    if view.lang != "nb":
        out["lang"] = view.lang
    if not view.show_example:
        out["eksempel"] = "0"
    if view.meeting:
        out["visning"] = "møte"
    return out
