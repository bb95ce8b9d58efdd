"""Integrity: an interrupted run leaves no half-written file; a runaway document is stopped, the batch goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.cli import output as output_module
from audit.pipeline import audit_paths

from conftest import SAMPLES


def test_an_interrupted_site_leaves_whole_pages_and_no_temporary_files(tmp_path, monkeypatch):
    report = audit_paths([str(SAMPLES)])
    real = output_module.render_document
    calls = []

    def render_then_stop(result, **kwargs):
        calls.append(result.path)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the officer presses Ctrl-C while the third page is written
        return real(result, **kwargs)

    monkeypatch.setattr(output_module, "render_document", render_then_stop)
    with pytest.raises(KeyboardInterrupt):
        output_module.write_site(report, tmp_path, lang="zh")
    written = sorted(p.name for p in tmp_path.iterdir())
    assert len(written) == 2 and not any(name.startswith(".tmp-") for name in written)
    for page in tmp_path.iterdir():
        assert page.read_text("utf-8").rstrip().endswith("</html>")  # whole pages only


def test_an_interrupted_output_file_keeps_the_previous_one(tmp_path, monkeypatch):
    target = tmp_path / "audit.json"
    target.write_text('{"previous": true}', "utf-8")
    import audit.fileio as fileio

    def fail_replace(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio.os, "replace", fail_replace)
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(SAMPLES), "--format", "json", "--output-file", str(target),
                                 "-o", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert json.loads(target.read_text("utf-8")) == {"previous": True}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tmp-")] == []


def test_a_runaway_document_is_stopped_and_the_batch_goes_on(tmp_path):
    slow = tmp_path / "slow.txt"
    slow.write_text("其中" * 2_000_000, "utf-8")
    report = audit_paths([str(slow), str(SAMPLES / "003_1e027fe9f1c79ffa.txt")], timeout=0.2)
    first, second = report.documents
    assert [f.rule for f in first.findings] == ["INP004"] and first.status.value == "error"
    assert "0.2" in first.findings[0].message_zh and "0.2 s" in first.findings[0].message_en
    assert second.status.value == "fail" and "SUM002" in {f.rule for f in second.findings}


def test_without_a_limit_the_same_document_is_read(tmp_path):
    slow = tmp_path / "slow.txt"
    slow.write_text("其中" * 200_000, "utf-8")
    [document] = audit_paths([str(slow)], timeout=None).documents
    assert document.document is not None and document.status.value == "pass"


class _StopAtThird:
    """A finisher that writes pages and stops the run (Ctrl-C) at its third document."""

    def __init__(self, site) -> None:
        self.site = site
        self.seen = 0

    def filter(self, path, findings):
        return self.site.filter(path, findings)

    def write(self, result):
        self.seen += 1  # counted per worker process
        if self.seen == 3:
            raise KeyboardInterrupt
        return self.site.write(result)


def test_an_interrupted_run_with_workers_stops_and_leaves_whole_pages(tmp_path):
    from audit.cli.output import Site
    from audit.render.names import output_names

    copies = []
    for k in range(40):
        copy = tmp_path / f"report_{k:02d}.txt"
        copy.write_text((SAMPLES / "003_1e027fe9f1c79ffa.txt").read_text("utf-8"), "utf-8")
        copies.append(str(copy))
    out = tmp_path / "pages"
    out.mkdir()
    stop = _StopAtThird(Site(out, output_names(copies)))
    with pytest.raises(KeyboardInterrupt):
        audit_paths(copies, jobs=2, chunk_size=2, finish=stop, keep=False)
    written = sorted(p.name for p in out.iterdir())
    assert not any(name.startswith(".tmp-") for name in written)
    assert 0 < len(written) < len(copies) // 2  # the chunks not yet started were dropped, not run to the end
    for page in out.iterdir():
        assert page.read_text("utf-8").rstrip().endswith("</html>")


def test_a_second_run_rewrites_only_the_pages_that_changed(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt"))[:3]:
        (batch / sample.name).write_bytes(sample.read_bytes())
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["check", str(batch), "-o", str(out), "--exit-zero", "--jobs", "1"]).exit_code == 0
    before = {p.name: (p.stat().st_ino, p.read_bytes()) for p in out.iterdir()}
    edited = sorted(batch.iterdir())[0]
    edited.write_text(edited.read_text("utf-8").replace("一、", "一、 ", 1), "utf-8")  # one report fixed and sent again
    assert runner.invoke(app, ["check", str(batch), "-o", str(out), "--exit-zero", "--jobs", "1"]).exit_code == 0
    after = {p.name: (p.stat().st_ino, p.read_bytes()) for p in out.iterdir()}
    assert after.keys() == before.keys()  # and no temporary file left
    changed = {name for name in after if after[name][1] != before[name][1]}
    replaced = {name for name in after if after[name][0] != before[name][0]}
    assert replaced == changed and len(changed) == 1 and edited.stem in next(iter(changed))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_where_an_output_file_goes_is_replaced_without_being_opened(tmp_path):
    import threading

    from audit.fileio import write_atomic

    target = tmp_path / "audit.json"
    os.mkfifo(target)  # opened for reading, it would wait for a writer that never comes
    done = threading.Event()
    threading.Thread(target=lambda: (write_atomic(target, "{}"), done.set()), daemon=True).start()
    assert done.wait(10) and target.is_file() and target.read_text("utf-8") == "{}"
