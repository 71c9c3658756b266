"""A child process of the build never outlives it.

The build starts each child through this module (`python -m site_build.feeds.parent_watch MODULE
ARGS…`), so that the watch begins before the child's own imports: they take half a second, several
on a busy machine, and a build killed meanwhile would leave the child running."""

from __future__ import annotations

import os
import runpy
import sys
import threading
import time

# Set by the build for its children: its process id (a child may start after its parent died).
PARENT = "SITE_BUILD_PARENT"


def child_command(module: str, *args: str) -> list[str]:
    """The command that runs `module` (python -m) as a child of this process, watched from its start."""
    return [sys.executable, "-m", __name__, module, *args]


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


if __name__ == "__main__":
    exit_with_parent()
    sys.argv = sys.argv[1:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
