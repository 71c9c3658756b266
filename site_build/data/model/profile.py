"""Build profiles: the one place that decides what the public and the pro sites contain."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from site_build.data.loading.dataset import Dataset
from site_build.data.model.records import Records

PROFILES = ("public", "pro")


@dataclass(frozen=True)
class Profile:
    name: str  # public | pro

    def __post_init__(self) -> None:
        if self.name not in PROFILES:
            raise ValueError(f"profil inconnu « {self.name} » : public ou pro")

    @property
    def is_pro(self) -> bool:
        return self.name == "pro"

    # What the pro site has and the public one never does.
    @property
    def has_liaison_forms(self) -> bool:
        return self.is_pro

    @property
    def has_professionals_directory(self) -> bool:
        return self.is_pro

    @property
    def has_verification_page(self) -> bool:
        return self.is_pro

    @property
    def has_dashboard(self) -> bool:
        return self.is_pro

    @property
    def search_engines_may_index(self) -> bool:
        return not self.is_pro  # the pro site is served behind a password and says noindex too

    def labels(self, dataset: Dataset) -> dict[str, dict[str, str]]:
        """The everyday labels this profile shows (data/libelles.yaml); the pro views keep the national ones."""
        return {} if self.is_pro else dataset.labels

    @property
    def site_folder(self) -> str:
        """Where `site-build build` writes this profile's site by default."""
        return "site-pro" if self.is_pro else "site"

    @property
    def app_name(self) -> str:
        return "Le guide partagé" + (" — professionnels" if self.is_pro else "")

    def view(self, dataset: Dataset) -> Dataset:
        """The data this profile may publish: the public view never holds a `visibilite: pro` record, a
        form, nor the pro-only parts of a Semaine du goût edition (working groups, workshop details)."""
        if self.is_pro:
            return dataset
        public = copy.copy(dataset)
        public.professionals = [p for p in dataset.professionals if p.get("visibilite") == "public"]
        public.forms = {}
        public.editions = {year: _public_edition(edition) for year, edition in dataset.editions.items()}
        public.documents = {}
        public.reindex()
        return public

    def records(self, dataset: Dataset) -> Records:
        """This profile's view, typed (built once per build)."""
        return Records.from_dataset(self.view(dataset))


def _public_edition(edition: dict[str, Any]) -> dict[str, Any]:
    shown = {key: value for key, value in edition.items() if key != "groupes"}
    workshops = edition.get("ateliers_scolaires")
    if isinstance(workshops, list):
        shown["ateliers_scolaires"] = [
            {key: value for key, value in w.items() if key != "details_pro"} if isinstance(w, dict) else w
            for w in workshops
        ]
    return shown


PUBLIC = Profile("public")
PRO = Profile("pro")
