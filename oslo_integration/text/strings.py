"""Every UI string, Norwegian (bokmål) and English, in one place."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"nb": "Flyktninger i Oslos bydeler", "en": "Refugees in Oslo's districts"},
    "bydel": {"nb": "Bydel", "en": "District"},
    "bydeler_compare": {"nb": "Bydeler å sammenligne", "en": "Districts to compare"},
    "group": {"nb": "Legg til gruppe", "en": "Add group"},
    "year": {"nb": "År", "en": "Year"},
    "years": {"nb": "Årsperiode", "en": "Years"},
    "language": {"nb": "English", "en": "English"},
    "show_example": {"nb": "Vis eksempeldata", "en": "Show example data"},
    "page_overview": {"nb": "Oversikt", "en": "Overview"},
    "page_settlement": {"nb": "Bosetting og bolig", "en": "Settlement and housing"},
    "page_origin": {"nb": "Landbakgrunn", "en": "Country of origin"},
    "page_intro": {"nb": "Introduksjonsprogrammet", "en": "Introduction programme"},
    "page_transition": {"nb": "Overgang til arbeid og utdanning", "en": "Work and education"},
    "page_map": {"nb": "Kart", "en": "Map"},
    "page_about": {"nb": "Om dataene", "en": "About the data"},
    "page_upload": {"nb": "Last opp tall", "en": "Upload figures"},
    "download": {"nb": "Last ned", "en": "Download"},
    "page_log": {"nb": "Importlogg", "en": "Import log"},
    "own_unsuppressed": {
        "nb": "Du er logget inn for {bydeler} og ser bydelens egne tall uten prikking. Andre bydeler vises som for alle andre. "
        "Ikke del skjermbilder med små tall utenfor bydelen.",
        "en": "You are logged in for {bydeler} and see its own figures without suppression. Other districts are shown as "
        "to everyone else. Do not share screenshots with small figures outside the district.",
    },
    "about_real_intro": {
        "nb": "Ekte tall er publisert av IMDi, SSB og Oslo kommune, eller lagt inn av en bydel; hvert tall har sin kilde "
        "(fil, celle og adresse). Alt annet er eksempeldata, generert for å kunne prøve dashbordet, merket «eksempel» "
        "overalt, og aldri brukt der et ekte tall finnes. Tabellen viser hvilke ekte tall som finnes: måltall, for hvem "
        "(et tall eller utgiverens «:») og hvilke år.",
        "en": "Real figures are published by IMDi, Statistics Norway and the City of Oslo, or entered by a district; every "
        "figure carries its source (file, cell and address). Everything else is example data, generated so the dashboard "
        "can be tried out, marked «example» everywhere, and never used where a real figure exists. The table lists the "
        "real figures: measure, for whom (a figure or the publisher's «:») and which years.",
    },
    "col_measure": {"nb": "Måltall", "en": "Measure"},
    "rank_alone": {
        "nb": "Plass blant bydelene: ingen andre bydeler har tall av samme slag ennå",
        "en": "Rank among the districts: no other district has figures of the same kind yet",
    },
    "real_years": {"nb": "Ekte tall for bydelen: {years}", "en": "Real figures for the district: {years}"},
    "no_real_years": {"nb": "Ingen ekte tall for bydelen ennå", "en": "No real figures for the district yet"},
    "col_who": {"nb": "Gjelder", "en": "For"},
    "store_unreachable": {
        "nb": "Tallene kan ikke hentes akkurat nå: databasen svarer ikke. Prøv igjen om litt.",
        "en": "The figures cannot be fetched right now: the database does not answer. Please try again shortly.",
    },
    "tab_chart": {"nb": "Graf", "en": "Chart"},
    "tab_table": {"nb": "Tabell", "en": "Table"},
    "tab_map": {"nb": "Kart", "en": "Map"},
    "mode": {"nb": "Visning", "en": "Show"},
    "mode_count": {"nb": "Antall", "en": "Count"},
    "mode_share": {"nb": "Andel", "en": "Share"},
    "indicator": {"nb": "Indikator", "en": "Indicator"},
    "example_banner": {
        "nb": "Siden viser **eksempeldata** (genererte tall, ikke ekte) for bydeler uten publiserte tall, merket «eksempel». "
        "Slå av i menyen; se «Om dataene».",
        "en": "This page shows **example data** (generated, not real) for districts without published figures, marked "
        "«example». Turn it off in the menu; see «About the data».",
    },
    "example_banner_long": {
        "nb": "Ekte tall for alle bydeler finnes for 2010–2016 (IMDi og SSB), for Frogner også 2022–2024. Alt annet på "
        "sidene er eksempeldata: genererte tall som gjør det mulig å prøve dashbordet, merket «eksempel» i tabeller, "
        "verktøytips og tegnforklaringer, aldri brukt der et ekte tall finnes, og aldri vurdert mot et ekte tall.",
        "en": "Real figures for every district exist for 2010–2016 (IMDi and Statistics Norway), for Frogner also "
        "2022–2024. Everything else on the pages is example data: generated figures that let the dashboard be tried "
        "out, marked «example» in tables, tooltips and legends, never used where a real figure exists, and never judged "
        "against a real figure.",
    },
    "meeting_selection": {"nb": "{bydeler} · {year}", "en": "{bydeler} · {year}"},
    "example_hidden": {
        "nb": "Eksempeldata er skjult. Bare ekte, publiserte tall vises.",
        "en": "Example data is hidden. Only real, published figures are shown.",
    },
    "bad_param": {
        "nb": "Lenken hadde en ugyldig verdi for «{name}» ({value}); viser {fallback} i stedet.",
        "en": "The link had an invalid value for «{name}» ({value}); showing {fallback} instead.",
    },
    "status_prikket": {"nb": "skjult (få personer)", "en": "hidden (few people)"},
    "status_mangler": {"nb": "mangler", "en": "missing"},
    "status_ok": {"nb": "ok", "en": "ok"},
    "example": {"nb": "eksempel", "en": "example"},
    "real": {"nb": "ekte", "en": "real"},
    "chart": {"nb": "Diagram", "en": "Chart"},
    "lines_each": {
        "nb": "Én linje per serie i forklaringen; hver linje har sitt første og siste tall som tekst.",
        "en": "One line per series in the legend; each line carries its first and last figure as text.",
    },
    "computed": {"nb": "beregnet", "en": "computed"},
    "includes_example": {"nb": " (inkluderer eksempeldata)", "en": " (includes example data)"},
    "login_required": {
        "nb": "Denne siden er bare for innloggede brukere fra bydelene. Logg inn i menyen til venstre.",
        "en": "This page is only for logged-in district staff. Log in from the menu on the left.",
    },
    "no_upload_access": {
        "nb": "{email} har ikke tilgang til opplasting. Kontakt administrator.",
        "en": "{email} has no access to uploads. Contact the administrator.",
    },
    "logged_in_as": {"nb": "Innlogget: {who}", "en": "Logged in: {who}"},
    "log_out": {"nb": "Logg ut", "en": "Log out"},
    "log_in_box": {"nb": "Logg inn (for bydelene)", "en": "Log in (for the districts)"},
    "log_in_oidc": {"nb": "Logg inn med kommunens konto", "en": "Log in with the city's account"},
    "user_name": {"nb": "Brukernavn", "en": "User name"},
    "password": {"nb": "Passord", "en": "Password"},
    "log_in": {"nb": "Logg inn", "en": "Log in"},
    "undo_heading": {"nb": "Angre en import", "en": "Undo an import"},
    "undo_none_admin": {"nb": "Det finnes ingen import du kan angre.", "en": "There is no import you can undo."},
    "undo_none_user": {"nb": "Du har ingen opplastinger som kan angres.", "en": "You have no uploads that can be undone."},
    "undo_label": {
        "nb": "Import {id}: {file} ({n} tall, {who}, {when})",
        "en": "Import {id}: {file} ({n} figures, {who}, {when})",
    },
    "undo_button": {"nb": "Angre denne importen …", "en": "Undo this import …"},
    "undo_confirm": {
        "nb": "Vil du angre {what}? Tallene fra den fjernes fra sidene, og tall den erstattet blir gjeldende igjen. Importen blir stående i loggen som angret.",
        "en": "Undo {what}? Its figures are removed from the pages, and the figures it replaced become current again. The import stays in the log, marked undone.",
    },
    "undo_yes": {"nb": "Ja, angre importen", "en": "Yes, undo the import"},
    "cancel": {"nb": "Avbryt", "en": "Cancel"},
    "log_intro_admin": {
        "nb": "Alle importer og angringer, med hvem, når, filnavn og SHA-256 (filens fingeravtrykk).",
        "en": "Every import and undo, with who, when, file name and SHA-256 (the file's fingerprint).",
    },
    "log_intro_user": {
        "nb": "Importer som gjelder dine bydeler, med hvem, når, filnavn og SHA-256 (filens fingeravtrykk).",
        "en": "Imports for your districts, with who, when, file name and SHA-256 (the file's fingerprint).",
    },
    "log_synonyms": {"nb": "Synonymer lagt til av brukere", "en": "Synonyms added by users"},
    "log_events": {"nb": "Hendelser (import og angring)", "en": "Events (import and undo)"},
    "col_when": {"nb": "Tidspunkt", "en": "Time"},
    "col_whom": {"nb": "Hvem", "en": "Who"},
    "col_action": {"nb": "Handling", "en": "Action"},
    "col_file_short": {"nb": "Fil", "en": "File"},
    "col_detail": {"nb": "Detaljer", "en": "Details"},
    "syn_col_nr": {"nb": "Nr.", "en": "No."},
    "syn_col_label": {"nb": "Tekst i filen", "en": "Text in the file"},
    "syn_col_means": {"nb": "Betyr", "en": "Means"},
    "syn_col_by": {"nb": "Lagt til av", "en": "Added by"},
    "syn_col_at": {"nb": "Lagt til", "en": "Added"},
    "syn_col_file": {"nb": "Fra fil", "en": "From file"},
    "syn_in_use": {"nb": "i bruk", "en": "in use"},
    "syn_removed": {"nb": "fjernet", "en": "removed"},
    "syn_none": {
        "nb": "Ingen brukere har lagt til synonymer ennå. Ordlistene i data/vocab brukes.",
        "en": "No users have added synonyms yet. The word lists in data/vocab are used.",
    },
    "syn_remove_choice": {"nb": "Synonym som skal fjernes", "en": "Synonym to remove"},
    "syn_remove": {"nb": "Fjern synonymet", "en": "Remove the synonym"},
    "unknown_heading": {"nb": "Tekster som ikke er kjent", "en": "Texts that are not known"},
    "unknown_intro": {
        "nb": "Velg hva hver tekst betyr; det beste forslaget er valgt for deg, så sjekk det. Forhåndsvisningen under følger valgene. Valgene lagres ved import (med ditt navn, tidspunkt og filnavn) og brukes for senere filer; en administrator kan fjerne dem.",
        "en": "Choose what each text means; the best suggestion is chosen for you, so check it. The preview below follows your choices. They are stored on import (with your name, the time and the file name) and used for later files; an administrator can remove them.",
    },
    "role_column": {"nb": "Kolonneoverskrift", "en": "Column heading"},
    "role_row": {"nb": "Radtekst", "en": "Row label"},
    "what_means": {"nb": "Hva betyr «{label}»?", "en": "What does «{label}» mean?"},
    "choose": {"nb": "Velg …", "en": "Choose …"},
    "where_cell": {"nb": "{file}{sheet}, celle {cell}", "en": "{file}{sheet}, cell {cell}"},
    "sheet_part": {"nb": ", ark «{sheet}»", "en": ", sheet «{sheet}»"},
    "file_refused": {
        "nb": "Filen kan ikke importeres ({n} feil). Rett feilene og last den opp igjen.",
        "en": "The file cannot be imported ({n} errors). Correct them and upload it again.",
    },
    "ready": {
        "nb": "Klar til import: {total} tall – {new} nye, {changed} endrer tall som er lagret nå, {same} er som lagret.",
        "en": "Ready to import: {total} figures – {new} new, {changed} change figures stored now, {same} are as stored.",
    },
    "already": {
        "nb": "Akkurat denne filen er allerede importert (import {id}). Import endrer ingenting.",
        "en": "This very file is already imported (import {id}). Importing changes nothing.",
    },
    "warnings_head": {"nb": "Advarsler (filen kan likevel importeres):", "en": "Warnings (the file can still be imported):"},
    "as_read": {
        "nb": "Tallene slik de ble forstått, med cellen hvert tall står i:",
        "en": "The figures as they were understood, with the cell each stands in:",
    },
    "see_overview": {"nb": "Se tallene i oversikten", "en": "See the figures in the overview"},
    "refused_n": {"nb": "{n} fil(er) med feil blir ikke importert.", "en": "{n} file(s) with errors will not be imported."},
    "confirm_n": {"nb": "Bekreft og importer {n} fil(er)", "en": "Confirm and import {n} file(s)"},
    "importing": {"nb": "Importerer …", "en": "Importing …"},
    "importing_one": {"nb": "Importerer {name} ({i} av {n})", "en": "Importing {name} ({i} of {n})"},
    "done": {"nb": "Ferdig", "en": "Done"},
    "upload_as": {
        "nb": "Du laster opp som **{who}**. Filene leses og vises her først; ingenting lagres før du bekrefter. Alle importer kan angres på siden «Importlogg».",
        "en": "You upload as **{who}**. The files are read and shown here first; nothing is stored until you confirm. Every import can be undone on the «Import log» page.",
    },
    "upload_formats": {
        "nb": "Godtatte formater: .xlsx, .csv og .json (JSON-stat fra SSB), inntil {mb} MB og {cells} celler per fil. Skjulte ark leses ikke. «*», «:» og «<5» betyr skjult, «.» og tom celle betyr mangler.",
        "en": "Accepted formats: .xlsx, .csv and .json (JSON-stat from Statistics Norway), up to {mb} MB and {cells} cells per file. Hidden sheets are not read. «*», «:» and «<5» mean hidden, «.» and an empty cell mean missing. Messages about a file's contents are in Norwegian.",
    },
    "choose_files": {"nb": "Velg én eller flere filer", "en": "Choose one or more files"},
    "kinds_count": {"nb": "Antall tall", "en": "Number of figures"},
    "about_col_measure": {"nb": "Måltall", "en": "Measure"},
    "about_col_name": {"nb": "Navn", "en": "Name"},
    "about_col_unit": {"nb": "Enhet", "en": "Unit"},
    "about_col_definition": {"nb": "Definisjon", "en": "Definition"},
    "about_target": {"nb": "Mål", "en": "Target"},
    "sym_col_symbol": {"nb": "Tegn", "en": "Symbol"},
    "sym_col_means": {"nb": "Betyr", "en": "Means"},
    "about_publishers_intro": {
        "nb": "Hver utgiver, hva den har publisert her og på hvilke vilkår. Hvert tall har også sin fil, celle og adresse i tabellene.",
        "en": "Each publisher, what it published here and on what terms. Every figure also carries its file, cell and address in the tables.",
    },
    "col_publisher": {"nb": "Utgiver", "en": "Publisher"},
    "col_licence": {"nb": "Lisens / vilkår", "en": "Licence / terms"},
    "line_dashed": {"nb": "Stiplet", "en": "Dashed"},
    "line_dotted": {"nb": "Prikket", "en": "Dotted"},
    "not_to_scale": {"nb": "ikke tegnet i skala", "en": "not drawn to scale"},
    "reference": {"nb": "Sammenligning", "en": "Reference"},
    "remainder": {"nb": "Øvrige / ukjent", "en": "Other / unknown"},
    "share_of_all": {"nb": "Andel av alle", "en": "Share of all"},
    "total": {"nb": "I alt", "en": "Total"},
    "figures_for_years": {"nb": "Tall finnes for {years}.", "en": "Figures exist for {years}."},
    "no_figures_at_all": {"nb": "Ingen tall er lagt inn ennå.", "en": "No figures have been entered yet."},
    "no_figures_year": {"nb": "Ingen tall for {label} i {year}.", "en": "No figures for {label} in {year}."},
    "no_figures_hidden": {
        "nb": "Tallene for {label} i {year} er skjult fordi de gjelder få personer.",
        "en": "The figures for {label} in {year} are hidden because they concern few people.",
    },
    "oslo": {"nb": "Oslo i alt", "en": "Oslo as a whole"},
    "norway": {"nb": "Hele landet", "en": "Norway"},
    "value": {"nb": "Verdi", "en": "Value"},
    "numerator": {"nb": "Teller", "en": "Numerator"},
    "denominator": {"nb": "Nevner", "en": "Denominator"},
    "interval": {"nb": "95\u00a0% konfidensintervall", "en": "95% confidence interval"},
    "status": {"nb": "Status", "en": "Status"},
    "source": {"nb": "Kilde (fil og celle)", "en": "Source (file and cell)"},
    "type": {"nb": "Type", "en": "Type"},
    "category": {"nb": "Kategori", "en": "Category"},
    "no_data": {"nb": "Ingen tall for dette utvalget.", "en": "No figures for this selection."},
    "imports_for": {"nb": "Tall for {bydel} kommer fra disse importene", "en": "Figures for {bydel} come from these imports"},
    "interval_short": {"nb": "95\u00a0% KI", "en": "95% CI"},
    "legend_missing": {"nb": "Mangler / skjult", "en": "Missing / hidden"},
    "not_bydel": {"nb": "Ikke en bydel (Marka, Sentrum)", "en": "Not a district (Marka, Sentrum)"},
    "map_click": {"nb": "Klikk på en bydel i kartet for å velge den.", "en": "Click a district on the map to select it."},
    "chart_alt": {
        "nb": "Diagram: {label}, {year}. {n} bydeler med tall. {bydel}: {value}. Oslo i alt: {oslo}. Hele landet: {norway}.",
        "en": "Chart: {label}, {year}. {n} districts with figures. {bydel}: {value}. Oslo: {oslo}. Norway: {norway}.",
    },
    "about_real": {"nb": "Hvilke tall er ekte?", "en": "Which figures are real?"},
    "about_sources": {"nb": "Kilder og lisenser", "en": "Sources and licences"},
    "about_definitions": {"nb": "Definisjoner", "en": "Definitions"},
    "about_symbols": {"nb": "Tegn i tabellene", "en": "Symbols"},
    "about_synonyms": {"nb": "Synonymer lagt til av brukere", "en": "Synonyms added by users"},
    "about_synonyms_intro": {
        "nb": "Tekster i opplastede filer som ordlistene ikke kjente, og hva brukeren som lastet opp sa at de betyr. "
        "De brukes for senere filer. Tall som alt er importert, endres ikke om et synonym fjernes.",
        "en": "Texts in uploaded files that the vocabulary did not know, and what the uploader said they mean. "
        "They are used for later files. Figures already imported do not change if a synonym is removed.",
    },
    "about_all": {"nb": "Last ned alle tall", "en": "Download every figure"},
    "about_all_intro": {
        "nb": "Alle offentlige tall på én gang, prikket som på skjermen: CSV (UTF-8, komma), Parquet og en beskrivelse som Frictionless Data Package (datapackage.json) med måltall, definisjoner, enheter, utgivere og lisenser, og en kort README. Datagrunnlag versjon {version}.",
        "en": "Every public figure at once, suppressed as on screen: CSV (UTF-8, comma), Parquet and a Frictionless Data Package descriptor (datapackage.json) with measures, definitions, units, publishers and licences, and a short README. Data version {version}.",
    },
    "about_all_button": {"nb": "Last ned alle tall (zip)", "en": "Download every figure (zip)"},
    "about_all_addresses": {"nb": "Faste adresser: {links}", "en": "Stable addresses: {links}"},
    "data_version": {"nb": "Datagrunnlag versjon {version}", "en": "Data version {version}"},
    "page_card": {"nb": "Kort", "en": "Card"},
    "share": {"nb": "Del", "en": "Share"},
    "share_link": {"nb": "Lenke til akkurat denne visningen", "en": "Link to exactly this view"},
    "share_embed": {"nb": "Bygg inn kortet (iframe)", "en": "Embed the card (iframe)"},
    "share_cite": {"nb": "Sitering", "en": "Citation"},
    "about_imports": {"nb": "Importer", "en": "Imports"},
    "by_country": {"nb": " – etter land", "en": " – by country"},
    "rank": {"nb": "Plass blant bydelene", "en": "Rank among districts"},
    "make_case": {"nb": "Lag sak til orientering (Word)", "en": "Make orientation case (Word)"},
    "col_file": {"nb": "Fil", "en": "File"},
    "col_figures": {"nb": "Tall", "en": "Figures"},
    "col_imported": {"nb": "Importert", "en": "Imported"},
    "col_by": {"nb": "Av", "en": "By"},
    "legend_example": {"nb": "noen bydeler har eksempeltall", "en": "some districts show example figures"},
    "attribution": {
        "nb": "Bydelsgrenser: © Oslo kommune, Plan- og bygningsetaten. CC BY 4.0. Endret: Sentrum skilt ut, forenklet og reprojisert.",
        "en": "District boundaries: © Oslo kommune, Plan- og bygningsetaten. CC BY 4.0. Modified: Sentrum split out, simplified, reprojected.",
    },
}


def status_names(lang: str = "nb") -> dict[str, str]:
    """ok / prikket / mangler as shown to the reader."""
    return {s: t(f"status_{s}", lang) for s in ("ok", "prikket", "mangler")}


def t(key: str, lang: str = "nb", **kwargs: object) -> str:
    text = STRINGS[key].get(lang) or STRINGS[key]["nb"]
    return text.format(**kwargs) if kwargs else text
