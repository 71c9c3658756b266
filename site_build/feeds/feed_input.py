"""What the feeds of one build are made from, in the build's process or in a child (`worker.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from site_build.data.loading.dataset import Dataset
from site_build.data.loading.settings import SiteSettings
from site_build.data.model.profile import Profile


@dataclass(frozen=True)
class FeedInput:
    view: Dataset  # the profile's view of the validated data, without the loader's line maps
    public: Dataset  # the public view: the open data is always made from it (the same object for public)
    profile: Profile
    today: date
    settings: SiteSettings
