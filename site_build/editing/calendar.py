"""`site-build calendrier`: record in data/calendrier.json which interventions changed, so their
next publication carries a new SEQUENCE and DTSTAMP (subscribed calendars then update them)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from site_build.data.dataset import Dataset
from site_build.feeds.icalendar import STATE_FILE, read_state, stale_interventions, updated_state


def changed_interventions(data_dir: Path, dataset: Dataset) -> list[str]:
    """Ids of the interventions that are new or differ from the calendar's memory."""
    return stale_interventions(dataset, read_state(data_dir))


def record_changes(data_dir: Path, dataset: Dataset, today: date) -> list[str]:
    """Write the calendar's memory for today's data; the ids that changed."""
    state = read_state(data_dir)
    changed = stale_interventions(dataset, state)
    (data_dir / STATE_FILE).write_text(
        json.dumps(updated_state(dataset, state, today), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    return changed
