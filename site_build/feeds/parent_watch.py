"""A child process of the build never outlives it."""

from __future__ import annotations

import os
import threading
import time

# Set by the build for its children: its process id (a child may start after its parent died).
PARENT = "SITE_BUILD_PARENT"


def child_environment() -> dict[str, str]:
    """The environment of a child of this process: its own, and who the parent is."""
    return {**os.environ, PARENT: str(os.getpid())}


def exit_with_parent(poll_s: float = 0.1) -> None:
    """End this process as soon as the build that started it is gone (killed, or stopped by the
    system): a child left running would spend minutes of CPU on a build no one waits for."""
    parent = int(os.environ.get(PARENT) or os.getppid())

    def watch() -> None:
        while os.getppid() == parent:  # an orphan is adopted by another process
            time.sleep(poll_s)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()
