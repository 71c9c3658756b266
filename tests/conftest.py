import fcntl
import functools
import gc
import inspect
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .browser_contexts import shared_context
from .helpers import FIXTURES, ROOT, SCREEN_STILL, build_variant, config_beside  # noqa: F401 (test modules import ROOT and FIXTURES from here)

TODAY = "2026-11-26"

# Pages are computed for a fixed day so that upcoming dates and freshness are reproducible.
os.environ.setdefault("SITE_BUILD_TODAY", TODAY)


# Every process this test run starts inherits this mark: another run (a second pytest-xdist
# worker, a developer's preview) is never mistaken for something the tests left behind.
RUN_MARK = f"SITE_BUILD_TEST_RUN={os.getpid()}-{time.time_ns()}"
os.environ["SITE_BUILD_TEST_RUN"] = RUN_MARK.split("=", 1)[1]


def our_processes() -> set[int]:
    """Processes of this test run still alive (the CLI's children, a data-package check), tests aside."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().split(") ")[-1][0]
            environment = (entry / "environ").read_bytes()
        except OSError:
            continue
        if (
            state != "Z"
            and RUN_MARK.encode() in environment.split(b"\0")
            and "pytest" not in command
            and ("site_build" in command or "multiprocessing" in command)
        ):
            found.add(int(entry.name))
    return found


def processes_left(before: set[int], wait: float) -> list[str]:
    """Our processes started since `before` still alive after up to `wait` seconds, each as
    « pid: command line »: a failure must say which process it was."""
    deadline = time.monotonic() + wait
    while our_processes() - before and time.monotonic() < deadline:
        time.sleep(0.1)
    left = []
    for pid in sorted(our_processes() - before):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            left.append(f"{pid}: {command.decode(errors='replace')}")
        except OSError:
            continue  # gone between the two reads
    return left


@pytest.fixture(scope="session", autouse=True)
def no_process_outlives_the_suite():
    """Builds start a data-package check in a child process: none may still run after the tests."""
    before = our_processes()
    yield
    left = processes_left(before, wait=10)
    assert not left, "processes left behind by the tests:\n" + "\n".join(left)


@pytest.fixture
def valid_data(tmp_path) -> Path:
    """A copy of the small valid dataset, to break one file at a time."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid", target)
    shutil.copytree(FIXTURES / "content", tmp_path / "content")  # photos the fixtures point to
    return target


