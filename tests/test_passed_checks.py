"""Checks remembered between builds: a pass is reused for the same bytes only, a failure never."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_build.data.checks.passed_checks import PassedChecks
from site_build.data.checks.publication_checks import photo_problem
from site_build.data.loading.dataset import load_dataset
from site_build.feeds.datapackage import package_errors, package_files

ROOT = Path(__file__).resolve().parent.parent
PHOTO = "images/recettes/soupe.jpg"


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    (folder / "images/recettes").mkdir(parents=True)
    shutil.copy(next((ROOT / "content/images/recettes").glob("*.jpg")), folder / PHOTO)
    return folder


def test_a_photo_that_passed_is_not_decoded_again(content, monkeypatch):
    assert photo_problem(content, PHOTO) is None
    assert list((content.parent / ".cache/photos-lisibles").iterdir())

    import PIL.Image

    def must_not_open(*args, **kwargs):
        raise AssertionError("the photo was decoded again")

    monkeypatch.setattr(PIL.Image, "open", must_not_open)
    assert photo_problem(content, PHOTO) is None


def test_a_damaged_photo_is_reported_even_after_the_good_one_passed(content):
    assert photo_problem(content, PHOTO) is None
    photo = content / PHOTO
    photo.write_bytes(photo.read_bytes()[: photo.stat().st_size // 2])  # an upload cut short
    assert "illisible" in (photo_problem(content, PHOTO) or "")
    assert "illisible" in (photo_problem(content, PHOTO) or "")  # a failure is never remembered


def test_an_unwritable_cache_only_means_checking_again(content):
    (content.parent / ".cache").write_text("not a folder")
    assert photo_problem(content, PHOTO) is None
    assert photo_problem(content, PHOTO) is None


def test_a_package_that_passed_is_not_checked_again_but_a_changed_one_is(valid_data, tmp_path, monkeypatch):
    import site_build.feeds.datapackage as datapackage

    files = package_files(load_dataset(valid_data)[0])
    passes = PassedChecks(tmp_path / "paquets")
    assert package_errors(files, passes) == []

    checked = []
    real_check = datapackage._frictionless_errors
    monkeypatch.setattr(datapackage, "_frictionless_errors", lambda f: checked.append(1) or real_check(f))
    assert package_errors(files, passes) == []
    assert checked == []

    broken = dict(files)
    name = next(n for n in files if n.endswith(".csv"))
    header, *rows = broken[name].decode("utf-8").splitlines()
    broken[name] = ("\n".join([header, *rows, rows[0]]) + "\n").encode("utf-8")  # a row twice: key not unique
    errors = package_errors(broken, passes)
    assert checked == [1] and errors, "a changed package must be checked again"
    assert package_errors(broken, passes) == errors  # and its failure is not remembered


def test_a_photo_size_enters_the_cache_whole_and_is_reused(content, monkeypatch):
    """Another build at the same time (a preview beside a build) must never read half a photo: each
    size is written beside the cache under another name, then renamed."""
    import os

    from site_build.data.media import photos

    cache = content.parent / ".cache/images"
    visible_before_whole = []

    def replace(partial, target):
        visible_before_whole.append(Path(target).exists())
        assert Path(partial).stat().st_size > 0
        os.rename(partial, target)

    monkeypatch.setattr(photos.os, "replace", replace)
    made = photos.variants(content, PHOTO, cache)
    assert len(made) == 6 and visible_before_whole == [False] * 6
    assert len(list(cache.iterdir())) == 6 and not list(cache.glob(".*"))  # nothing half-written left

    def never(*_arguments):
        raise AssertionError("resized again")

    monkeypatch.setattr(photos, "_resized", never)
    assert photos.variants(content, PHOTO, cache) == made  # the next build reads them back
