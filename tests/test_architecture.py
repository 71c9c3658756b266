"""The shape of the code: stages import downwards only, HTML lives in templates, MkDocs behind one seam."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "site_build"
# Stages in pipeline order; a module may import its own stage and the ones before it.
# pages, feeds and pwa are siblings: none of them imports another.
# theme_location (where the installed theme keeps its files), urls (site paths), language_names
# (CLDR's names of a language) and config_yaml (mkdocs.yml as plain values) are leaves;
# i18n (languages, catalogs) sits beside data.
RANKS = {
    "text": 0,
    "theme_location": 0,
    "urls": 0,
    "language_names": 0,
    "config_yaml": 0,
    "data": 1,
    "i18n": 1,
    "pages": 2,
    "feeds": 2,
    "pwa": 2,
    "pipeline": 3,
    "generator": 4,
    "editing": 4,
    "cli": 5,
}
TOP_LEVEL = {"pipeline": "pipeline", "gate": "pipeline", "families": "pipeline", "cli": "cli", "cli_french": "cli"}
TAG = re.compile(r"(?<!\?P)<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*[\s>/]")  # not a regex group (?P<name>
# Modules that read or patch the theme's own markup (not generated content): regular expressions on it.
PATCHES_THEME_MARKUP = {"pwa/theme_fixes.py", "pwa/csp.py", "pwa/service_worker.py", "pwa/search_index.py"}


def _modules() -> dict[str, Path]:
    return {str(p.relative_to(PACKAGE)): p for p in PACKAGE.rglob("*.py")}


def _stage(relative: str) -> str:
    first = relative.split("/")[0].removesuffix(".py")
    return TOP_LEVEL.get(first, first)


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.level:
                raise AssertionError(f"{path}: relative import; write site_build.<stage>.<module>")
            if node.module == "site_build":
                found |= {f"site_build.{a.name}" for a in node.names}
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def test_every_module_belongs_to_a_stage():
    assert {_stage(name) for name in _modules()} - {"__init__"} <= set(RANKS)


def test_stages_import_only_earlier_stages():
    wrong = []
    for name, path in _modules().items():
        stage = _stage(name)
        for imported in _imports(path):
            if not imported.startswith("site_build."):
                continue
            target = _stage(imported.removeprefix("site_build.").replace(".", "/"))
            same_rank_sibling = RANKS[target] == RANKS[stage] and target != stage
            if RANKS[target] > RANKS[stage] or same_rank_sibling:
                wrong.append(f"{name} ({stage}) imports {imported} ({target})")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle():
    graph = {}
    for name, path in _modules().items():
        module = "site_build." + name.removesuffix(".py").replace("/", ".").removesuffix(".__init__")
        graph[module] = {m for m in _imports(path) if m.startswith("site_build.")}
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in graph.get(module, ()):
            if state.get(target) == 1:
                raise AssertionError("import cycle: " + " → ".join([*trail, module, target]))
            if target not in state:
                visit(target, [*trail, module])
        state[module] = 2

    for module in graph:
        if module not in state:
            visit(module, [])


def test_only_the_generator_seam_knows_mkdocs():
    aware = sorted(
        name
        for name, path in _modules().items()
        if any(m == "mkdocs" or m.startswith("mkdocs.") for m in _imports(path))
    )
    assert all(name.startswith("generator/") for name in aware), aware


def test_no_test_module_imports_another():
    """What several test modules share lives in conftest.py, helpers.py and their siblings, not in a test module."""
    found = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            found += [f"{path.name}: {name}" for name in names if name.rpartition(".")[2].startswith("test_")]
    assert found == []


def _string_parts(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_html_is_built_by_templates_only():
    builders = []
    for name, path in _modules().items():
        if name in PATCHES_THEME_MARKUP:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and n.body
            and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if TAG.search(node.value):
                    builders.append(f"site_build/{name}:{node.lineno}: {node.value[:60]!r}")
    assert not builders, "HTML built in Python; write a template in site_build/pages/templates/:\n" + "\n".join(
        builders
    )


def test_templates_are_autoescaped():
    from site_build.pages.render import environment

    env = environment()
    assert env.autoescape is True or env.autoescape("x.html")
    assert env.from_string("{{ v }}").render(v="<b>&") == "&lt;b&gt;&amp;"


def test_every_path_the_code_and_the_docs_name_exists():
    """A comment or a README line pointing at site_build/… names a file that is there (no pointer
    left to a module that was moved or removed)."""
    named = re.compile(r"\bsite_build/[\w./-]*\w")
    sources = [p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".js", ".html", ".css")]
    sources += [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "Makefile", ROOT / "mkdocs.yml"]
    sources += list((ROOT / "hooks").glob("*.py")) + list((ROOT / "bench").glob("*.py"))
    missing = sorted(
        f"{path.relative_to(ROOT)}: {match}"
        for path in sources
        for match in named.findall(path.read_text(encoding="utf-8"))
        if not any(mark in match for mark in "*<{") and not (ROOT / match).exists()
    )
    assert not missing, "\n".join(missing)


# What names the sample's territory: its town, its grocery, its département, and the postal codes
# and INSEE codes of its partners (read from the data: a new partner's code is covered at once).
_SAMPLE_CODES = set(re.findall(r'code_(?:postal|insee): "?(\d{5})', (ROOT / "data/partners.yaml").read_text("utf-8")))
_TERRITORY = re.compile(r"vierzon|[ée]pic[ée]a(?!')|\bCher\b|" + "|".join(sorted(_SAMPLE_CODES)), re.IGNORECASE)
# France's table of départements serves every territory: it names them all
_NATIONAL_TABLES = {"feeds/departements.csv"}


def test_no_territory_in_the_code():
    """Another CCAS starts its guide with this code: every place, name, postal code and address
    comes from its configuration or its data, never from site_build/ or hooks/."""
    assert {"18100"} <= _SAMPLE_CODES
    found = []
    for folder in (PACKAGE, ROOT / "hooks"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            relative = path.relative_to(folder).as_posix()
            if relative in _NATIONAL_TABLES or path.suffix in (".png", ".woff2", ".ico"):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), 1):
                match = _TERRITORY.search(line)
                if match and match[0] != "cher":  # « pas cher » is French for cheap, not the département
                    found.append(f"{folder.name}/{relative}:{number}: {match[0]}")
    assert found == [], "\n".join(found[:40])
