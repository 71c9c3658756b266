"""The site's URL style, in one place: directory URLs (`annuaire/caf/`), linked relatively so the
site works at any address and offline. Every link between generated pages comes from here."""

from __future__ import annotations


def relative(target: str, here: str) -> str:
    """`target` (a site path: 'annuaire/caf/', 'sante/x.ics') as a link from the page at site path `here`."""
    if here and target.startswith(here):  # inside the page's own folder: 'fiche.vcf', not '../../annuaire/x/fiche.vcf'
        return target[len(here) :] or "./"
    return "../" * here.count("/") + target
