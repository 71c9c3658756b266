"""Time to answer hostile input: each case is a one-file change to the small valid dataset, and
`site-build validate` must answer it with a French message (exit 1) in well under a second.

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


CASES = {
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


def timed(data: Path, limit: float = 60) -> tuple[float, int, str]:
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [str(BIN / "site-build"), "validate", "--data", str(data)],
            capture_output=True,
            text=True,
            env=dict(os.environ, SITE_BUILD_TODAY="2026-11-26"),
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
    base = OUT / "valide"
    shutil.copytree(VALID, base)
    reference, code, _ = timed(base)
    assert code == 0
    print(f"{'case':<55} {'s':>6} {'× valid':>8}  first error of the answer")
    print(f"{'valid dataset (reference)':<55} {reference:>6.2f} {1:>8.2f}")
    for name, text in CASES.items():
        data = OUT / f"case-{len(os.listdir(OUT))}"
        shutil.copytree(VALID, data)
        (data / "partners.yaml").write_text(text, encoding="utf-8")
        elapsed, code, first = timed(data)
        print(f"{name:<55} {elapsed:>6.2f} {elapsed / reference:>8.2f}  exit {code}: {first}", flush=True)
        shutil.rmtree(data)


if __name__ == "__main__":
    main()
