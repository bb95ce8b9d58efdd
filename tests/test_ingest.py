"""The ingest stage: decoding, normalisation, discovery and the errors of ``load``."""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest

import audit.ingest as ingest
from audit.ingest import IngestError, discover, load
from audit.ingest import normalize as normalize_module
from audit.ingest.normalize import normalize, to_simplified
from audit.ingest import text as text_module
from audit.ingest.text import decode

from conftest import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))
TRADITIONAL = "001"  # the sample in Traditional script


def sample_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# (file encoding, encoding ``load`` must report, which samples). Python writes
# "utf-16" with a BOM and "utf-16-le"/"utf-16-be" without one.
ENCODINGS = [
    ("utf-8", "utf-8", "all"),
    ("utf-8-sig", "utf-8-sig", "all"),
    ("gb18030", "gb18030", "all"),
    ("gbk", "gb18030", "all"),  # GBK is read by its superset GB18030
    ("big5", "big5", TRADITIONAL),
    ("utf-16", "utf-16", "all"),  # with BOM
    ("utf-16-le", "utf-16-le", "all"),  # without BOM
    ("utf-16-be", "utf-16-be", "all"),  # without BOM
    ("utf-32", "utf-32", "all"),  # with BOM
    ("gb2312", "gb18030", "all"),  # GB2312 too (samples with characters outside it are left out)
    ("big5hkscs", "big5", TRADITIONAL),  # Hong Kong's Big5 reads as Big5 where they agree
]


def _encodable(path: Path, encoding: str) -> bool:
    try:
        sample_text(path).encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


CASES = [
    pytest.param(path, file_enc, reported, id=f"{path.name[:3]}-{file_enc}")
    for file_enc, reported, which in ENCODINGS
    for path in SAMPLE_FILES
    if (which == "all" or path.name.startswith(which)) and _encodable(path, file_enc)
]


def test_all_five_samples_are_there():
    assert len(SAMPLE_FILES) == 5
    assert any(p.name.startswith(TRADITIONAL) for p in SAMPLE_FILES)


@pytest.mark.parametrize("path,file_enc,reported", CASES)
def test_every_encoding_decodes_back_to_the_original_text(tmp_path, path, file_enc, reported):
    original = sample_text(path)
    target = tmp_path / path.name
    target.write_bytes(original.encode(file_enc))
    doc = load(str(target))
    assert doc.encoding == reported
    assert doc.text == original  # the samples are already normalised
    assert doc.format == "text" and doc.path == str(target)
    assert len(doc.shadow) == len(doc.text)


@pytest.mark.parametrize("length", [60, 200])
@pytest.mark.parametrize("file_enc", ["gb18030", "gbk", "big5", "utf-16-le"])
def test_the_first_characters_of_each_sample_are_enough(file_enc, length):
    for path in SAMPLE_FILES:
        snippet = sample_text(path)[:length]
        try:
            data = snippet.encode(file_enc)
        except UnicodeEncodeError:  # Simplified text has no Big5 form
            assert file_enc == "big5" and not path.name.startswith(TRADITIONAL)
            continue
        assert decode(data) == (snippet, "gb18030" if file_enc == "gbk" else file_enc), path.name


@pytest.mark.parametrize(
    "snippet,file_enc",
    [
        ("共１２３件", "gbk"),  # full-width digits are Big5 bopomofo: must stay GB
        ("政府資訊公開年度報告", "big5"),
        # Windows of the samples that also decode cleanly as GB18030: the common-hanzi
        # share has to pick the right reading.
        ("微博微信等新媒体,拓", "big5"),
        ("围绕政府重点工作和公", "utf-16-le"),
        ("台灣的碁盤與銹蝕問題，裏外", "cp950"),  # ETEN extensions: read as Big5-HKSCS
        ("hello world\n", "utf-16-le"),  # ASCII only: NULs give the byte order
        ("一一一一一一一一一一\n", "utf-16-le"),  # U+4E00 puts its NUL in the other byte
        ("接收政府信息公开申请", "utf-16-be"),  # no NUL at all
    ],
)
def test_short_and_tricky_snippets(snippet, file_enc):
    text, _ = decode(snippet.encode(file_enc))
    assert text == snippet


@pytest.mark.parametrize("file_enc", ["utf-16-le", "utf-16-be"])
def test_utf16_byte_order_from_nuls_alone(monkeypatch, file_enc):
    """Without charset-normalizer, the NUL pattern still finds UTF-16 and its byte order."""
    monkeypatch.setattr(text_module, "_by_charset_normalizer", lambda data: [])
    snippet = "第1条 政府信息公开\n一、主动公开123件\n"
    assert decode(snippet.encode(file_enc)) == (snippet, file_enc)


