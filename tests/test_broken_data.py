"""Every mistake an editor makes gets a French message at the right file and line."""

import os
import re
from datetime import date

import pytest

from site_build.cli import main
from site_build.data.checks.validate import has_errors, validate

from .helpers import BROKEN_CASES, FIXTURES, install_broken

CASES = BROKEN_CASES

ENGLISH = re.compile(r"\b(expected|not allowed|is not|Traceback|error|found|while)\b")
FRENCH = re.compile(r"\b(le|la|les|un|une|est|écrivez|champ|valeur|du|de|fichier)\b")


def test_corpus_is_complete():
    on_disk = {p.stem for p in (FIXTURES / "broken").glob("*.yaml")}
    assert on_disk == {name for name, *_ in CASES}
    assert {p.stem for p in (FIXTURES / "broken").glob("*.expected")} == on_disk
    assert len(CASES) >= 40


@pytest.mark.parametrize("name,line,fragment,field", CASES, ids=[c[0] for c in CASES])
def test_mistake_is_reported_at_its_line(valid_data, name, line, fragment, field):
    target = install_broken(valid_data, name)
    _, problems = validate(valid_data, date(2026, 11, 26))
    errors = [p for p in problems if not p.warning]
    assert has_errors(problems), f"{name}: no error reported"
    relative = str(target.relative_to(valid_data))
    matching = [p for p in errors if p.file.endswith(relative) and p.line == line and fragment in p.message]
    assert matching, f"{name}: expected line {line} with « {fragment} », got:\n" + "\n".join(p.format() for p in errors)
    message = matching[0].message
    assert FRENCH.search(message) and not ENGLISH.search(message), message
    if field:
        assert f"« {field}" in message or f".{field}" in message or f"{field} »" in message, message


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_cli_prints_file_line_column_and_no_traceback(valid_data, name, capsys):
    install_broken(valid_data, name)
    assert main(["validate", "--data", str(valid_data)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert re.match(r"^.+\.ya?ml:\d+:\d+: ", lines[0]), lines[0]
    assert lines[-1].startswith("Données invalides : ") and "erreur" in lines[-1]


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_golden_message(valid_data, name):
    """Exactly one message, word for word: `line:column: message` in tests/fixtures/broken/<name>.expected.
    To accept a deliberate wording change: UPDATE_GOLDEN=1 pytest tests/test_broken_data.py."""
    install_broken(valid_data, name)
    _, problems = validate(valid_data, date(2026, 11, 26))
    got = "".join(f"{p.line}:{p.column}: {'attention : ' if p.warning else ''}{p.message}\n" for p in problems)
    golden = FIXTURES / "broken" / f"{name}.expected"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")
    assert len(problems) == 1, got
