"""Shared fixtures: the samples, and the pipeline run over them once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def samples_report():
    from audit.pipeline import audit_paths

    return audit_paths([str(SAMPLES)])


@pytest.fixture(scope="session")
def by_name(samples_report):
    return {Path(d.path).name[:3]: d for d in samples_report.documents}


def audit_cases(cases: list[dict]) -> dict:
    """Audit each YAML case's ``text`` as a document named by its ``id``, all in one batch.

    A case is read as a UTF-8 text file would be (hard wraps joined as for any text).
    """
    from audit.ingest.text import read_text
    from audit.pipeline import audit_documents

    documents = [read_text(case["id"], case["text"].encode("utf-8")) for case in cases]
    return {r.path: r for r in audit_documents(documents).documents}


def require_shared(sub: str = "") -> Path:
    """The shared folder beside the project, or skip: the project must stand alone."""
    path = SHARED / sub
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def pytest_terminal_summary(terminalreporter):
    """Print the extraction recall and precision measured by test_ground_truth."""
    measured = getattr(__import__("sys").modules.get("test_ground_truth"), "MEASURED", None)
    if not measured:
        return
    terminalreporter.section("extraction vs tests/ground_truth")
    for what, (recall, precision, found, true, read) in measured.items():
        terminalreporter.write_line(
            f"{what:10} recall {recall:.3f} ({found}/{true})  precision {found / read if read else 0:.3f} ({found}/{read})"
        )


# Hypothesis profiles for tests/test_properties.py, chosen by HYPOTHESIS_PROFILE:
# "default" (`make test`): few examples and a fixed seed, so every run tries the same inputs;
# "fuzz" (`make fuzz`): many more examples, a random seed each run, and failing inputs kept
# in an example database that is replayed first. Hypothesis keeps its files (that database,
# its cache of constants) in test-artifacts/hypothesis, not in a .hypothesis/ in the checkout.
import os as _os  # noqa: E402

from hypothesis import settings as _hypothesis_settings  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402
from hypothesis.database import DirectoryBasedExampleDatabase  # noqa: E402

_HYPOTHESIS_HOME = ROOT / "test-artifacts" / "hypothesis"
set_hypothesis_home_dir(_HYPOTHESIS_HOME)
_hypothesis_settings.register_profile(
    "default", max_examples=40, derandomize=True, database=None, deadline=None, print_blob=True
)
_hypothesis_settings.register_profile(
    "fuzz",
    max_examples=2000,
    deadline=None,
    print_blob=True,
    database=DirectoryBasedExampleDatabase(str(_HYPOTHESIS_HOME / "examples")),
)
_hypothesis_settings.load_profile(_os.environ.get("HYPOTHESIS_PROFILE", "default"))
