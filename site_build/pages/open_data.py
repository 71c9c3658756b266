"""/donnees/: the open data, its licence and freshness, and every download."""

from __future__ import annotations

from datetime import date

from site_build.data.dataset import Dataset
from site_build.data.settings import SiteSettings
from site_build.pages.model import Page
from site_build.text import french
from site_build.text.safe_markdown import e


def data_page(dataset: Dataset, settings: SiteSettings, today: date, tables: dict, hsds_tables: list[str]) -> Page:
    """/donnees/: what is published, under which licence, how fresh, and the downloads."""

    checked = max((str(p.get("date_verification", "")) for p in dataset.partners), default="")
    licence = settings.licence
    rows = "".join(
        f'<li><a href="{e(name)}.csv" download>{e(title)}</a> ({e(name)}.csv) — {e(description)}</li>'
        for name, (title, description, *_rest) in tables.items()
    )
    hsds = "".join(f'<li><a href="hsds/{e(name)}.csv" download>{e(name)}.csv</a></li>' for name in hsds_tables)
    body = (
        "<p>Les informations publiques du guide sont des <strong>données ouvertes</strong> : vous pouvez "
        "les copier, les modifier et les réutiliser, même commercialement, en citant la source "
        "« Le guide partagé — CCAS et partenaires ».</p>"
        f'<p>Licence : <a href="{e(licence["path"])}">{e(licence["title"])}</a>.</p>'
        f"<p>Fraîcheur : données publiées le {e(french.day(today))}. Chaque fiche porte sa date de "
        "vérification"
        + (f" (la plus récente : {e(french.day(date.fromisoformat(checked)))})" if len(checked) == 10 else "")
        + ". Le site est reconstruit chaque semaine.</p>"
        "<p>Ce qui n'est jamais publié : les coordonnées réservées aux professionnels, les fiches de liaison, "
        "et aucune donnée sur les personnes accompagnées.</p>"
        "<h2>Paquet de données (Frictionless Data Package)</h2>"
        '<p>Tables CSV (UTF-8, virgule) décrites par <a href="datapackage.json" download>datapackage.json</a> : '
        "types, valeurs permises, clés et liens entre tables. Vérifié à chaque publication.</p>"
        f"<ul>{rows}</ul>"
        "<h2>Format national data·inclusion</h2>"
        "<p>Pour les annuaires nationaux de l'inclusion (schéma data·inclusion, version 1) : "
        '<a href="data-inclusion/structures.json" download>structures.json</a> et '
        '<a href="data-inclusion/services.json" download>services.json</a>.</p>'
        "<h2>Format international Open Referral (HSDS 3.0)</h2>"
        "<p>Les mêmes informations au format tabulaire de la Human Services Data Specification 3.0, "
        f"horaires compris :</p><ul>{hsds}</ul>"
    )
    return Page("donnees/index.md", "Données ouvertes", body)
