"""/mes-droits/: the rights helper. A few questions, one at a time, then the rights worth checking,
who helps with the application, the documents to bring and the official simulator. The matching
runs on the device (droits.js) from the rules the page carries: nothing typed is stored or sent."""

from __future__ import annotations

from dataclasses import dataclass

from site_build import urls
from site_build.data.model.records import Partner, Records, Right, Service
from site_build.data.model.rights import QUESTIONS
from site_build.i18n.current import gettext
from site_build.pages.model import Page
from site_build.pages.render import render

SECTION = urls.RIGHTS


@dataclass(frozen=True)
class Helper:
    partner: Partner
    service: Service

    @property
    def phone(self) -> str:
        return self.service.telephone or self.partner.telephone


def helpers(right: Right, records: Records) -> list[Helper]:
    return [
        Helper(records.partner_of_service[sid], records.service_by_id[sid])
        for sid in right.aide
        if sid in records.service_by_id
    ]


def rights_page(records: Records) -> Page:
    html = render(
        "rights.html",
        SECTION,
        questions=QUESTIONS,
        rights=[(right, helpers(right, records)) for right in records.rights],
        rules=[{"id": right.id, "si": list(right.si)} for right in records.rights],
    )
    reviewed = all(right.relu for right in records.rights)
    return Page(urls.source(SECTION), gettext("Mes droits : les aides à vérifier"), html, reviewed=reviewed)
