import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-11-26"

# Pages are computed for a fixed day so that upcoming dates and freshness are reproducible.
os.environ.setdefault("SITE_BUILD_TODAY", TODAY)


@pytest.fixture
def valid_data(tmp_path) -> Path:
    """A copy of the small valid dataset, to break one file at a time."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid", target)
    return target


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory):
    """The sample site built once per test run, in both profiles, through the real CLI code."""
    from site_build.build import build_site

    out = tmp_path_factory.mktemp("sites")
    sites = {}
    for profile in ("public", "pro"):
        sites[profile] = build_site(ROOT / "mkdocs.yml", profile, out / profile, ROOT / "data")
    return sites
