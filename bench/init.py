"""A new territory's guide: the time from `site-build init` to a served site, the size of the project it
writes and the files it holds. Runs init with a small data·inclusion export of Issoudun (the tests'
fixture), then `site-build serve` in the new folder (validate, build, preview) until the home page
answers, with this repository's .venv (as after `make serve` here). Then, as a newcomer would on a
machine that has the guide's packages in the installer's cache: the new folder's own first `make serve`,
which makes its .venv, brings uv into it with pip and installs the packages with uv before it validates,
builds and serves (`--sans-installation` skips it).

Prints figures; asserts nothing. Usage: python bench/init.py
"""

from __future__ import annotations

import collections
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "init"
BIN = Path(sys.executable).parent
EXPORT = ROOT / "tests" / "fixtures" / "data-inclusion-issoudun"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def served_after(command: list, cwd: Path, port: int, start: float, limit: float = 300) -> float:
    """Seconds from `start` until `command` (run in `cwd`) serves the new guide's home page on `port`."""
    said = cwd / "serve.log"  # a file, not a pipe: the installer's output never fills it up and stops the command
    with open(said, "w") as log:
        server = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=log, start_new_session=True)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as answer:
                    if answer.status == 200 and b"Issoudun" in answer.read():
                        return time.monotonic() - start
            except OSError:
                time.sleep(0.1)
            if server.poll() is not None or time.monotonic() - start > limit:
                raise SystemExit("the preview never answered: " + said.read_text()[-2000:])
    finally:
        os.killpg(server.pid, signal.SIGINT)  # make and its preview, as Ctrl+C in a terminal
        server.wait(timeout=30)


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    project = OUT / "guide-issoudun"
    start = time.monotonic()
    subprocess.run(
        [BIN / "site-build", "init", str(project), "--territoire", "Issoudun", "--organisation", "CCAS d'Issoudun",
         "--courriel", "guide@ccas-issoudun.example.org", "--commune", "36088", "--couleur", "#6a1b9a",
         "--import-data-inclusion", str(EXPORT / "structures.json"), str(EXPORT / "services.json")],
        check=True, capture_output=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    written = time.monotonic() - start
    files = [p for p in project.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    served = served_after(
        [BIN / "site-build", "serve", "--addr", f"127.0.0.1:{(port := free_port())}"], project, port, start
    )
    first = None
    if "--sans-installation" not in sys.argv:
        fresh = OUT / "guide-neuf"
        shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("site", "site-pro", ".site-*"))
        begin = time.monotonic()
        first = served_after(["make", "serve", f"ADDR=127.0.0.1:{(port := free_port())}"], fresh, port, begin, 900)
    print(f"init: {written:.1f} s; init to served home page: {served:.1f} s")
    if first is not None:
        print(f"the new folder's first `make serve` (new .venv, uv install, validate, build, serve): {first:.1f} s")
    print(f"project: {len(files)} files, {size / 2**20:.2f} MiB")
    tops = collections.Counter(p.relative_to(project).parts[0] for p in files)
    print("files by folder: " + ", ".join(f"{name} {count}" for name, count in sorted(tops.items())))
    for folder in ("content", "data"):
        print(f"{folder}/: " + ", ".join(sorted(p.relative_to(project / folder).as_posix() for p in files
                                                 if p.is_relative_to(project / folder))))  # fmt: skip


if __name__ == "__main__":
    main()
