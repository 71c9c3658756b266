"""The GitHub workflows, checked here without GitHub: actionlint on every workflow, and the proposal
workflow's own parts (reading an issue's text, applying it, the pull request's text) run locally."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from site_build.editing.proposals import read_proposal

from .helpers import ROOT, run_cli

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = Path(sys.executable).parent / "actionlint"


def _actionlint(*files: Path) -> subprocess.CompletedProcess:
    assert ACTIONLINT.exists(), "actionlint manque : make lint l'installe (pip install -e '.[test]')"
    return subprocess.run([str(ACTIONLINT), "-no-color", *map(str, files)], capture_output=True, text=True)


def test_every_workflow_passes_actionlint():
    result = _actionlint(*sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_the_issue_text_put_into_a_script(tmp_path):
    """What the proposal workflow avoids: the issue's text expanded inside `run:`."""
    workflow = (WORKFLOWS / "proposition.yml").read_text(encoding="utf-8")
    unsafe = workflow.replace(
        """printf '%s\\n' "$CORPS" > "$RUNNER_TEMP/ticket.txt\"""",
        """printf '%s\\n' "${{ github.event.issue.body }}" > "$RUNNER_TEMP/ticket.txt\"""",
    )
    assert unsafe != workflow
    (tmp_path / "unsafe.yml").write_text(unsafe, encoding="utf-8")
    result = _actionlint(tmp_path / "unsafe.yml")
    assert result.returncode == 1 and "potentially untrusted" in result.stdout


def test_no_step_of_the_proposal_workflow_expands_the_issue_in_a_command():
    workflow = yaml.safe_load((WORKFLOWS / "proposition.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    for step in steps:
        assert "github.event.issue" not in step.get("run", ""), step["name"]
    reading = next(step for step in steps if "CORPS" in step.get("env", {}))
    assert reading["env"]["CORPS"] == "${{ github.event.issue.body }}"


def _issue_body(block: str) -> str:
    """An issue's text as GitHub stores what the form sent: Windows line ends, the sentence, the fenced block."""
    fence = "`" * max(3, max((len(run) for run in re.findall("`+", block)), default=0) + 1)  # as proposer.js
    text = f"Modification proposée pour la fiche « Épicéa » : Téléphone.\n\n{fence}yaml\n{block}{fence}\n"
    return text.replace("\n", "\r\n")


def _pull_request_text(project, block: str, ticket: str) -> str:
    """What the workflow does with an issue: appliquer on its text, then the pull request's text."""
    (project / "ticket.txt").write_text(_issue_body(block), encoding="utf-8")
    result = run_cli(project, "appliquer", "ticket.txt", "--ticket", ticket, "--texte-demande", "demande.md")
    assert result.returncode == 0, result.stderr
    return (project / "demande.md").read_text(encoding="utf-8")


def test_an_issue_becomes_a_change_and_the_text_of_its_pull_request(sample_project):
    block = (
        "proposition:\n  fiche: partenaire\n  id: epicea\n  confirme: true\n"
        '  avant:\n    telephone: "02 61 91 00 10"\n  apres:\n    telephone: "02 61 91 00 99"\n'
    )
    body = _pull_request_text(sample_project, block, "12")
    assert body.startswith("Proposition reçue dans le ticket #12 : elle modifie la fiche partenaire « epicea »")
    assert "Champs écrits dans `data/partners.yaml` : `telephone`, `date_verification`." in body
    diff = re.search(r"```diff\n(.*?)```", body, re.S)[1]
    assert '-  telephone: "02 61 91 00 10"\n+  telephone: "02 61 91 00 99"\n' in diff
    assert body.rstrip().endswith("Closes #12")


def test_backticks_in_a_value_cannot_close_the_diff_s_block(sample_project):
    block = (
        "proposition:\n  fiche: service\n  id: epicea--aide-alimentaire\n"
        '  apres:\n    publics_precisions: "Voir ``` [lien](https://example.org) @quelquun"\n'
    )
    body = _pull_request_text(sample_project, block, "3")
    fence = re.search(r"^(`{4,})diff$", body, re.M)[1]
    inside = body.split(fence + "diff\n", 1)[1].split("\n" + fence + "\n", 1)[0]
    assert "[lien](https://example.org)" in inside and body.count(fence) == 2


def test_the_issue_template_shows_a_block_appliquer_reads():
    template = (ROOT / ".github/ISSUE_TEMPLATE/proposition.md").read_text(encoding="utf-8")
    assert re.search(r"^labels: proposition$", template, re.M)
    proposal = read_proposal(template.split("---", 2)[2])
    assert (proposal.kind, proposal.after) == ("partenaire", {"telephone": "02 00 00 00 00"})
