"""Features follow the data: a guide without recipes, health dates, rights, a Semaine du goût,
professionals, forms or a grocery has none of those pages, menu entries or tiles, in both profiles
and every language; its first file brings the feature back."""

from __future__ import annotations

import re
import shutil

from .helpers import FIXTURES, build_variant

# the generated sections a feature's data makes, and the file or folder that holds that data
FEATURES = {
    "recettes/": "recipes",
    "sante/": "interventions.yaml",
    "professionnels/": "professionals.yaml",
    "liaison/": "forms",
}
ABSENT_ANYWAY = ("mes-droits/", "semaine-du-gout/")  # the small fixture has no rights and no edition


def _without(tmp_path, *names):
    data = tmp_path / "donnees" / "data"
    shutil.copytree(FIXTURES / "valid", data)
    (data.parent / "content").symlink_to(FIXTURES / "content")
    for name in names:
        target = data / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    return data


def _links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"#?]*)', html))


def test_a_guide_without_a_feature_s_data_has_no_page_menu_entry_or_tile(tmp_path):
    data = _without(tmp_path, *FEATURES.values())
    no_grocery = {"  epicerie: epicea\n": ""}
    public = build_variant(tmp_path / "public", data=data, config=no_grocery).folder
    pro = build_variant(tmp_path / "pro", data=data, profile="pro", config=no_grocery).folder
    for site in (public, pro, public / "en", public / "ar", public / "fa-AF"):
        for section in (*FEATURES, *ABSENT_ANYWAY):
            assert not (site / section).exists(), (site, section)
        for page in ("index.html", "annuaire/index.html", "aide/index.html"):  # the menu, the home's tiles
            links = _links((site / page).read_text(encoding="utf-8"))
            paths = {re.sub(r"^(\.\./)+", "", link) for link in links}  # relative to the site's root
            wrong = {path for path in paths for section in (*FEATURES, *ABSENT_ANYWAY) if path.startswith(section)}
            assert wrong == set(), (site, page)
    home = (public / "index.html").read_text(encoding="utf-8")
    assert 'id="distribution"' not in home  # no grocery configured: no distribution hours on the home page
    assert 'href="annuaire/"' in home  # what the data has stays


def test_the_first_file_of_a_feature_brings_it_back(tmp_path):
    data = _without(tmp_path, "interventions.yaml", "professionals.yaml", "forms")  # recipes kept
    site = build_variant(tmp_path, data=data).folder
    assert (site / "recettes/index.html").exists() and (site / "en/recettes/index.html").exists()
    assert 'href="recettes/"' in (site / "index.html").read_text(encoding="utf-8")  # its menu entry
    assert not (site / "sante").exists()
