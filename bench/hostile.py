"""Time to answer hostile input: each case is a one-file change to a small valid project (the
fixtures' dataset, the project's pages, mkdocs.yml and catalogs), and `site-build validate` must
answer it with a French message (exit 1) in well under a second.

Prints, for each case, the wall time of the whole command and its ratio to the same command on
the valid dataset (Python start-up and imports included in both); asserts nothing.
Usage: python bench/hostile.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "hostile"
VALID = ROOT / "tests" / "fixtures" / "valid"
BIN = Path(sys.executable).parent
PARTNERS = (VALID / "partners.yaml").read_text(encoding="utf-8")


def _with(text: str) -> str:
    return PARTNERS.replace("description: Épicerie sociale du CCAS.", text, 1)


PARTNER_CASES = {
    "25 Mo file (over the limit)": PARTNERS + "# " + "x" * (25 * 1024 * 1024) + "\n",
    "19 Mo file (under the limit), one bad line at its end": PARTNERS + "# " + "x" * (19 * 1024 * 1024) + "\n- id: [\n",
    "200,000 nested brackets": _with("description: " + "[" * 200_000 + "]" * 200_000),
    "5 Mo text in a name": PARTNERS.replace("nom: Épicéa, épicerie sociale", "nom: " + "a" * (5 * 1024 * 1024), 1),
    "100,000-digit number": _with("description: x\n  frequence_maj: " + "9" * 100_000),
    "1e999": _with("description: x\n  frequence_maj: 1e999"),
    "unclosed quote on line 3 of a long file": PARTNERS.replace("nom: Épicéa, épicerie sociale", 'nom: "Épicéa', 1)
    + "\n".join(f"# ligne {n}" for n in range(100_000)),
    "e-mail pattern against 1 Mo of dots": PARTNERS.replace(
        "accueil@caf.example.org", '"a@' + "a." * 500_000 + '!"', 1
    ),
    "hours string of 100,000 rules": PARTNERS.replace(
        '"Mo-Fr 08:30-12:00,13:30-16:30; PH off"', '"' + "; ".join(["Mo 08:00-09:00"] * 100_000) + '"', 1
    ),
    "invisible character at the end of 19 Mo": PARTNERS + "# " + "x" * (19 * 1024 * 1024) + "\u202e\n",
}

PO = (ROOT / "site_build" / "i18n" / "locales" / "en.po").read_text(encoding="utf-8")
PAGE = (ROOT / "content" / "aide.en.md").read_text(encoding="utf-8")
CALENDAR = (ROOT / "data" / "calendrier.json").read_text(encoding="utf-8")
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
ENTRIES = "".join(f'msgid "Texte {n}"\nmsgstr "Text {n}"\n\n' for n in range(100_000))

# The files the gate added in its second round: file in the project → its hostile content.
OTHER_CASES = {
    "catalog: markup in a translation": (
        "locales/en.po",
        PO.replace('msgstr "Show {n} more results"', 'msgstr "<img src=x onerror=alert(1)>"'),
    ),
    "catalog: conflict markers": ("locales/en.po", PO.replace("\nmsgid", "\n<<<<<<< HEAD\nmsgid", 1)),
    "catalog: 100,000 entries (5 Mo), one bad at its end": (
        "locales/en.po",
        PO + ENTRIES + 'msgid "Fin"\nmsgstr "<b>End</b>"\n',
    ),
    "catalog: 20,000 entries (1 Mo), one bad at its end": (
        "locales/en.po",
        PO + ENTRIES[: ENTRIES.index('msgid "Texte 20000"')] + 'msgid "Fin"\nmsgstr "<b>End</b>"\n',
    ),
    "catalog: 12 Mo line (over 10 Mo)": (
        "locales/en.po",
        PO + 'msgid "Long"\nmsgstr "' + "x" * (12 * 1024 * 1024) + '"\n',
    ),
    "catalog: Plural-Forms of 100,000 brackets": (
        "locales/en.po",
        PO.replace("plural=(n != 1);", "plural=" + "(" * 100_000 + "n" + ")" * 100_000 + ";"),
    ),
    "page: 1.9 Mo of unknown figures": ("content/aide.en.md", PAGE + "{chiffre inconnu} " * 100_000),
    "page: front matter of 200,000 nested brackets": (
        "content/aide.en.md",
        "---\nrelu: " + "[" * 200_000 + "]" * 200_000 + "\n---\n" + PAGE,
    ),
    "calendar: 200,000 nested brackets": ("data/calendrier.json", "[" * 200_000 + "]" * 200_000),
    "calendar: 6 Mo (over the limit)": (
        "data/calendrier.json",
        CALENDAR[:-2] + ", " + '"x": 1, ' * 700_000 + '"y": 2}\n',
    ),
    "mkdocs.yml: 200,000 nested brackets in extra": (
        "mkdocs.yml",
        CONFIG.replace("generator: false", "generator: " + "[" * 200_000 + "]" * 200_000),
    ),
    "mkdocs.yml: conflict markers": (
        "mkdocs.yml",
        CONFIG.replace("extra:\n", "extra:\n<<<<<<< HEAD\n=======\n>>>>>>> x\n"),
    ),
}


def project(folder: Path) -> Path:
    """A small valid project: the fixtures' data, the project's pages, mkdocs.yml and catalogs."""
    shutil.copytree(VALID, folder / "data")
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "site_build" / "i18n" / "locales", folder / "locales")
    (folder / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return folder


def timed(folder: Path, limit: float = 60) -> tuple[float, int, str]:
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [str(BIN / "site-build"), "validate"],
            capture_output=True,
            text=True,
            cwd=folder,
            env=dict(os.environ, SITE_BUILD_TODAY="2026-11-26", SITE_BUILD_LOCALES=str(folder / "locales")),
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        return limit, -1, f"no answer in {limit:.0f} s"
    lines = result.stderr.strip().splitlines()
    # the first error, not a warning printed before it (a file that sorts first, say)
    first = next((line for line in lines if ": attention : " not in line), lines[0] if lines else "")
    return time.perf_counter() - start, result.returncode, first[:110]


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    reference, code, said = timed(project(OUT / "valide"))
    assert code == 0, said
    print(f"{'case':<55} {'s':>6} {'× valid':>8}  first error of the answer")
    print(f"{'valid project (reference)':<55} {reference:>6.2f} {1:>8.2f}")
    cases = {name: ("data/partners.yaml", text) for name, text in PARTNER_CASES.items()} | OTHER_CASES
    for name, (changed, text) in cases.items():
        folder = project(OUT / f"case-{len(os.listdir(OUT))}")
        (folder / changed).write_text(text, encoding="utf-8")
        elapsed, code, first = timed(folder)
        print(f"{name:<55} {elapsed:>6.2f} {elapsed / reference:>8.2f}  exit {code}: {first}", flush=True)
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
