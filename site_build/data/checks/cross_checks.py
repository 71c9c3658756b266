"""Cross-record checks: what a JSON Schema cannot see on one record alone."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from site_build.data.analytics.due_dates import due_date
from site_build.data.checks.edition_checks import EditionChecks
from site_build.data.checks.problems import FieldPath, Problem, sentence
from site_build.data.checks.publication_checks import (
    PrivateMatcher,
    contacts_in,
    content_collisions,
    photo_problem,
    private_contacts,
    reserved_name,
)
from site_build.data.checks.rights_checks import check_rights
from site_build.data.loading.dataset import Dataset
from site_build.data.loading.schema_messages import field_path
from site_build.data.loading.schemas import SCHEMAS
from site_build.data.loading.translations import check_translations
from site_build.data.loading.vocabularies import EVERYDAY_VOCABULARIES, slugs, term_label
from site_build.data.media.pictograms import icon_folder, pictogram_svg
from site_build.data.model.needs import covered_thematiques
from site_build.text.hours import HoursError, open_throughout, parse_hours
from site_build.text.occurrences import occurrences, span

_PHOTO_NAME = re.compile(SCHEMAS["recipe"]["properties"]["image"]["properties"]["src"]["pattern"])
_RRULE_SHAPE = re.compile(SCHEMAS["interventions"]["items"]["properties"]["recurrence"]["pattern"])
RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
MARKDOWN_FIELDS = {"description", "presentation", "forum_description"}  # the MARKDOWN fields of schemas.py
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s*\[[^\]]+\]:\s*<?(\S*)", re.MULTILINE)
_ATTRIBUTES = re.compile(r"\{\s*:?\s*[#.a-zA-Z][^}]*\}")
_SAFE_TARGET = re.compile(r"^(https?://|mailto:|tel:)", re.IGNORECASE)


def _suggest(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" ; vouliez-vous dire « {close[0]} » ?" if close else ""


def texts(value: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """(path, text) of every string inside a loaded document (a stack, not recursion: it is hot)."""
    stack: list[tuple[FieldPath, object]] = [(path, value)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, str):
            yield where, node
        elif isinstance(node, dict):
            stack.extend((where + (key,), child) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((where + (index,), child) for index, child in enumerate(node))


class Checker:
    def __init__(
        self,
        dataset: Dataset,
        today: date,
        strict: bool,
        languages: tuple[str, ...] | None = None,
        partners_ok: bool = True,
    ):
        self.dataset, self.today, self.strict, self.languages = dataset, today, strict, languages
        # references into partners.yaml are judged only when it was read and accepted (validate.partners_refused)
        self.partners_ok = partners_ok and "partners" in dataset.documents
        self.problems: list[Problem] = []

    def report(self, kind: str, path: FieldPath, message: str, warning: bool = False) -> None:
        document = self.dataset.documents.get(kind)
        if document is None:
            return
        where = field_path(path, document.data)
        self.problems.append(document.problem(path, sentence(f"{where} : {message}"), warning))

    # -- every record -------------------------------------------------------
    def records(self) -> Iterator[tuple[str, FieldPath, dict[str, Any]]]:
        """(document kind, path, record) for every partner, service, professional, intervention, right."""
        for i, partner in enumerate(self.dataset.partners):
            yield "partners", (i,), partner
            for j, service in enumerate(partner.get("services") or []):
                if isinstance(service, dict):
                    yield "partners", (i, "services", j), service
        for kind in ("professionals", "interventions", "rights"):
            for i, record in enumerate(getattr(self.dataset, kind)):
                yield kind, (i,), record

    def run(self) -> list[Problem]:
        self.unique_ids()
        self.addresses()
        self.references()
        self.hours()
        self.dates_and_freshness()
        self.closures()
        self.texts()
        self.publics()
        self.interventions()
        self.recipes()
        self.forms()
        self.needs()
        self.everyday_labels()
        check_translations(self.dataset, self.languages, self.report)
        EditionChecks(self.dataset, self.today, self.report, self._partner_ref).run()
        check_rights(self.dataset, self.today, self.report, self.partners_ok)
        self.problems += content_collisions(self.dataset.content_dir)
        return self.problems

    def unique_ids(self) -> None:
        seen: dict[str, tuple[str, tuple[Any, ...]]] = {}
        for kind, path, record in self.records():
            identifier = record.get("id")
            if not isinstance(identifier, str):
                continue
            key = f"{kind}:{identifier}"  # partners and services share one id space
            if key in seen:
                first_kind, first_path = seen[key]
                line = self.dataset.documents[first_kind].mark(first_path + ("id",))[0]
                self.report(
                    kind,
                    path + ("id",),
                    f"l'identifiant « {identifier} » est déjà utilisé "
                    f"(ligne {line}) : choisissez-en un autre, un identifiant n'est jamais réutilisé",
                )
            else:
                seen[key] = (kind, path)

    def addresses(self) -> None:
        """Ids that become addresses must not take the address of a page the site already has."""
        for kind, path, record in self.records():
            if isinstance(record.get("id"), str) and (kind != "partners" or len(path) == 1):
                reason = reserved_name(kind, record["id"])
                if reason:
                    self.report(kind, path + ("id",), reason)
        for folder in ("recipes", "forms"):
            for ident in getattr(self.dataset, folder):
                reason = reserved_name(folder, ident)
                if reason:
                    self.report(f"{folder}/{ident}", (), "nom du fichier : " + reason)

    def _partner_ref(self, kind: str, path: FieldPath, value: object, what: str) -> None:
        if self.partners_ok and isinstance(value, str) and value not in self.dataset.partner_by_id:
            self.report(
                kind,
                path,
                f"{what} « {value} » n'existe pas dans data/partners.yaml"
                + (
                    _suggest(value, self.dataset.partner_by_id)
                    or " : recopiez l'« id » d'une structure de "
                    "data/partners.yaml, ou retirez cette fiche si la structure a fermé"
                ),
            )

    def _service_ref(self, kind: str, path: FieldPath, value: object) -> None:
        if self.partners_ok and isinstance(value, str) and value not in self.dataset.service_by_id:
            self.report(
                kind,
                path,
                f"le service « {value} » n'existe pas dans data/partners.yaml"
                + (
                    _suggest(value, self.dataset.service_by_id)
                    or " : recopiez l'« id » d'un service (dans « services » d'une structure), ou retirez-le"
                ),
            )

    def references(self) -> None:
        if "partners" not in self.dataset.documents:
            return  # partners.yaml is unreadable: every reference would be reported twice
        for i, person in enumerate(self.dataset.professionals):
            self._partner_ref("professionals", (i, "partenaire"), person.get("partenaire"), "la structure")
            for j, service in enumerate(person.get("services") or []):
                self._service_ref("professionals", (i, "services", j), service)
            for j, slot in enumerate(person.get("permanences") or []):
                if isinstance(slot, dict):
                    self._partner_ref("professionals", (i, "permanences", j, "lieu"), slot.get("lieu"), "le lieu")
        for i, event in enumerate(self.dataset.interventions):
            self._partner_ref("interventions", (i, "partenaire"), event.get("partenaire"), "la structure")
            self._partner_ref("interventions", (i, "lieu"), event.get("lieu"), "le lieu")
        for i, contact in enumerate(self.dataset.emergencies):
            if "partenaire" in contact:
                self._partner_ref("emergencies", (i, "partenaire"), contact.get("partenaire"), "la structure")
        for form_id, form in self.dataset.forms.items():
            for j, service in enumerate(form.get("services") or []):
                self._service_ref(f"forms/{form_id}", ("services", j), service)
                target = self.dataset.service_by_id.get(service)
                if target is not None and not target.get("orientable"):
                    self.report(
                        f"forms/{form_id}",
                        ("services", j),
                        f"le service « {service} » n'accepte pas "
                        "de fiche de liaison : ajoutez « orientable: true » à ce service ou retirez-le",
                    )

    def hours(self) -> None:
        for kind, path, record in self.records():
            for key in ("horaires_accueil", "horaires_distribution"):
                self._parse(kind, path + (key,), record.get(key))
            for j, slot in enumerate(record.get("permanences") or []):
                if isinstance(slot, dict):
                    self._parse(kind, path + ("permanences", j, "horaires"), slot.get("horaires"))
        for i, contact in enumerate(self.dataset.emergencies):
            self._parse("emergencies", (i, "horaires"), contact.get("horaires"))

    def _parse(self, kind: str, path: FieldPath, text: object) -> None:
        if isinstance(text, str):
            try:
                parse_hours(text)
            except HoursError as error:
                self.report(kind, path, str(error))

    def dates_and_freshness(self) -> None:
        for kind, path, record in self.records():
            if "date_verification" not in record:
                continue
            try:
                checked = date.fromisoformat(record["date_verification"])
            except (TypeError, ValueError):
                continue  # reported by the schema
            if not 2000 <= checked.year <= 2099:
                continue  # reported by the schema
            if checked > self.today:
                self.report(
                    kind,
                    path + ("date_verification",),
                    f"la date {checked.isoformat()} est dans le futur : écrivez la date du jour où vous avez vérifié",
                )
                continue
            due = due_date(record)
            if due and due < self.today:
                self.report(
                    kind,
                    path + ("date_verification",),
                    f"informations à vérifier : dernière vérification "
                    f"le {checked.isoformat()}, à refaire avant le {due.isoformat()} ; vérifiez-les puis "
                    "mettez la date du jour",
                    warning=not self.strict,
                )

    def closures(self) -> None:
        for i, partner in enumerate(self.dataset.partners):
            closure = partner.get("fermeture_temporaire")
            if partner.get("statut") == "fermeture-temporaire" and not isinstance(closure, dict):
                self.report(
                    "partners",
                    (i, "statut"),
                    "une fermeture temporaire demande le bloc « fermeture_temporaire » avec les dates « du » et « au »",
                )
            if isinstance(closure, dict):
                try:
                    start, end = date.fromisoformat(closure["du"]), date.fromisoformat(closure["au"])
                except (KeyError, TypeError, ValueError):
                    continue
                if end < start:
                    self.report(
                        "partners",
                        (i, "fermeture_temporaire", "au"),
                        "la date de fin est avant la date de début : vérifiez « du » et « au »",
                    )

    def publics(self) -> None:
        """The national schema: « tous-publics » stands alone (otherwise the export is refused)."""
        for kind, path, record in self.records():
            publics = record.get("publics")
            if (
                kind == "partners"
                and len(path) == 3
                and isinstance(publics, list)
                and "tous-publics" in publics
                and len(publics) > 1
            ):
                self.report(
                    kind,
                    path + ("publics",),
                    "« tous-publics » ne va pas avec d'autres publics : "
                    "gardez « tous-publics » seul, ou retirez-le et gardez les publics précis",
                )

    def texts(self) -> None:
        """One pass over every text: no HTML, the Markdown subset in Markdown fields, and no pro-only
        phone or e-mail where the public site would publish it."""
        private = private_contacts(self.dataset)
        hidden = PrivateMatcher(private)
        public_people = {i for i, p in enumerate(self.dataset.professionals) if p.get("visibilite") == "public"}
        for kind, document in self.dataset.documents.items():
            published = not kind.startswith("forms/")
            for path, text in texts(document.data):
                if "<" in text and RAW_HTML.search(text):
                    self.report(
                        kind,
                        path,
                        "le HTML n'est pas accepté : écrivez le texte simplement "
                        "(Markdown : **gras**, listes « - », liens [texte](https://…))",
                    )
                elif path and path[-1] in MARKDOWN_FIELDS:
                    self._markdown_subset(kind, path, text)
                if (
                    published
                    and private
                    and (kind != "professionals" or path[0] in public_people)
                    and hidden.may_hold(text)
                ):
                    for key, written in contacts_in(text):
                        if key in private:
                            self.report(
                                kind,
                                path,
                                f"« {written} » est une coordonnée réservée aux professionnels "
                                f"({private[key]}, visibilité pro) et serait publiée sur le site public : "
                                "retirez-la ou donnez le numéro d'accueil de la structure",
                            )

    def _markdown_subset(self, kind: str, path: FieldPath, text: str) -> None:
        """Markdown in data: paragraphs, emphasis, lists and links to the web, a mail or a phone."""
        if _IMAGE.search(text):
            self.report(
                kind,
                path,
                "les images ne sont pas acceptées dans le texte : retirez « ![…](…) » "
                "(une recette a son champ « image »)",
            )
            return
        for match in _LINK_TARGET.finditer(text):
            target = match.group(1) if match.group(1) is not None else match.group(2)
            if not _SAFE_TARGET.match(target):
                self.report(
                    kind,
                    path,
                    f"lien « {target[:40]} » refusé : un lien commence par https://, "
                    "mailto: ou tel:, par exemple [la CAF](https://www.caf.fr)",
                )
                return
        if _ATTRIBUTES.search(text):
            self.report(kind, path, "les attributs entre accolades « {…} » ne sont pas acceptés : retirez-les")

    def interventions(self) -> None:
        if "partners" not in self.dataset.documents:
            return
        horizon = timedelta(days=366)
        for i, event in enumerate(self.dataset.interventions):
            has_end, has_length = "fin" in event, "duree" in event
            if has_end == has_length:
                self.report(
                    "interventions",
                    (i,),
                    'écrivez soit l\'heure de fin « fin » (par exemple "16:00"), '
                    "soit la durée « duree » en minutes, mais pas les deux"
                    if has_end
                    else 'il manque l\'heure de fin : ajoutez « fin » (par exemple "16:00") ou « duree » en minutes',
                )
                continue
            try:
                start, end = span(event)
            except (KeyError, TypeError, ValueError, OverflowError):
                continue  # malformed times are reported by the schema
            if not 2000 <= start.year <= 2099 or not 2000 <= end.year <= 2099:
                continue  # the schema says which years a date may have
            if end <= start:
                self.report("interventions", (i, "fin"), "l'heure de fin est avant l'heure de début")
                continue
            if not _RRULE_SHAPE.fullmatch(str(event.get("recurrence") or "FREQ=DAILY")):
                continue  # the schema reports it, with the expected shape
            try:
                dates = occurrences(event, start, max(start, datetime.combine(self.today, start.time())) + horizon)
            except (ValueError, TypeError, OverflowError):
                self.report(
                    "interventions",
                    (i, "recurrence"),
                    "règle de répétition impossible à lire : écrivez "
                    "par exemple « FREQ=MONTHLY;BYDAY=2TU » (le 2e mardi du mois) ou "
                    "« FREQ=WEEKLY;BYDAY=TH » (tous les jeudis)",
                )
                continue
            self._exceptions(i, event, start)
            place = self.dataset.partner_by_id.get(event.get("lieu"))
            if place is None:
                continue
            hours = place.get("horaires_distribution")
            if not isinstance(hours, str):
                self.report(
                    "interventions",
                    (i, "lieu"),
                    f"le lieu « {place['id']} » n'a pas d'heures de "
                    "distribution (« horaires_distribution ») : Épi'santé a lieu pendant la distribution",
                )
                continue
            try:
                parse_hours(hours)
            except HoursError:
                continue  # reported on the partner
            outside = [s for s, e in dates if not open_throughout(hours, s, e)]
            if outside:
                when = outside[0].strftime("%d/%m/%Y %H:%M")
                self.report(
                    "interventions",
                    (i, "debut"),
                    f"l'intervention du {when} est en dehors des heures de "
                    f"distribution de « {place['id']} » ({hours}) : choisissez un créneau de distribution"
                    + (f" ({len(outside)} dates concernées)" if len(outside) > 1 else ""),
                )

    def _exceptions(self, i: int, event: dict[str, Any], start: datetime) -> None:
        """An exception must name a day the intervention would really happen (else it hides nothing)."""
        skipped = event.get("exceptions") or []
        if not skipped or not isinstance(skipped, list):
            return
        without = {k: v for k, v in event.items() if k != "exceptions"}
        try:
            last = max(date.fromisoformat(str(d)) for d in skipped)
            days = {
                s.date()
                for s, _ in occurrences(without, start, datetime.combine(last, start.time()) + timedelta(days=1))
            }
        except (ValueError, TypeError):
            return
        for n, day in enumerate(skipped):
            if date.fromisoformat(str(day)) not in days:
                self.report(
                    "interventions",
                    (i, "exceptions", n),
                    f"le {day} n'est pas une date de cette "
                    "intervention : une exception doit être un jour où elle aurait eu lieu (vérifiez le jour "
                    "et la règle de répétition)",
                )

    def _user_credit(self, kind: str, credit: object) -> None:
        """A first name is published only with the person's recorded consent; a group has no name."""
        if not isinstance(credit, dict):
            return
        named, group = bool(credit.get("prenom")), credit.get("groupe") is True
        if named == group:
            self.report(
                kind,
                ("partagee_par",),
                "écrivez soit le prénom (« prenom: » avec « accord: true »), soit « groupe: true » "
                "pour « un groupe d'usagers », mais pas les deux"
                if named
                else "écrivez le prénom de la personne (« prenom: ») ou « groupe: true »",
            )
        elif named and credit.get("accord") is not True:
            self.report(
                kind,
                ("partagee_par", "prenom"),
                "un prénom n'est publié qu'avec l'accord écrit de la personne : écrivez « accord: true » une fois "
                "l'accord recueilli, sinon remplacez le prénom par « groupe: true »",
            )

    def recipes(self) -> None:
        content_dir = self.dataset.content_dir
        featured_food: dict[str, tuple[str, str | None]] = {}
        for recipe_id, recipe in self.dataset.recipes.items():
            kind = f"recipes/{recipe_id}"
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", recipe_id):
                self.report(
                    kind,
                    (),
                    f"le nom du fichier « {recipe_id} » doit être en minuscules sans accents ni "
                    "espaces, avec des tirets, par exemple « soupe-de-potiron.yaml »",
                )
            self._user_credit(kind, recipe.get("partagee_par"))
            for j, workshop in enumerate(recipe.get("ateliers") or []):
                if isinstance(workshop, dict):
                    self._partner_ref(kind, ("ateliers", j, "lieu"), workshop.get("lieu"), "le lieu")
                    if str(workshop.get("fin", "")) <= str(workshop.get("debut", "")):
                        self.report(kind, ("ateliers", j, "fin"), "l'heure de fin est avant l'heure de début")
            ingredients = [x for x in recipe.get("ingredients") or [] if isinstance(x, dict)]
            if any("prix" in x for x in ingredients) and "prix_releves" not in recipe:
                self.report(
                    kind,
                    ("ingredients",),
                    'des prix sont donnés : ajoutez « prix_releves » avec le mois du relevé, par exemple "2026-01"',
                )
            image = recipe.get("image")
            if isinstance(image, dict) and isinstance(image.get("src"), str) and _PHOTO_NAME.fullmatch(image["src"]):
                problem = photo_problem(content_dir, image["src"])
                if problem:
                    self.report(kind, ("image", "src"), problem)
            month = recipe.get("mois")
            if isinstance(month, str) and re.fullmatch(r"\d{4}-\d{2}", month):
                saison = recipe.get("saison")
                if isinstance(saison, list) and saison and int(month[5:]) not in saison:
                    self.report(
                        kind,
                        ("mois",),
                        f"la recette est mise en avant en {month} mais ce mois n'est pas "
                        "dans « saison » : choisissez un mois de saison ou ajoutez-le à « saison »",
                    )
                food = (recipe.get("aliment_du_mois") or {}).get("nom")
                first = featured_food.setdefault(month, (recipe_id, food))
                if food and first[1] and food != first[1]:
                    self.report(
                        kind,
                        ("aliment_du_mois", "nom"),
                        f"l'aliment du mois de {month} est « {first[1]} » "
                        f"dans {first[0]}.yaml : écrivez le même nom dans toutes les recettes du mois",
                    )
            both = set(recipe.get("allergenes") or []) & set(recipe.get("traces") or [])
            for allergen in sorted(map(str, both)):
                self.report(
                    kind, ("traces",), f"« {allergen} » est déjà dans « allergenes » : retirez-le de « traces »"
                )

    def forms(self) -> None:
        for form_id, form in self.dataset.forms.items():
            kind = f"forms/{form_id}"
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", form_id):
                self.report(kind, (), f"le nom du fichier « {form_id} » doit être en minuscules, avec des tirets")
            seen = set()
            for i, section in enumerate(form.get("sections") or []):
                for j, champ in enumerate(section.get("champs") or [] if isinstance(section, dict) else []):
                    if not isinstance(champ, dict):
                        continue
                    identifier = champ.get("id")
                    if identifier in seen:
                        self.report(
                            kind,
                            ("sections", i, "champs", j, "id"),
                            f"l'identifiant de champ « {identifier} » est déjà utilisé dans la fiche",
                        )
                    seen.add(identifier)
                    is_choice = champ.get("type") in ("choix", "choix-multiples")
                    if is_choice and not champ.get("choix") and not champ.get("choix_thematiques"):
                        self.report(kind, ("sections", i, "champs", j), "un champ à choix demande une liste « choix »")

    def _numbers_to_call(self, index: int, right_now: object) -> None:
        """A local number to call at night says who answers: it must be a contact of data/urgences.yaml
        (a short national number, 115 or 15, needs no entry)."""
        numbers = right_now.get("appeler") if isinstance(right_now, dict) else None
        known = {contact.get("telephone") for contact in self.dataset.emergencies if isinstance(contact, dict)}
        for j, number in enumerate(numbers if isinstance(numbers, list) else []):
            if isinstance(number, str) and len(number) > 4 and number not in known:
                self.report(
                    "needs",
                    (index, "maintenant", "appeler", j),
                    f"le numéro « {number} » n'est pas dans data/urgences.yaml : ajoutez-y qui répond à ce numéro "
                    "et quand, ou écrivez un numéro national comme « 115 »",
                )

    def needs(self) -> None:
        """Ids once each, pictograms the theme has, and every service's thématiques reachable by a need."""
        seen: dict[str, int] = {}
        for i, need in enumerate(self.dataset.needs):
            identifier, picture = need.get("id"), need.get("pictogramme")
            if isinstance(identifier, str):
                if identifier in seen:
                    line = self.dataset.documents["needs"].mark((seen[identifier], "id"))[0]
                    self.report(
                        "needs",
                        (i, "id"),
                        f"le besoin « {identifier} » est déjà décrit (ligne {line}) : gardez-en un seul",
                    )
                seen.setdefault(identifier, i)
            if isinstance(picture, str) and pictogram_svg(picture) is None:
                folder = icon_folder()
                names = (
                    [p.relative_to(folder).with_suffix("").as_posix() for p in folder.rglob("*.svg")] if folder else []
                )
                self.report(
                    "needs",
                    (i, "pictogramme"),
                    f"le pictogramme « {picture} » n'existe pas dans le thème{_suggest(picture, names)} "
                    "(liste : https://pictogrammers.com/library/mdi/, à écrire « material/nom »)",
                )
            self._numbers_to_call(i, need.get("maintenant"))
        if not self.dataset.needs:
            return
        covered = covered_thematiques(self.dataset.needs)
        uses = self._service_uses("thematiques")
        uncovered = {slug: places for slug, places in uses.items() if slug not in covered}
        for slug, places in uncovered.items():  # once per thématique, at its first service
            more = len(places) - 1
            others = f" (et {more} autre{'s' if more > 1 else ''} service{'s' if more > 1 else ''})" if more else ""
            self.report(
                "partners",
                places[0],
                f"aucun besoin de data/besoins.yaml ne couvre la thématique « {slug} »{others} : personne ne "
                "trouvera ces services en cherchant par besoin ; ajoutez-la aux « thematiques » d'un besoin",
                warning=True,
            )

    def everyday_labels(self) -> None:
        """Every slug a public page shows has an everyday label, once data/libelles.yaml exists."""
        if "labels" not in self.dataset.documents:
            return
        for vocabulary in EVERYDAY_VOCABULARIES:
            everyday = self.dataset.labels.get(vocabulary, {})
            for slug, places in self._service_uses(vocabulary).items():
                if slug in everyday:
                    continue
                self.report(  # once per slug, at its first service
                    "partners",
                    places[0],
                    f"« {slug} » n'a pas de libellé de tous les jours : ajoutez dans data/libelles.yaml, sous "
                    f"« {vocabulary} », une ligne « {slug}: des mots simples » (le site public montre sinon "
                    f"« {term_label(vocabulary, slug)} »)",
                    warning=True,
                )

    def _service_uses(self, vocabulary: str) -> dict[str, list[FieldPath]]:
        """Known slugs of a vocabulary the services use → where, in file order (an unknown or
        mistyped value is the schema's message, not a second one)."""
        known = set(slugs(vocabulary))
        uses: dict[str, list[FieldPath]] = {}
        for i, partner in enumerate(self.dataset.partners):
            for j, service in enumerate(partner.get("services") or []):
                values = service.get(vocabulary) if isinstance(service, dict) else None
                if isinstance(values, list):
                    for k, slug in enumerate(values):
                        if isinstance(slug, str) and slug in known:
                            uses.setdefault(slug, []).append((i, "services", j, vocabulary, k))
        return uses


def cross_problems(
    dataset: Dataset,
    today: date,
    strict: bool = False,
    languages: tuple[str, ...] | None = None,
    partners_ok: bool = True,
) -> list[Problem]:
    return Checker(dataset, today, strict, languages, partners_ok).run()
