import subprocess
import sys

from site_build.cli import main

from .conftest import FIXTURES, ROOT
from .helpers import run_cli


def test_valid_data_exits_zero(valid_data, capsys):
    assert main(["validate", "--data", str(valid_data)]) == 0
    assert "Données valides" in capsys.readouterr().err


def test_sample_data_is_valid(capsys):
    assert main(["validate", "--data", str(ROOT / "data")]) == 0


def test_stale_entries_warn_and_fail_with_strict(valid_data, capsys):
    partners = valid_data / "partners.yaml"
    partners.write_text(partners.read_text().replace("date_verification: 2026-11-02", "date_verification: 2025-01-02"))
    assert main(["validate", "--data", str(valid_data)]) == 0
    assert "attention : " in capsys.readouterr().err
    assert main(["validate", "--data", str(valid_data), "--strict"]) == 1
    assert "informations à vérifier" in capsys.readouterr().err


def test_usage_errors_exit_two():
    for args in (["validate", "--nope"], ["frobnicate"], ["build", "--profile", "secret"]):
        result = subprocess.run([sys.executable, "-m", "site_build.cli", *args], capture_output=True, text=True)
        assert result.returncode == 2, args
    missing = subprocess.run(
        [sys.executable, "-m", "site_build.cli", "validate", "--data", "/nonexistent"], capture_output=True, text=True
    )
    assert missing.returncode == 2


def test_github_annotations(valid_data, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (valid_data / "partners.yaml").write_text(
        (valid_data / "partners.yaml").read_text().replace("publics: [familles]", "publics: [famile]", 1)
    )
    assert main(["validate", "--data", str(valid_data)]) == 1
    out = capsys.readouterr().out
    assert "::error file=" in out and ",line=16," in out and "familles" in out


def test_report_lists_overdue_first(capsys):
    assert main(["report", "--csv", "--data", str(ROOT / "data")]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert rows[0].startswith("type,id,nom")
    assert "musee-vierzon" in rows[1] and rows[1].endswith(",oui")


def test_serve_sends_production_cache_headers(tmp_path):
    import re
    import time
    import urllib.request

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "site_build.cli",
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--config",
            str(ROOT / "mkdocs.yml"),
            "--data",
            str(FIXTURES / "valid"),  # cache headers do not depend on the data: the small project is quicker
        ],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline, url = time.time() + 120, None
        while url is None and time.time() < deadline:
            line = server.stderr.readline()
            found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
            url = found[1] if found else None
        assert url, "the preview server did not start"
        headers = {path: urllib.request.urlopen(url + path).headers for path in ("", "sw.js", "annuaire/")}
        assert all(h["Cache-Control"] == "no-cache" for h in headers.values())
        bundle = next((tmp_path / ".site-apercu/assets/javascripts").glob("bundle.*.min.js")).name
        immutable = urllib.request.urlopen(f"{url}assets/javascripts/{bundle}").headers["Cache-Control"]
        assert immutable == "public, max-age=31536000, immutable"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_file_that_cannot_be_read_is_said_in_french(tmp_path):
    """The system's reason is English (« No such file or directory »): the editor reads French."""
    missing = run_cli(ROOT, "icones", "--config", str(tmp_path / "absent.yml"))
    assert missing.returncode == 1 and "fichier introuvable : vérifiez son nom et son dossier" in missing.stderr
    (tmp_path / "dossier.yml").mkdir()
    folder = run_cli(ROOT, "icones", "--config", str(tmp_path / "dossier.yml"))
    assert "c'est un dossier, pas un fichier" in folder.stderr
    assert "No such file" not in missing.stderr + folder.stderr and "Is a directory" not in folder.stderr