def test_traditional_sample_has_a_simplified_shadow():
    path = next(p for p in SAMPLE_FILES if p.name.startswith(TRADITIONAL))
    doc = load(str(path))
    assert "公開" in doc.text and "政府信息公开工作年度报告" not in doc.text
    assert "政府信息公开工作年度报告" in doc.shadow
    assert len(doc.shadow) == len(doc.text)
    offset = doc.shadow.index("政府信息公开工作年度报告")
    assert doc.text[offset : offset + 12] == "政府信息公開工作年度報告"


def test_full_width_digits_fold_but_chinese_punctuation_stays():
    text, shadow = normalize("共１２３件，其中ＡＢ类占９８．５％（－２）；")
    assert text == "共123件，其中AB类占98.5%（-2）；"
    assert shadow == text


def test_line_endings_bom_and_control_characters():
    text, shadow = normalize("\ufeff第一行\r\n第二\x00行\r第三行\t完\x07\n")
    assert text == "第一行\n第二行\n第三行\t完\n"
    assert len(shadow) == len(text)


def test_crlf_file_is_normalised(tmp_path):
    target = tmp_path / "crlf.txt"
    target.write_bytes("甲\r\n乙\r\n".encode("gb18030"))
    assert load(str(target)).text == "甲\n乙\n"


def test_shadow_keeps_alignment_when_conversion_changes_length(monkeypatch):
    class Expanding:
        """A stand-in converter that turns X into two characters and b into c."""

        def convert(self, s: str) -> str:
            return s.replace("X", "YY").replace("b", "c")

    monkeypatch.setattr(normalize_module, "_converter", Expanding)
    # Whole string and first line change length; the second line converts as a unit;
    # in the first line each character converts alone and X, which would grow, is kept.
    assert to_simplified("bX\nb") == "cX\nc"


# ------------------------------------------------------------------------ errors


def _error(path: Path | str, **kwargs) -> IngestError:
    with pytest.raises(IngestError) as info:
        load(str(path), **kwargs)
    exc = info.value
    assert exc.message_zh and exc.message_en
    assert str(exc) == exc.message_en
    return exc


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE], ids=["no-bytes", "utf8-bom", "utf16-bom"])
def test_empty_file(tmp_path, data):
    (tmp_path / "empty.txt").write_bytes(data)
    exc = _error(tmp_path / "empty.txt")
    assert exc.message_zh == "文件为空" and exc.message_en == "the file is empty"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        bytes(range(256)) * 8,  # no signature, but control bytes
        bytes(1000),
    ],
    ids=["png", "control-bytes", "nuls"],
)
def test_binary_file(tmp_path, data):
    (tmp_path / "binary.txt").write_bytes(data)
    exc = _error(tmp_path / "binary.txt")
    assert "二进制" in exc.message_zh and "binary" in exc.message_en


def test_undecodable_bytes(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x80\x80\xff\xfe\x81" * 20)
    exc = _error(tmp_path / "bad.txt")
    assert "无法识别文件编码" in exc.message_zh and "cannot detect the text encoding" in exc.message_en


def test_missing_file(tmp_path):
    exc = _error(tmp_path / "missing.txt")
    assert (exc.message_zh, exc.message_en) == ("文件不存在", "file not found")


def test_unsupported_suffix(tmp_path):
    (tmp_path / "report.xyz").write_text("共1件", encoding="utf-8")
    exc = _error(tmp_path / "report.xyz")
    assert exc.message_zh.startswith("不支持的文件格式：.xyz")
    assert exc.message_en.startswith("unsupported file format: .xyz")


def test_directory(tmp_path):
    exc = _error(tmp_path)
    assert "目录" in exc.message_zh and "directory" in exc.message_en


def test_oversize(tmp_path):
    (tmp_path / "big.txt").write_text("共123件" * 10, encoding="utf-8")
    exc = _error(tmp_path / "big.txt", max_bytes=16)
    assert "16" in exc.message_zh and "16" in exc.message_en
    assert load(str(tmp_path / "big.txt"), max_bytes=1000).text == "共123件" * 10


def test_permission_denied(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    (tmp_path / "secret.txt").write_text("共1件", encoding="utf-8")
    monkeypatch.setattr(ingest, "open", denied, raising=False)  # works as root too
    exc = _error(tmp_path / "secret.txt")
    assert (exc.message_zh, exc.message_en) == ("没有读取该文件的权限", "permission denied")


def test_a_reader_crash_becomes_an_ingest_error(tmp_path, monkeypatch):
    def crash(path: str, data: bytes):
        raise ValueError("boom")

    monkeypatch.setitem(ingest.READERS, ".boom", crash)
    (tmp_path / "x.boom").write_bytes(b"data")
    exc = _error(tmp_path / "x.boom")
    assert "ValueError: boom" in exc.message_zh and "ValueError: boom" in exc.message_en


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("共１件".encode("gb18030"))))
    doc = load("-")
    assert (doc.path, doc.text, doc.encoding) == ("<stdin>", "共1件", "gb18030")


