"""The site's URL style, in one place: directory URLs (`annuaire/caf/`), linked relatively so the
site works at any address and offline. Every link between generated pages comes from here."""

from __future__ import annotations

from site_build.i18n.current import current
from site_build.i18n.pages import to_root


def relative(target: str, here: str) -> str:
    """`target` (a site path: 'annuaire/caf/', 'sante/x.ics') as a link from the page at site path `here`.
    In another language's pages, a target that language does not have is the French one."""
    language = current()
    if language.folder and not language.own_pages.has_path(target):
        return to_root(here, language.folder) + target
    if here and target.startswith(here):  # inside the page's own folder: 'fiche.vcf', not '../../annuaire/x/fiche.vcf'
        return target[len(here) :] or "./"
    return "../" * here.count("/") + target
