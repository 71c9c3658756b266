"""The home pages. Public: this month at the épicerie (next distribution with its live status, the
food of the month with its recipe, the next Épi'santé date), the needs, the emergency numbers.
Pro build: the professionals' tools and a search box, not a copy of the public home."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from markupsafe import Markup

from site_build.data.loading.settings import SiteSettings
from site_build.data.model.profile import Profile
from site_build.data.model.records import Records
from site_build.pages.directory import status_place
from site_build.pages.emergency import emergency_block
from site_build.pages.health import upcoming
from site_build.pages.model import Page
from site_build.pages.recipes import recipe_of_the_month
from site_build.pages.render import render


def home_page(records: Records, profile: Profile, today: date, settings: SiteSettings, content_dir: Path) -> Page:
    """The content that replaces the marker of content/index.md."""
    if profile.has_professionals_directory:
        # a tile for each tool the guide has: a form, a guide page, dates (features follow the data)
        liaison_form = next((form.id for form in records.forms), "")
        working_together = (content_dir / "guide/professionnels.md").is_file()
        tools = {"liaison_form": liaison_form, "working_together": working_together}
        html = render("home_pro.html", "", records=records, profile=profile, **tools)
        return Page("index.md", "", html)
    grocery = records.partner_by_id.get(settings.epicerie)
    start = datetime.combine(today, datetime.min.time())
    next_health = upcoming(records, start, start + timedelta(days=120))[:1]
    html = render(
        "home_public.html",
        "",
        records=records,
        grocery=grocery,
        distribution=status_place(grocery.horaires_distribution, grocery, today) if grocery else None,
        recipe_card=Markup(recipe_of_the_month(records, today, content_dir)),
        next_health=next_health,
        emergency=emergency_block(records, today, ""),
    )
    return Page("index.md", "", html)