# ---------------------------------------------------------------------- discover


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A small folder of inputs; the tests run inside ``tmp_path``."""
    files = [
        "reports/b.txt",
        "reports/a.md",
        "reports/sub/c.text",
        "reports/sub/skip.pdf",
        "reports/.hidden.txt",
        "reports/.git/d.txt",
        "reports/PROVENANCE.md",
        "reports/README.txt",
        "other/e.TXT",
    ]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("共1件", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rel(paths: list[str]) -> list[str]:
    return [Path(p).as_posix() for p in paths]


def test_discover_searches_folders_recursively_in_order(tree):
    # skip.pdf has no reader yet but is a report format: listed, so load reports it
    assert _rel(discover(["reports"])) == ["reports/a.md", "reports/b.txt", "reports/sub/c.text", "reports/sub/skip.pdf"]
    assert _rel(discover(["other"])) == ["other/e.TXT"]  # suffixes match case-insensitively


def test_discover_expands_globs_sorted(tree):
    # a glob names files like a shell would, folder docs included
    assert _rel(discover(["reports/*.txt"])) == ["reports/README.txt", "reports/b.txt"]
    assert _rel(discover(["*"])) == [  # a matching folder is searched
        "other/e.TXT",
        "reports/a.md",
        "reports/b.txt",
        "reports/sub/c.text",
        "reports/sub/skip.pdf",
    ]
    assert _rel(discover(["reports/**/*.t*"])) == ["reports/README.txt", "reports/b.txt", "reports/sub/c.text"]
    assert discover(["nothing/*.txt"]) == ["nothing/*.txt"]  # kept, so load reports it


def test_discover_keeps_named_files_for_load_to_report(tree):
    assert _rel(discover(["missing.txt", "reports/sub/skip.pdf", "-"])) == [
        "missing.txt",
        "reports/sub/skip.pdf",
        "-",
    ]


def test_folder_docs_are_skipped_in_folders_but_audited_when_named(tree):
    assert "reports/PROVENANCE.md" not in _rel(discover(["reports"]))
    assert _rel(discover(["reports/PROVENANCE.md"])) == ["reports/PROVENANCE.md"]


def test_discover_drops_duplicates_keeping_the_first(tree):
    found = discover(["reports/b.txt", "reports", "./reports/b.txt", str(tree / "reports/a.md"), "-", "-"])
    assert _rel(found) == ["reports/b.txt", "reports/a.md", "reports/sub/c.text", "reports/sub/skip.pdf", "-"]


def test_a_registered_reader_is_picked_up_everywhere(tree, monkeypatch):
    monkeypatch.setitem(ingest.READERS, ".pdf", ingest.READERS[".txt"])
    assert ".pdf" in ingest.SUPPORTED_SUFFIXES
    assert "reports/sub/skip.pdf" in _rel(discover(["reports"]))
    assert load("reports/sub/skip.pdf").text == "共1件"


def test_supported_suffixes():
    assert set(ingest.SUPPORTED_SUFFIXES) == {".txt", ".text", ".md", ".pdf", ".docx", ".html", ".htm", ".xlsx", ".xls"}


@pytest.mark.parametrize("expected", [0, 10, 2_500_000, 3_000_000])
def test_reading_stops_one_byte_past_the_limit_whatever_size_was_expected(expected):
    """A file that grew since it was opened, or a pipe (nothing expected), is read to the end or
    to one byte past the limit, so an oversize input is always seen as one."""
    import io

    from audit.ingest import _read_at_most

    content = bytes(range(256)) * 10_000  # 2.56 MB, more than one block
    assert _read_at_most(io.BytesIO(content), len(content) + 1, expected) == content
    assert _read_at_most(io.BytesIO(content), 1000, expected) == content[:1000]
    assert _read_at_most(io.BytesIO(content), len(content), expected) == content


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(tmp_path):
    path = tmp_path / "edge.txt"
    path.write_text("共123件" * 10, encoding="utf-8")
    size = path.stat().st_size
    assert load(str(path), max_bytes=size).text == "共123件" * 10
    assert str(size - 1) in _error(path, max_bytes=size - 1).message_en
