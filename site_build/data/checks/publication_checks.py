"""Checks on what the data turns into once published: URLs, files, photos and private contacts.

The build would fail, or silently publish the wrong thing, on each of these: they are
reported here first, at the editor's file and line.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from site_build.data.checks.passed_checks import PassedChecks, digest
from site_build.data.checks.problems import Problem
from site_build.data.loading.dataset import Dataset, cache_dir_of, display_path
from site_build.text.digits import ascii_digits

MONTH_NAME = re.compile(r"^[0-9]{4}-[0-9]{2}$")
# Folder of the site → ids that would take the address of a page the generator writes there.
RESERVED = {
    "partners": ("annuaire", {"index", "annuaire"}),
    "recipes": ("recettes", {"index"}),  # and every YYYY-MM: the month pages
    "interventions": ("sante", {"index", "epi-sante"}),  # sante/<id>.ics beside the whole feed
    "forms": ("liaison", {"index"}),
    "professionals": ("professionnels", {"index"}),
}
GENERATED_FOLDERS = (
    "annuaire",
    "recettes",
    "sante",
    "liaison",
    "professionnels",
    "verification",
    "donnees",
    "urgences",
)
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
# Part of the key of a remembered pass: a change of the rules checks every photo again.
_PHOTO_RULES = f"{sorted(PHOTO_FORMATS)} {MAX_PHOTO_PIXELS}".encode()


def reserved_name(kind: str, ident: str) -> str | None:
    """Why ident cannot be used for kind (French), or None (also for kinds that have no pages)."""
    if kind not in RESERVED:
        return None
    folder, names = RESERVED[kind]
    if ident in names:
        return f"« {ident} » est un nom réservé du site (page /{folder}/{ident}) : choisissez un autre identifiant"
    if kind == "recipes" and MONTH_NAME.match(ident):
        return (
            f"« {ident} » est le nom de la page du mois /recettes/{ident}/ : ajoutez un mot, "
            f"par exemple « soupe-{ident} »"
        )
    return None


def content_collisions(content_dir: Path) -> list[Problem]:
    """Hand-written pages must not sit where generated pages go: one of the two would be lost."""
    problems = []
    for folder in GENERATED_FOLDERS:
        target = content_dir / folder
        if target.exists():
            problems.append(
                Problem(
                    display_path(target),
                    1,
                    1,
                    f"le dossier content/{folder}/ est rempli par les "
                    "données : déplacez ces pages dans content/guide/.",
                )
            )
        page = content_dir / f"{folder}.md"
        if page.exists():
            problems.append(
                Problem(
                    display_path(page),
                    1,
                    1,
                    f"la page /{folder}/ est faite à partir des données : renommez ce fichier.",
                )
            )
    return problems


def photo_problem(content_dir: Path, src: str) -> str | None:
    """Why the photo at src (relative to content/) cannot be published, in French, or None."""
    root = content_dir.resolve()
    path = content_dir / src
    if path.is_symlink():
        return None  # link_problems() names it: one mistake, one message
    try:
        inside = path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        return f"l'image « {src} » est en dehors du dossier content/ : placez la photo dans content/images/"
    if not path.is_file():
        return f"l'image « {src} » est introuvable dans content/ : ajoutez le fichier ou corrigez le nom"
    if path.stat().st_size > MAX_PHOTO_BYTES:
        return (
            f"l'image « {src} » est trop lourde (plus de {MAX_PHOTO_BYTES // 1048576} Mo) : "
            "envoyez une photo plus petite"
        )
    content = path.read_bytes()
    passes = PassedChecks(cache_dir_of(content_dir) / "photos-lisibles")
    key = digest(_PHOTO_RULES, content)
    if passes.passed(key):
        return None
    problem = _decoding_problem(content, src)
    if problem is None:
        passes.remember(key)
    return problem


def _decoding_problem(content: bytes, src: str) -> str | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(content)) as image:
            if image.format not in PHOTO_FORMATS:
                return f"l'image « {src} » n'est pas une photo JPEG, PNG ou WebP : enregistrez-la en JPEG"
            if image.width * image.height > MAX_PHOTO_PIXELS:
                return (
                    f"l'image « {src} » est trop grande ({image.width} × {image.height} pixels) : "
                    "réduisez-la à moins de 4000 pixels de large"
                )
            # The whole file decodes: the build will be able to resize it. A JPEG decodes at 1/8
            # scale (DCT scaling reads every byte of the stream, so damage still shows) in a tenth
            # of the time.
            image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except Exception:  # Pillow raises many types for a damaged or fake file
        return (
            f"l'image « {src} » est illisible (fichier abîmé ou qui n'est pas une image) : "
            "enregistrez la photo à nouveau en JPEG"
        )
    return None


# -- private contacts ----------------------------------------------------------

_NOT_DIGIT = re.compile(r"[^0-9]")
_PHONE_IN_TEXT = re.compile(
    r"(?<![0-9])(?:\+33[\s.\-]*(?:\(0\)[\s.\-]*)?|0033[\s.\-]*|0)[1-9](?:[\s.\-]*[0-9]{2}){4}"
    r"(?![0-9])"
)
# Bounded repetitions (the lengths RFC 5321 allows): an unbounded pattern backtracks quadratically
# over a long run of letters or dots.
_EMAIL_IN_TEXT = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}"
    r"(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])"
)


def _dialled_digits(text: str) -> str:
    """Every digit a caller would dial: "+33 (0)6 39…" → "33639…" (the bracketed 0 is not dialled)."""
    return _NOT_DIGIT.sub("", text.replace("(0)", ""))


def phone_key(text: str) -> str:
    """The nine digits after the country code: "02 61 91 00 30", "+33 2.61.91.00.30" → "261910030"."""
    digits = _dialled_digits(text)
    for prefix in ("0033", "33", "0"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 9:
            return digits[len(prefix) :]
    return digits


def contacts_in(text: str) -> list[tuple[str, str]]:
    """(key, as written) of each phone number and e-mail address in a text (digits of any script)."""
    text = ascii_digits(text)
    found = [(phone_key(m.group()), m.group()) for m in _PHONE_IN_TEXT.finditer(text)]
    found += [(m.group().lower(), m.group()) for m in _EMAIL_IN_TEXT.finditer(text)]
    return found


def private_contacts(dataset: Dataset) -> dict[str, str]:
    """Key of every phone number and e-mail of a `visibilite: pro` person → whose it is."""
    private: dict[str, str] = {}
    for person in dataset.professionals:
        if person.get("visibilite") != "pro":
            continue
        whose = f"{person.get('prenom', '')} {person.get('nom', '')}".strip()
        for phone in person.get("telephones") or []:
            if (
                isinstance(phone, dict)
                and isinstance(phone.get("numero"), str)
                and len(phone_key(phone["numero"])) == 9
            ):
                private[phone_key(phone["numero"])] = whose
        if isinstance(person.get("courriel"), str):
            private[person["courriel"].lower()] = whose
    return private


class PrivateMatcher:
    """A fast first look: can this text hold one of the private contacts at all? Its digits (however
    the number is spaced) must contain a private number's nine digits, or it must name the address."""

    def __init__(self, private: dict[str, str]):
        self._phones = {key for key in private if "@" not in key}
        self._emails = [key for key in private if "@" in key]

    def may_hold(self, text: str) -> bool:
        if not _DIGIT_OR_AT.search(text):  # most texts: names, vocabulary, ids
            return False
        text = ascii_digits(text)
        if self._emails and "@" in text:
            lowered = text.lower()
            if any(address in lowered for address in self._emails):
                return True
        if not self._phones:
            return False
        digits = _dialled_digits(text)
        return any(digits[start : start + 9] in self._phones for start in range(len(digits) - 8))


_DIGIT_OR_AT = re.compile(r"[\d@]")  # \d: a digit of any script (Arabic-Indic too)