@pytest.fixture
def sample_project(tmp_path) -> Path:
    """A project folder holding a copy of the sample's data/ (beside the real content/ and settings):
    what a command that writes data, such as `appliquer`, may change."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "content").symlink_to(ROOT / "content")
    config_beside(tmp_path)
    return tmp_path


@pytest.fixture
def variant(tmp_path):
    """build_variant(**changes) in this test's folder: a site built from changed data or settings."""
    return functools.partial(build_variant, tmp_path)


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory, worker_id):
    """The sample site built once per test run, in both profiles, through the real CLI code: each
    profile by the first pytest-xdist worker to ask for it (the second worker starts with the other
    profile, so that both are built at once), the others wait for it and read the same folders
    (tests copy a site before changing it)."""
    from site_build.generator.build import build_site

    run_folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run_folder = run_folder.parent  # shared by this run's workers, and by no other run
    profiles = ["public", "pro"]
    if worker_id.removeprefix("gw").isdigit() and int(worker_id.removeprefix("gw")) % 2:
        profiles.reverse()
    out = run_folder / "built-sites"
    for profile in profiles:
        with open(run_folder / f"built-sites-{profile}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
            if not (out / f"{profile}.complete").exists():
                build_site(ROOT / "mkdocs.yml", profile, out / profile, ROOT / "data")
                (out / f"{profile}.complete").write_text("")
    return {profile: out / profile for profile in ("public", "pro")}


# What makes a test more than a unit test: a built site, a browser, another process.
HEAVY_FIXTURES = {"built_sites", "site_urls", "browser", "playwright", "large_site", "variant"}
HEAVY_CALLS = re.compile(
    r"build_site\(|build_variant\(|site_build_command\(|run_cli\(|subprocess\.|Popen\(|Server\(|\bbuild\(|start_feeds\("
)


def _is_unit(item) -> bool:
    """A test of the pure stages: no fixture or call of HEAVY_*, in the test or the test helpers it calls."""
    if HEAVY_FIXTURES & set(getattr(item, "fixturenames", ())):
        return False
    function = getattr(item, "function", None)
    return function is not None and _calls_nothing_heavy(function)


@functools.cache  # once per test function, however many parameters it is run with
def _calls_nothing_heavy(function) -> bool:
    seen, waiting, source = set(), [function], ""
    while waiting:  # the test and every function of tests/ it calls, however deep
        current = waiting.pop()
        text = inspect.getsource(current)
        source += text
        for name in set(re.findall(r"\b(\w+)\(", text)) - seen:
            seen.add(name)
            called = current.__globals__.get(name)
            if inspect.isfunction(called) and called.__module__.startswith("tests"):
                waiting.append(called)
    return not HEAVY_CALLS.search(source)


def pytest_collection_modifyitems(items):
    """Every test that opens Chromium carries the `browser` marker: `make check` leaves them out;
    every test of the pure stages carries `unit`: `make unit` runs only them, in seconds.
    Tests marked `slow` run first, so that pytest-xdist's workers do not wait for one long test at the end."""
    for item in items:
        if {"browser", "playwright"} & set(getattr(item, "fixturenames", ())):  # Chromium, shared or its own
            item.add_marker(pytest.mark.browser)
        elif _is_unit(item):
            item.add_marker(pytest.mark.unit)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # a stable sort: order kept otherwise


def pytest_collection_finish(session):
    """What the run keeps to its end (modules, fixtures' code, the collected tests) is set aside from
    Python's garbage collector: each full collection would walk it again. Half the collector's time
    (4.4 to 2.0 CPU-s for the tests without a browser)."""
    gc.freeze()


# -- browser tests: Debian's Chromium through Playwright, sites on ephemeral loopback ports --

# Chromium's flags and the plain site server, one of each for the tests and the benchmarks: bench/serving.py.
sys.path.insert(0, str(ROOT / "bench"))
from serving import TESTS_CHROMIUM_FLAGS as CHROMIUM_FLAGS  # noqa: E402
from serving import TESTS_DISABLED_FEATURES, Server  # noqa: E402, F401 (test modules import them from here)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if not path:
        pytest.fail("Debian's chromium is missing: run `apt-get install chromium` (make test does it)")
    return path


@pytest.fixture(scope="session")
def site_urls(built_sites):
    """{"public": url, "pro": url}: each built site served over HTTP on 127.0.0.1."""
    servers = {profile: Server(folder) for profile, folder in built_sites.items()}
    try:
        yield {profile: server.url for profile, server in servers.items()}
    finally:
        for server in servers.values():
            server.stop()


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
    try:
        yield browser
    finally:
        browser.close()


@functools.cache
def axe_source() -> str:
    """axe-core's script: added to a context (context.add_init_script), every page has it from the start."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def axe_violations(page) -> str:
    """axe-core (WCAG 2.2 AA tags) on the page as it is now: '' when there is no violation."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_source())
    # violations only: passes and inapplicable rules would be serialised back for nothing (a third of the time)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    judged = f"async options => {{ {SCREEN_STILL} return (await axe.run(document, options)).violations; }}"
    return axe_report(page.evaluate(judged, options))


def axe_report(violations: list[dict]) -> str:
    """axe's violations as a readable report: '' when there is none."""
    from axe_playwright_python.base import AxeResults

    return AxeResults({"violations": violations}).generate_report() if violations else ""


def site_build_command(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`site-build ARGS` as an editor runs it (its own process: exit code and messages as printed)."""
    command = [str(Path(sys.executable).parent / "site-build"), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd)


def ready_offline(page, url: str) -> None:
    """Open `url` as a first visit, and wait until the service worker has saved the site for offline use."""
    page.goto(url)
    page.wait_for_selector("html[data-hors-ligne='pret']", timeout=60000)


def read_directory_data(page) -> None:
    """/annuaire/ reads annuaire.json once the visitor reaches for the search or the filters (or arrives
    with some in the address): reach for the search box, and wait until the data drives the list."""
    page.wait_for_selector("[data-gp-annuaire][data-ready='1']")
    page.focus("#gp-q")
    page.wait_for_selector("[data-gp-annuaire][data-loaded='1']")


def open_page(
    browser, url: str, instant=None, timezone_id: str = "America/Montreal", site_search: bool = False, **options
):
    """(context, page, page errors) for a fresh device far from Paris, its clock fixed at `instant` when given:
    what depends on the date must still be computed in Paris time. The theme's search works when
    `site_search` (see browser_contexts.py)."""
    # No service worker: these tests are about the page, and its first-visit precache of the whole
    # site would compete for the CPU (offline use has tests of its own, with the worker).
    context = shared_context(
        browser,
        clock=instant is not None,
        site_search=site_search,
        timezone_id=timezone_id,
        locale="fr-FR",
        service_workers="block",
        **options,
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if instant:
        page.clock.set_fixed_time(instant)
    page.goto(url)
    return context, page, errors


def build_with_page_changed(tmp_path: Path, page: str, old: str, new: str) -> tuple[subprocess.CompletedProcess, Path]:
    """`site-build build` of the project with one hand-written page of content/ edited: (result, site folder)."""
    content = shutil.copytree(ROOT / "content", tmp_path / "content")
    source = content / page
    source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    config = config_beside(tmp_path)
    config.write_text(config.read_text().replace(f"docs_dir: {ROOT / 'content'}", f"docs_dir: {content}"))
    site = tmp_path / "site"
    result = site_build_command(
        "build", "--config", str(config), "--site-dir", str(site), "--data", str(ROOT / "data"), cwd=tmp_path
    )
    return result, site
