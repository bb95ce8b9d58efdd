"""The machine formats (JUnit, SARIF, GitHub annotations, CSV), each parsed back and compared with the findings.

Inputs: the real samples, an unreadable file, and a hand-built document whose
text, path and messages hold what breaks naive writers: ``<script>``, ``]]>``,
control characters, ``%``, ``::``, commas, line breaks and a leading ``=``.

``tests/schema/sarif-2.1.0.json`` is the official OASIS SARIF 2.1.0 JSON schema
(errata 01, ``id`` https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
stored verbatim from the OASIS TC's repository, github.com/oasis-tcs/sarif-spec,
file ``Schemata/sarif-schema-2.1.0.json`` at commit 0a8091f7d4057e57b6d8d9b56129e5f918747b34.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from typer.testing import CliRunner

import audit
from audit.checks.registry import RULES
from audit.cli import app
from audit.model import (
    AuditReport,
    Category,
    Document,
    DocumentResult,
    Evidence,
    Finding,
    Severity,
    Status,
)
from audit.render import Format, renderer
from audit.render.csv import BOM, HEADER, render_csv
from audit.render.github import render_github
from audit.render.junit import render_junit
from audit.render.sarif import render_sarif

from conftest import ROOT, SAMPLES

SARIF_SCHEMA = json.loads((Path(__file__).parent / "schema" / "sarif-2.1.0.json").read_text("utf-8"))
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

NASTY_PATH = "nasty dir/报告,第1版:终稿%25.txt"
NASTY_TEXT = (
    "开头 <script>alert('x')</script> 结束]]> 占比100% :: 甲,乙\n"
    "控制\x00字符\x01与\x0b和\x1b以及\ufffe到此\n"
    "=HYPERLINK(\"http://x\") 公式开头\n"
    "表二 | 304 | 3\n"
)


def _span(piece: str, **where) -> Evidence:
    """Evidence as the checks make it: with its line/column region in the text."""
    start = NASTY_TEXT.index(piece)
    text = Document(path=NASTY_PATH, format="pdf", text=NASTY_TEXT, shadow=NASTY_TEXT)
    region = (*text.position(start), *text.position(start + len(piece)))
    return Evidence(piece, start, start + len(piece), region=region, **where)


def nasty_result() -> DocumentResult:
    """A document and findings built by hand, so the hostile characters are in the evidence and messages."""
    document = Document(
        path=NASTY_PATH, format="pdf", text=NASTY_TEXT, shadow=NASTY_TEXT, page_starts=(0, NASTY_TEXT.index("控制"))
    )
    findings = [
        Finding(
            rule="SUM001",
            name="parts-exceed-total",
            category=Category.SUM,
            severity=Severity.ERROR,
            message_zh="分项之和 307 大于总数 304：「<script>」%0A 与 :: 和 , 逗号\r\n第二行 ]]>",
            message_en="parts 307 exceed the total 304: <script> %0A :: , comma\nsecond line ]]>",
            evidence=(
                _span("<script>alert('x')</script> 结束]]>", page=1),
                _span("控制\x00字符\x01与\x0b和\x1b以及\ufffe到此", page=2),
                _span("304", page=2, table="表二", row="（一）本年新收", column="自然人"),
            ),
            expected=304,
            observed=307,
            arithmetic="304 ≠ 304 + 3 = 307 (100% :: a,b)",
        ),
        Finding(
            rule="STR008",
            name="web-chrome",
            category=Category.STRUCTURE,
            severity=Severity.INFO,
            message_zh="正文中残留网页元素：「=HYPERLINK」",
            message_en="page chrome left in the text: =HYPERLINK",
            evidence=(_span('=HYPERLINK("http://x")', page=2),),
            observed=1,
        ),
        Finding(
            rule="STR002",
            name="missing-section",
            category=Category.STRUCTURE,
            severity=Severity.WARNING,
            message_zh="缺少部分：收费, 减免:: 情况",
            message_en="missing part: fees, waivers:: section",
            expected="政府信息公开的收费及减免情况",
        ),
    ]
    return DocumentResult(NASTY_PATH, document, findings, report_year=2020)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> AuditReport:
    from audit.pipeline import audit_paths

    broken = tmp_path_factory.mktemp("inputs") / "scan.pdf"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    # The samples by a relative path, as a CI job names them from the repository root; the broken file absolute.
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        audited = audit_paths(["samples", str(broken)])
    finally:
        os.chdir(cwd)
    assert all(not Path(d.path).is_absolute() for d in audited.documents[:-1])
    return AuditReport([*audited.documents, nasty_result()])


def _unreadable(report: AuditReport) -> DocumentResult:
    return next(d for d in report.documents if d.document is None)


def _nasty(report: AuditReport) -> DocumentResult:
    return next(d for d in report.documents if d.path == NASTY_PATH)


def test_the_report_holds_what_the_formats_must_survive(report):
    statuses = {d.status for d in report.documents}
    assert {Status.FAIL, Status.WARN, Status.ERROR} <= statuses
    assert _unreadable(report).findings[0].rule == "INP001"
    assert sum(len(d.findings) for d in report.documents) >= 19


# ----------------------------------------------------------------------- JUnit


def _strip(value: str) -> str:
    return XML_FORBIDDEN.sub("", value)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_junit_counts_equal_the_findings(report, lang):
    root = ET.fromstring(render_junit(report, lang=lang).encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [_strip(d.path) for d in report.documents]
    for suite, document in zip(suites, report.documents):
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("skipped")) == 0
        failures = [f for c in cases for f in c.findall("failure")]
        errors = [e for c in cases for e in c.findall("error")]
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(suite.get("errors")) == sum(1 for c in cases if c.find("error") is not None)
        if document.status is Status.ERROR:
            assert len(cases) == 1 and len(errors) == 1 and not failures
            (finding,) = document.findings
            assert cases[0].get("name") == "INP001 unreadable-input"
            assert errors[0].get("message") == finding.message(lang) and errors[0].get("type") == "error"
            continue
        # Every rule of the registry is a test case; one <failure> per error or warning finding.
        assert [c.get("name") for c in cases] == [f"{r.id} {r.name}" for r in RULES.values()]
        assert [c.get("classname") for c in cases] == [r.category.value for r in RULES.values()]
        reported = [f for f in document.findings if f.severity is not Severity.INFO]
        assert len(failures) == len(reported)
        by_name = {c.get("name"): c for c in cases}
        for finding in document.findings:
            case = by_name[f"{finding.rule} {finding.name}"]
            if finding.severity is Severity.INFO:
                out = case.find("system-out").text
                assert case.find("failure") is None and _strip(finding.message(lang)) in out
                continue
            element = next(f for f in case.findall("failure") if f.get("message") == _strip(finding.message(lang)))
            assert element.get("type") == finding.severity.value
            for e in finding.evidence:
                assert f"「{_strip(e.text)}」" in element.text and f"{e.start}–{e.end}" in element.text
            if finding.arithmetic:
                assert _strip(finding.arithmetic) in element.text
    totals = {key: sum(int(s.get(key)) for s in suites) for key in ("tests", "failures", "errors", "skipped")}
    assert {key: int(root.get(key)) for key in totals} == totals


def test_junit_keeps_hostile_text_as_text(report):
    xml = render_junit(report)
    assert "<script>" not in xml and "]]>" not in xml and not XML_FORBIDDEN.search(xml)
    suite = next(s for s in ET.fromstring(xml.encode("utf-8")) if s.get("name") == NASTY_PATH)
    failure = suite.find("testcase[@name='SUM001 parts-exceed-total']/failure")
    assert failure.get("message") == "分项之和 307 大于总数 304：「<script>」%0A 与 :: 和 , 逗号\r\n第二行 ]]>"
    assert "「<script>alert('x')</script> 结束]]>」 (位置 3–36 · 第 1 页)" in failure.text
    assert "「控制字符与和以及到此」" in failure.text  # the characters XML 1.0 forbids are gone
    assert "表 表二 · 行 （一）本年新收 · 列 自然人" in failure.text
    assert "期望值: 304 · 实际值: 307" in failure.text
    info = suite.find("testcase[@name='STR008 web-chrome']")
    assert info.find("failure") is None and '=HYPERLINK("http://x")' in info.find("system-out").text
    assert suite.get("failures") == "2" and suite.find("properties/property[@name='format']").get("value") == "pdf"


# ----------------------------------------------------------------------- SARIF


def _sarif(report: AuditReport, lang: str = "zh") -> dict:
    payload = json.loads(render_sarif(report, lang=lang))
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(payload)
    return payload


def test_the_stored_schema_is_the_official_one():
    assert SARIF_SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert SARIF_SCHEMA["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert len(SARIF_SCHEMA["definitions"]) == 52
    # The schema rejects what it should: a result level it does not know.
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(bad)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sarif_validates_and_quotes_exactly_the_evidence(report, lang):
    payload = _sarif(report, lang)
    assert payload["version"] == "2.1.0" and len(payload["runs"]) == 1
    run = payload["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "audit" and driver["version"] == audit.__version__
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    for descriptor, rule in zip(driver["rules"], RULES.values()):
        assert descriptor["fullDescription"]["text"] == rule.doc
        assert descriptor["shortDescription"]["text"] == (rule.title_en if lang == "en" else rule.title_zh)
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            rule.severity.value
        ]
    findings = [(d, f) for d in report.documents for f in d.findings]
    results = run["results"]
    assert len(results) == len(findings)
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    checked = 0
    for result, (document, finding) in zip(results, findings):
        assert result["ruleId"] == finding.rule == driver["rules"][result["ruleIndex"]]["id"]
        assert result["level"] == level[finding.severity]
        assert result["message"]["text"] == finding.message(lang)
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if Path(document.path).is_absolute():
            assert uri == Path(document.path).as_uri()
        else:  # a relative path stays a relative reference
            assert unquote(uri) == document.path and not re.match(r"^[a-z]+:", uri)
        if not finding.evidence:
            assert "region" not in result["locations"][0]["physicalLocation"]
            continue
        located = [result["locations"][0], *result.get("relatedLocations", [])]
        assert len(located) == len(finding.evidence)
        text = document.document.text
        lines = text.split("\n")
        for location, e in zip(located, finding.evidence):
            region = location["physicalLocation"]["region"]
            quoted = text[region["charOffset"] : region["charOffset"] + region["charLength"]]
            assert quoted == region["snippet"]["text"] == e.text
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 :].startswith(e.text.split("\n")[0])
            assert region["endLine"] - region["startLine"] == e.text.count("\n")
            checked += 1
    assert checked >= 30
    assert run["properties"]["offsets"] == "normalized-text"


def test_sarif_locates_cells_pages_and_unreadable_files(report):
    run = _sarif(report)["runs"][0]
    by_uri: dict[str, list[dict]] = {}
    for result in run["results"]:
        by_uri.setdefault(unquote(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]), []).append(
            result
        )
    nasty = by_uri[NASTY_PATH]
    sum001 = nasty[0]
    assert sum001["locations"][0]["properties"] == {"page": 1}
    assert sum001["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    cell = sum001["relatedLocations"][1]
    assert cell["properties"] == {"page": 2, "table": "表二", "row": "（一）本年新收", "column": "自然人"}
    assert cell["physicalLocation"]["region"]["startLine"] == 4 and cell["physicalLocation"]["region"]["startColumn"] == 6
    assert sum001["properties"]["expected"] == 304 and sum001["properties"]["observed"] == 307
    # The relative path stays a relative URI, percent-encoded (the comma, colon and % survive a round trip).
    assert not re.match(r"^[a-z]+:", sum001["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
    unreadable = _unreadable(report)
    (result,) = [r for r in run["results"] if r["ruleId"] == "INP001"]
    location = result["locations"][0]["physicalLocation"]
    assert result["level"] == "error" and set(location) == {"artifactLocation"}
    assert location["artifactLocation"]["uri"] == Path(unreadable.path).as_uri()
    artifacts = run["artifacts"]
    assert len(artifacts) == len(report.documents)
    assert artifacts[location["artifactLocation"]["index"]]["properties"]["status"] == "error"


# ---------------------------------------------------------------------- GitHub

_COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def parse_github(output: str) -> list[dict]:
    """Workflow commands parsed as the Actions runner reads them."""
    parsed = []
    for line in output.splitlines():
        m = _COMMAND.match(line)
        assert m, f"not a workflow command: {line!r}"
        command, properties, message = m.groups()
        props = dict(p.split("=", 1) for p in properties.split(","))
        parsed.append({"command": command, **{k: _unescape(v) for k, v in props.items()}, "message": _unescape(message)})
    return parsed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_github_annotations_round_trip(report, lang):
    output = render_github(report, lang=lang)
    assert output.endswith("\n") and "\r" not in output
    parsed = parse_github(output)
    findings = [(d, f) for d in report.documents for f in d.findings]
    assert len(parsed) == len(findings)
    command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    for annotation, (document, finding) in zip(parsed, findings):
        assert annotation["command"] == command[finding.severity]
        assert annotation["file"] == document.path
        assert annotation["title"] == f"{finding.rule} {finding.name}"
        assert annotation["message"] == finding.message(lang)
        if not finding.evidence:
            assert "line" not in annotation
            continue
        first = finding.evidence[0]
        line, col = int(annotation["line"]), int(annotation["col"])
        assert document.document.text.split("\n")[line - 1][col - 1 :].startswith(first.text.split("\n")[0])
    nasty = [a for a in parsed if a["file"] == NASTY_PATH]
    assert [a["command"] for a in nasty] == ["error", "notice", "warning"]
    assert "line" not in nasty[2]


def test_github_escapes_what_the_runner_would_split_on(report):
    line = next(l for l in render_github(report).splitlines() if "SUM001" in l and "nasty" in l)
    properties, message = line[len("::error ") :].split("::", 1)
    assert properties.startswith("file=nasty dir/报告%2C第1版%3A终稿%2525.txt,line=1,col=4,")
    assert message == "分项之和 307 大于总数 304：「<script>」%250A 与 :: 和 , 逗号%0D%0A第二行 ]]>"


# ------------------------------------------------------------------------- CSV


def _rows(output: str) -> list[list[str]]:
    assert output.startswith(BOM)
    return list(csv.reader(io.StringIO(output[len(BOM) :], newline="")))


def test_csv_has_a_row_per_finding_with_its_first_evidence(report):
    output = render_csv(report)
    rows = _rows(output)
    assert tuple(rows[0]) == HEADER
    findings = [(d, f) for d in report.documents for f in d.findings]
    assert len(rows) == 1 + len(findings)
    assert all(len(row) == len(HEADER) for row in rows)
    for row, (document, finding) in zip(rows[1:], findings):
        record = dict(zip(HEADER, row))
        assert record["path"] == document.path and record["status"] == document.status.value
        assert (record["rule"], record["name"]) == (finding.rule, finding.name)
        assert (record["category"], record["severity"]) == (finding.category.value, finding.severity.value)
        assert record["message"] == finding.message("zh")
        if finding.evidence:
            e = finding.evidence[0]
            assert record["evidence"].removeprefix("'") == e.text
            assert (int(record["start"]), int(record["end"])) == (e.start, e.end)
            assert record["page"] == ("" if e.page is None else str(e.page))
        else:
            assert record["evidence"] == record["start"] == record["end"] == ""
        if isinstance(finding.expected, int):
            assert record["expected"] == str(finding.expected)
    # RFC 4180 line ends; the quoted line break inside the message stays inside its field.
    assert output.count("\r\n") >= len(rows)
    nasty = [dict(zip(HEADER, r)) for r in rows[1:] if r[0] == NASTY_PATH]
    assert nasty[0]["message"] == "分项之和 307 大于总数 304：「<script>」%0A 与 :: 和 , 逗号\r\n第二行 ]]>"
    assert nasty[0]["evidence"] == "<script>alert('x')</script> 结束]]>"
    assert (nasty[0]["table"], nasty[0]["row"], nasty[0]["column"]) == ("", "", "")  # first evidence is no cell
    assert nasty[0]["arithmetic"] == "304 ≠ 304 + 3 = 307 (100% :: a,b)"
    # A field Excel would run as a formula is written as text.
    assert nasty[1]["evidence"] == "'=HYPERLINK(\"http://x\")"
    assert nasty[2]["expected"] == "政府信息公开的收费及减免情况" and nasty[2]["start"] == ""


def test_csv_english_messages(report):
    rows = _rows(render_csv(report, lang="en"))
    unreadable = next(dict(zip(HEADER, r)) for r in rows[1:] if r[2] == "INP001")
    assert unreadable["message"] == _unreadable(report).findings[0].message_en
    assert unreadable["status"] == "error" and unreadable["evidence"] == ""


# ----------------------------------------------------------------- the command


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    runner = CliRunner()
    out = tmp_path_factory.mktemp("site")
    cache: dict[tuple[str, ...], object] = {}

    def invoke(*args: str):
        if args not in cache:
            cache[args] = runner.invoke(app, ["check", str(SAMPLES), *args, "-o", str(out)], catch_exceptions=False)
        return cache[args]

    return invoke


def test_every_format_is_offered():
    assert {f.value for f in Format} >= {"terminal", "json", "junit", "sarif", "github", "csv"}
    assert renderer(Format.SARIF) is render_sarif and renderer(Format("csv")) is render_csv


@pytest.mark.parametrize("fmt", ["junit", "sarif", "github", "csv"])
def test_check_prints_each_format(cli, fmt):
    reference = json.loads(cli("--format", "json").stdout)
    findings = [(d, f) for d in reference["documents"] for f in d["findings"]]
    result = cli("--format", fmt)
    assert result.exit_code == 1  # samples 002, 003 and 004 have errors
    output = result.stdout
    if fmt == "junit":
        root = ET.fromstring(output.encode("utf-8"))
        assert len(root.findall("testsuite")) == 5
        assert len(root.findall(".//failure")) == sum(f["severity"] != "info" for _, f in findings)
    elif fmt == "sarif":
        payload = json.loads(output)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(payload)
        results = payload["runs"][0]["results"]
        assert [(r["ruleId"], r["message"]["text"]) for r in results] == [(f["rule"], f["message"]) for _, f in findings]
    elif fmt == "github":
        parsed = parse_github(output)
        assert [(a["file"], a["title"].split()[0], a["message"]) for a in parsed] == [
            (d["path"], f["rule"], f["message"]) for d, f in findings
        ]
    else:
        rows = _rows(output)
        assert [(r[0], r[2], r[6]) for r in rows[1:]] == [(d["path"], f["rule"], f["message"]) for d, f in findings]


def test_check_formats_follow_lang(cli):
    parsed = parse_github(cli("--format", "github", "--lang", "en").stdout)
    reference = json.loads(cli("--format", "json", "--lang", "en").stdout)
    assert [a["message"] for a in parsed] == [f["message_en"] for d in reference["documents"] for f in d["findings"]]
