"""The CI workflow: valid against GitHub's schema, tests before deploying site/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "site.yml"


def load() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key 'on' as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_workflow_matches_github_schema() -> None:
    pytest.importorskip("check_jsonschema")
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The validation step above can fail: a job without runs-on/steps is refused."""
    pytest.importorskip("check_jsonschema")
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n")
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0


def test_triggers() -> None:
    on = load()["on"]
    assert on["push"]["branches"] == ["main"]
    assert "pull_request" in on


def test_runs_tests_then_builds_site() -> None:
    runs = [step.get("run", "") for step in steps(load())]
    assert any("make test" in r for r in runs)
    assert any("make site" in r for r in runs)
    assert any("apt-get install -y chromium" in r for r in runs)
    first_test = next(i for i, r in enumerate(runs) if "make test" in r)
    first_site = next(i for i, r in enumerate(runs) if "make site" in r)
    assert first_test < first_site
    setup = [s for s in steps(load()) if s.get("uses", "").startswith("actions/setup-python")]
    assert setup and str(setup[0]["with"]["python-version"]) == "3.11"


def test_deploys_site_folder_on_main_only() -> None:
    data = load()
    all_steps = steps(data)
    upload = [s for s in all_steps if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload and upload[0]["with"]["path"].rstrip("/") == "site"
    deploy_jobs = [name for name, job in data["jobs"].items()
                   if any(s.get("uses", "").startswith("actions/deploy-pages") for s in job.get("steps", []))]
    assert len(deploy_jobs) == 1
    job = data["jobs"][deploy_jobs[0]]
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in job["if"] and "push" in job["if"]
    assert data["concurrency"]["group"] == "pages"
