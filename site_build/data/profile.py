"""Build profiles: `public` drops everything meant for professionals only."""

from __future__ import annotations

import copy

from site_build.data.dataset import Dataset

PROFILES = ("public", "pro")


def view(dataset: Dataset, profile: str) -> Dataset:
    """The data a profile may publish. The public view never holds a `visibilite: pro` record or a form."""
    if profile == "pro":
        return dataset
    public = copy.copy(dataset)
    public.professionals = [p for p in dataset.professionals if p.get("visibilite") == "public"]
    public.forms = {}
    public.documents = {}
    public.reindex()
    return public
