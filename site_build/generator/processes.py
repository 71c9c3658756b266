"""When a build works in child processes: the other languages (`language_child.py`) and the feeds
(`feeds/worker.py`) beside the French pages, or everything in the build's own process.

A child costs half a CPU-second to a second of start-up (a fresh interpreter importing the data
model again): worth it for a large directory only, on a machine with more than one core."""

from __future__ import annotations

import os

PARALLEL_FROM_PARTNERS = 500


def worth_parallel(partners: int) -> bool:
    """SITE_BUILD_SEQUENTIAL=1 builds in one process, one language after the other (bench/run.py
    compares both)."""
    if os.environ.get("SITE_BUILD_SEQUENTIAL") == "1":
        return False
    return (os.cpu_count() or 1) > 1 and partners >= PARALLEL_FROM_PARTNERS
