"""`site-build calendrier`: record in data/calendrier.json which calendar events changed (Épi'santé's
interventions, the Semaine du goût's programme), so their next publication carries a new SEQUENCE
and DTSTAMP (subscribed calendars then update them)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from site_build.data.loading.dataset import Dataset
from site_build.data.model.profile import PUBLIC
from site_build.feeds.icalendar import STATE_FILE, intervention_marks, read_state, stale_events, updated_state
from site_build.feeds.taste_week_calendar import edition_marks


def calendar_marks(dataset: Dataset) -> dict[str, str]:
    """The fingerprint of every published calendar event, by its key in the memory."""
    return intervention_marks(dataset) | edition_marks(PUBLIC.records(dataset))


def changed_events(data_dir: Path, dataset: Dataset) -> list[str]:
    """Keys of the events that are new or differ from the calendars' memory."""
    return stale_events(calendar_marks(dataset), read_state(data_dir))


def record_changes(data_dir: Path, dataset: Dataset, today: date) -> list[str]:
    """Write the calendars' memory for today's data; the keys that changed."""
    state, marks = read_state(data_dir), calendar_marks(dataset)
    changed = stale_events(marks, state)
    (data_dir / STATE_FILE).write_text(
        json.dumps(updated_state(marks, state, today), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    return changed
