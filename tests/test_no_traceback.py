"""No traceback, anywhere: every `site-build` subcommand answers malformed input with a French
message and exit code 1 (bad data) or 2 (bad usage), and leaves no process behind."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, our_processes, processes_left
from .helpers import config_beside

ENGLISH = ("Traceback", "Error:", "error:", "usage:", "Exception", "expected", "invalid choice", "required")


# What the build and preview tests check (processes, folders, modes, signals) does not depend on the
# data: the small valid fixture builds in half the time of the sample.
SMALL_DATA = ("--data", str(FIXTURES / "valid"))


def run(args, cwd=None, env=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "site_build.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def assert_no_process_left(before: set[int]):
    left = processes_left(before, wait=5)
    assert not left, "processes left behind:\n" + "\n".join(left)


def _broken_data(tmp_path: Path, fixture: str = "partners--imbrication-profonde") -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid", data)
    shutil.copyfile(FIXTURES / "broken" / f"{fixture}.yaml", data / "partners.yaml")
    return data


def _export(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _busy_port():
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    return holder, holder.getsockname()[1]


# (name, arguments given tmp_path, exit code, fragment of the French message)
CORPUS = [
    ("no-command", lambda t: [], 2, "il manque"),
    ("unknown-command", lambda t: ["frobnicate"], 2, "choix inconnu"),
    ("unknown-option", lambda t: ["validate", "--nope"], 2, "argument inconnu"),
    ("option-without-value", lambda t: ["validate", "--data"], 2, "une valeur est attendue"),
    ("data-folder-missing", lambda t: ["validate", "--data", str(t / "nulle-part")], 2, "introuvable"),
    ("data-folder-is-a-file", lambda t: ["validate", "--data", str(_export(t, "f.txt", "x"))], 2, "introuvable"),
    ("validate-deep-yaml", lambda t: ["validate", "--data", str(_broken_data(t))], 1, "trop de niveaux"),
    (
        "validate-nul-byte",
        lambda t: ["validate", "--data", str(_broken_data(t, "partners--caractere-nul"))],
        1,
        "caractère nul",
    ),
    ("bad-profile", lambda t: ["build", "--profile", "secret"], 2, "choix inconnu"),
    ("config-missing", lambda t: ["build", "--config", str(t / "absent.yml")], 2, "introuvable"),
    (
        "config-broken",
        lambda t: ["build", "--config", str(_export(t, "mkdocs.yml", "site_name: [\n"))],
        1,
        "configuration",
    ),
    (
        "build-bad-data",
        lambda t: ["build", "--data", str(_broken_data(t)), "--site-dir", str(t / "site")],
        1,
        "trop de niveaux",
    ),
    ("build-publication-loopback", lambda t: ["build", "--publication", "--site-dir", str(t / "site")], 1, "site_url"),
    ("build-day-unreadable", lambda t: ["validate"], 2, "SITE_BUILD_TODAY"),
    (
        "import-file-missing",
        lambda t: ["import", "data-inclusion", str(t / "absent.json"), "--data", "data"],
        2,
        "introuvable",
    ),
    (
        "import-not-json",
        lambda t: ["import", "data-inclusion", str(_export(t, "x.json", "{structures: ["))],
        1,
        "JSON mal formé",
    ),
    ("import-not-utf8", lambda t: ["import", "data-inclusion", str(_export(t, "x.json", b"\xff\xfe[1]"))], 1, "UTF-8"),
    (
        "import-deep-json",
        lambda t: ["import", "data-inclusion", str(_export(t, "x.json", "[" * 100000 + "]" * 100000))],
        1,
        "trop de niveaux",
    ),
    ("import-numbers", lambda t: ["import", "data-inclusion", str(_export(t, "x.json", "[1, 2, 3]"))], 1, "objet"),
    (
        "import-wrong-shape",
        lambda t: ["import", "data-inclusion", str(_export(t, "x.json", '{"structures": 5}'))],
        1,
        "data·inclusion",
    ),
    (
        "import-no-name",
        lambda t: ["import", "data-inclusion", str(_export(t, "x.json", json.dumps([{"id": "a", "nom": 12}])))],
        1,
        "« nom »",
    ),
    ("report-bad-data", lambda t: ["report", "--data", str(_broken_data(t))], 1, "corrigez d'abord"),
    ("calendar-bad-data", lambda t: ["calendrier", "--data", str(_broken_data(t))], 1, "corrigez d'abord"),
    ("new-without-partner", lambda t: ["new", "service"], 2, "--partenaire"),
    (
        "new-in-bad-data",
        lambda t: ["new", "partner", "--data", str(_broken_data(t, "partners--guillemet-non-ferme"))],
        1,
        "guillemet",
    ),
    ("serve-bad-address", lambda t: ["serve", "--addr", "n'importe quoi"], 2, "adresse"),
    ("serve-port-too-big", lambda t: ["serve", "--addr", "127.0.0.1:99999"], 2, "adresse"),
]


@pytest.mark.parametrize("name,arguments,code,fragment", CORPUS, ids=[c[0] for c in CORPUS])
def test_malformed_input_gets_a_french_message(tmp_path, name, arguments, code, fragment):
    before = our_processes()
    env = {"SITE_BUILD_TODAY": "demain"} if name == "build-day-unreadable" else None
    result = run(arguments(tmp_path), cwd=ROOT, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == code, output
    assert fragment in output, output
    assert not any(word in output for word in ENGLISH if not (word == "error:" and name == "config-broken")), output
    assert_no_process_left(before)


def test_busy_port_is_said_before_any_build(tmp_path):
    holder, port = _busy_port()
    try:
        result = run(["serve", "--addr", f"127.0.0.1:{port}"], cwd=ROOT)
    finally:
        holder.close()
    assert result.returncode == 1 and "déjà utilisé" in result.stderr and "Traceback" not in result.stderr


def _start_preview(tmp_path: Path):
    port = socket.socket()
    port.bind(("127.0.0.1", 0))
    number = port.getsockname()[1]
    port.close()
    log = open(tmp_path / "serve.log", "w+")
    # French only: the preview's handling of clients and signals does not depend on the languages built
    config = config_beside(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace("langues: [fr, en, ar, fa-AF]", "langues: [fr]"))
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "site_build.cli",
            "serve",
            "--addr",
            f"127.0.0.1:{number}",
            "--config",
            str(config),
            *SMALL_DATA,
        ],
        cwd=tmp_path,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", number)) == 0 and (tmp_path / ".site-apercu").is_dir():
                return process, number, log
        time.sleep(0.2)
    raise AssertionError("the preview did not start: " + (tmp_path / "serve.log").read_text())


@pytest.mark.parametrize("stop_with", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_preview_stops_cleanly_and_survives_hostile_clients(tmp_path, stop_with):
    before = our_processes()
    process, port, log = _start_preview(tmp_path)
    try:
        with socket.create_connection(("127.0.0.1", port)) as client:  # a 100 KB request line
            try:
                client.sendall(b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
                answer = client.recv(200)
            except ConnectionResetError:  # the server answered 414 and closed before reading it all
                answer = b""
        assert answer == b"" or b" 414 " in answer
        with socket.create_connection(("127.0.0.1", port)) as client:  # garbage, then hang up
            client.sendall(b"\x00\xff garbage\r\n\r\n")
        time.sleep(0.5)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/annuaire/") as still:  # still serving
            assert still.status == 200
        process.send_signal(stop_with)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    log.seek(0)
    output = log.read()
    assert "Traceback" not in output and "Aperçu arrêté." in output, output
    assert_no_process_left(before)


def test_build_leaves_no_process_and_cleans_what_a_killed_build_left(tmp_path):
    before = our_processes()
    site = tmp_path / "site"
    abandoned = tmp_path / ".site-build-999999-abcd"  # a build killed earlier (that pid is gone)
    abandoned.mkdir()
    (abandoned / "index.html").write_text("half a site")
    result = run(["build", *SMALL_DATA, "--site-dir", str(site)], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert not abandoned.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert oct(site.stat().st_mode & 0o777) == "0o755"
    assert oct((site / "sitemap.xml").stat().st_mode & 0o777) == "0o644"
    assert_no_process_left(before)


def test_a_child_of_a_killed_build_stops_at_once():
    """The language and feed children watch the build: killed, even before a child has started
    its watch, the build leaves no child working."""
    # the child as the build starts one, here a module that would otherwise serve forever
    build = (
        "import subprocess; from site_build.feeds.parent_watch import child_command, child_environment; "
        "child = child_command('http.server', '0', '--bind', '127.0.0.1'); "
        "print(subprocess.Popen(child, env=child_environment(), stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL).pid, flush=True); input()"
    )
    parent = subprocess.Popen([sys.executable, "-c", build], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    child_pid = int(parent.stdout.readline())
    parent.kill()  # at once: the child is still importing
    parent.wait()
    deadline = time.monotonic() + 10
    while _running(child_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(child_pid)


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
def test_killed_build_leaves_the_site_and_a_folder_the_next_build_removes(tmp_path):
    site = tmp_path / "site"
    assert run(["build", *SMALL_DATA, "--site-dir", str(site)], cwd=ROOT).returncode == 0
    before = our_processes()
    process = subprocess.Popen(
        [sys.executable, "-m", "site_build.cli", "build", *SMALL_DATA, "--site-dir", str(site)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".site-build-*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.kill()
    process.wait()
    assert (site / "index.html").is_file()  # the previous site is intact
    assert_no_process_left(before)
    assert run(["build", *SMALL_DATA, "--site-dir", str(site)], cwd=ROOT).returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
