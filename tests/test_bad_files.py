"""Bad files: each kind is audited in a batch beside a good sample, and comes out as a finding that says what is wrong.

Every bad file is generated here (PDFs as in test_ingest_formats, DOCX with
python-docx, OLE2 containers and zip bombs by hand), so nothing binary is
checked in. For each kind the command line is run over a folder holding the
bad file and a copy of a sample, and the JSON must list both with their
status, carry the expected INP finding in Chinese and English, and print no
traceback.
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import jsonschema
import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.ingest import IngestError, archive, load, sniff

from conftest import SAMPLES, require_shared
from test_ingest_formats import make_pdf, pdf_text

GOOD = SAMPLES / "000_be58ca886fa7a997.txt"
SCHEMA = json.loads((Path(__file__).parent / "schema" / "report.schema.json").read_text("utf-8"))
REPORT_TITLE = "某县2023年政府信息公开工作年度报告"


# ------------------------------------------------------------------------ makers


def a_pdf() -> bytes:
    return make_pdf([pdf_text(72, 740, "Annual report 2023"), pdf_text(72, 700, "Applications received: 21")])


def a_docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs or (REPORT_TITLE, "一、总体情况", "本年共受理政府信息公开申请21件。"):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_cfb(*streams: str) -> bytes:
    """A minimal OLE2 compound file ([MS-CFB] version 3, 512-byte sectors) whose
    directory holds a root and empty streams named ``streams``: the header, one
    FAT sector (sector 0) and one directory sector (sector 1)."""
    free, end_of_chain, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(512)
    header[:8] = sniff.OLE_MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)  # versions, byte order, sector shifts
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *[free] * 108)
    fat = struct.pack("<128I", fat_sector, end_of_chain, *[free] * 126)
    entries = b""
    names = ["Root Entry", *streams]
    for i, name in enumerate(names):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le")
        entry[: len(encoded)] = encoded
        kind = 5 if i == 0 else 2
        child = 1 if i == 0 and streams else free
        right = i + 1 if 0 < i < len(names) - 1 else free
        struct.pack_into("<HBB", entry, 64, len(encoded) + 2, kind, 1)
        struct.pack_into("<III", entry, 68, free, right, child)
        struct.pack_into("<II", entry, 116, end_of_chain, 0)
        entries += entry
    assert len(entries) <= 512
    return bytes(header) + fat + entries.ljust(512, b"\x00")


ENCRYPTED_OOXML = ("EncryptionInfo", "EncryptedPackage")  # what Office writes for a password-protected file


def with_bomb(data: bytes, name: str, size: int = 50 * 1024 * 1024) -> bytes:
    """The ZIP ``data`` with one more member: ``size`` zero bytes, deflated (~1000:1)."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as archive_:
        archive_.writestr(name, bytes(size))
    return out.getvalue()


def an_xlsx() -> bytes:
    """The parts that make a ZIP an XLSX by its names (enough for the checks made before parsing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive_:
        archive_.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive_.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
    return out.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


# ----------------------------------------------------------------- the bad files


@dataclass(frozen=True)
class Bad:
    """A bad file, and the finding it must produce."""

    name: str
    make: Callable[[], bytes]
    rule: str
    zh: str  # a key part of the Chinese message
    en: str  # a key part of the English message
    args: tuple[str, ...] = ()

    @property
    def severity(self) -> str:
        return "warning" if self.rule == "INP003" else "error"


BAD = {
    "empty": Bad("empty.txt", lambda: b"", "INP001", "文件为空", "the file is empty"),
    "binary": Bad("binary.txt", lambda: bytes(range(256)) * 8, "INP001", "二进制", "binary content"),
    "truncated-pdf": Bad("truncated.pdf", lambda: a_pdf()[: len(a_pdf()) // 2], "INP001", "PDF 文件已损坏", "the PDF is damaged"),
    "truncated-docx": Bad(
        "truncated.docx", lambda: a_docx()[: len(a_docx()) // 2], "INP001", "文件不完整", "truncated or damaged"
    ),
    "encrypted-pdf": Bad(
        "locked.pdf", lambda: make_pdf([pdf_text(72, 700, "secret")], encrypted=True), "INP001", "PDF 已加密", "encrypted"
    ),
    "password-docx": Bad(
        "locked.docx",
        lambda: make_cfb(*ENCRYPTED_OOXML),
        "INP001",
        "DOCX 文件已加密（设置了打开密码）",
        "the DOCX file is encrypted (password-protected)",
    ),
    "over-size-limit": Bad(
        "huge.txt",
        lambda: GOOD.read_bytes() * 2,
        "INP001",
        f"文件过大（超过 {GOOD.stat().st_size} 字节的上限）",
        f"file too large (over the limit of {GOOD.stat().st_size} bytes)",
        ("--max-bytes", str(GOOD.stat().st_size)),
    ),
    "zip-bomb-docx": Bad(
        "bomb.docx", lambda: with_bomb(a_docx(), "word/media/image1.bin"), "INP001", "DOCX 文件疑似压缩炸弹", "zip bomb"
    ),
    "zip-bomb-xlsx": Bad(
        "bomb.xlsx", lambda: with_bomb(an_xlsx(), "xl/media/image1.bin"), "INP001", "XLSX 文件疑似压缩炸弹", "zip bomb"
    ),
    "pdf-named-txt": Bad("report.txt", a_pdf, "INP003", "扩展名为 .txt，但内容是 PDF 文件", "named .txt but holds a PDF file"),
    "docx-named-pdf": Bad(
        "report.pdf", a_docx, "INP003", "扩展名为 .pdf，但内容是 Word 文档（.docx）", "named .pdf but holds a Word document"
    ),
    "png-named-pdf": Bad("scan.pdf", lambda: PNG, "INP001", "扩展名为 .pdf，但内容是 PNG 图片", "named .pdf but holds a PNG image"),
    "doc-named-docx": Bad(
        "old.docx",
        lambda: make_cfb("WordDocument", "1Table"),
        "INP001",
        "扩展名为 .docx，但内容是旧版 Word（.doc）文件，请另存为 .docx",
        "named .docx but holds a legacy Word (.doc) file; save it as .docx",
    ),
    "unsupported-doc": Bad(
        "old.doc",
        lambda: make_cfb("WordDocument", "1Table"),
        "INP001",
        "不支持的文件格式：.doc（内容是旧版 Word（.doc）文件，请另存为 .docx",
        "unsupported file format: .doc (it holds a legacy Word (.doc) file: save it as .docx",
    ),
}


@pytest.fixture
def batch(tmp_path):
    """Run ``audit check --format json`` over a folder with one bad file and a good sample."""

    def run(bad: Bad) -> dict:
        folder = tmp_path / "in"
        folder.mkdir()
        shutil.copy(GOOD, folder / GOOD.name)
        (folder / bad.name).write_bytes(bad.make())
        result = CliRunner().invoke(
            app, ["check", str(folder), "--format", "json", "-o", str(tmp_path / "out"), *bad.args]
        )
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.stdout + result.stderr
        payload = json.loads(result.stdout)
        jsonschema.validate(payload, SCHEMA)
        by_name = {Path(d["path"]).name: d for d in payload["documents"]}
        assert set(by_name) == {GOOD.name, bad.name}  # every input is listed
        assert all(d["status"] in ("pass", "warn", "fail", "error") for d in by_name.values())
        assert payload["summary"]["documents"] == 2
        errors = payload["summary"]["findings"]["error"]
        assert result.exit_code == (1 if errors else 0)
        good = by_name[GOOD.name]
        assert good["status"] != "error" and good["report_year"] is not None  # the bad file hurt no one else
        return by_name[bad.name]

    return run


@pytest.mark.parametrize("bad", BAD.values(), ids=BAD.keys())
def test_a_bad_file_in_a_batch(batch, bad):
    result = batch(bad)
    [finding] = [f for f in result["findings"] if f["category"] == "input"]
    assert (finding["rule"], finding["severity"]) == (bad.rule, bad.severity)
    assert bad.zh in finding["message_zh"], finding["message_zh"]
    assert bad.en in finding["message_en"], finding["message_en"]
    if bad.rule == "INP001":
        assert result["status"] == "error" and result["dating"] is None  # not read
    else:
        assert result["dating"] is not None  # read and audited


def test_a_document_read_despite_its_extension_is_a_warning_not_unreadable(batch):
    result = batch(BAD["docx-named-pdf"])
    assert result["status"] in ("warn", "fail")


def test_a_docx_named_pdf_is_audited_like_the_docx(batch):
    result = batch(BAD["docx-named-pdf"])
    assert result["report_year"] == 2023
    assert result["dating"]["title_year"] == 2023


# ------------------------------------------------------------------ ingest level


def test_wrong_extension_is_read_as_what_it_is(tmp_path):
    (tmp_path / "report.txt").write_bytes(a_pdf())
    document = load(str(tmp_path / "report.txt"))
    assert document.format == "pdf" and "Applications received: 21" in document.text
    [(zh, en)] = document.meta["ingest_warnings"]
    assert zh == "扩展名为 .txt，但内容是 PDF 文件，已按实际格式读取；请将扩展名改为 .pdf"
    assert en == "the file is named .txt but holds a PDF file; it was read as such — rename it to .pdf"


def test_a_web_page_saved_as_txt_is_read_as_html_without_a_warning(tmp_path):
    page = "\ufeff  <!DOCTYPE html><html><body><p>共受理申请<b>21</b>件。</p><script>x=1999</script></body></html>"
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    document = load(str(tmp_path / "page.txt"))
    assert (document.format, document.text) == ("html", "共受理申请21件。\n")
    assert "ingest_warnings" not in document.meta


def test_plain_text_named_docx_is_read_as_text_with_a_warning(tmp_path):
    (tmp_path / "report.docx").write_text("共受理申请21件。", encoding="gb18030")
    document = load(str(tmp_path / "report.docx"))
    assert (document.format, document.text) == ("text", "共受理申请21件。")
    [(zh, _)] = document.meta["ingest_warnings"]
    assert zh.startswith("扩展名为 .docx，但内容是纯文本")


def test_unrecognised_bytes_under_a_pdf_name_say_neither_pdf_nor_text(tmp_path):
    (tmp_path / "report.pdf").write_bytes(bytes(range(256)) * 8)
    with pytest.raises(IngestError) as info:
        load(str(tmp_path / "report.pdf"))
    assert info.value.message_zh.startswith("不是有效的 PDF 文件：扩展名为 .pdf，但内容既不是该格式，也不是文字")
    assert "neither that format nor text" in info.value.message_en


def test_stdin_is_read_as_what_it_is(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(a_pdf())))
    document = load("-")
    assert document.format == "pdf" and "ingest_warnings" not in document.meta
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(make_cfb("WordDocument"))))
    with pytest.raises(IngestError) as info:
        load("-")
    assert info.value.message_zh == "标准输入的内容是旧版 Word（.doc）文件，无法读取（请另存为 .docx）"


@pytest.mark.parametrize(
    "name, message",
    [
        ("zxj6827111-blip__KIROGOVCOMPARE/hzq2023_working.pdf", "the PDF is damaged"),
        ("zxj6827111-blip__govnianbao/政务公开年报模版.docx", "truncated or damaged"),
    ],
)
def test_a_real_report_cut_in_half(tmp_path, name, message):
    source = require_shared("corpus/fetched") / name
    data = source.read_bytes()
    (tmp_path / source.name).write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError) as info:
        load(str(tmp_path / source.name))
    assert message in info.value.message_en


def test_content_without_a_reader_is_refused_naming_both(tmp_path):
    (tmp_path / "report.docx").write_bytes(b"{\\rtf1\\ansi 2023}")
    with pytest.raises(IngestError) as info:
        load(str(tmp_path / "report.docx"))
    assert info.value.message_zh == "不是有效的 DOCX 文件：扩展名为 .docx，但内容是 RTF 文档，请另存为 .docx"
    assert info.value.message_en == "not a valid DOCX file: it is named .docx but holds an RTF document; save it as .docx"


def test_a_legacy_workbook_named_docx_goes_to_the_xls_reader(tmp_path):
    (tmp_path / "table.docx").write_bytes(make_cfb("Workbook"))  # an empty Workbook stream
    with pytest.raises(IngestError) as info:
        load(str(tmp_path / "table.docx"))
    assert "XLS" in info.value.message_zh and "DOCX" not in info.value.message_zh


# ------------------------------------------------------------------------ sniff


SIGNATURES = {
    "pdf": (b"%PDF-1.7\n", sniff.Kind.PDF),
    "pdf-after-junk": (b"junk before the header " * 10 + b"%PDF-1.4", sniff.Kind.PDF),
    "pdf-too-far": (b"x" * 1024 + b"%PDF-1.4", sniff.Kind.TEXT),  # past the first 1024 bytes
    "html-bom-space": (b"\xef\xbb\xbf\r\n <!doctype HTML><html>", sniff.Kind.HTML),
    "html-xml-comment": (b'<?xml version="1.0"?>\n<!-- saved --><html xmlns="x">', sniff.Kind.HTML),
    "html-utf16": ("\ufeff<html><body>".encode("utf-16-le"), sniff.Kind.HTML),
    "fragment": (b"<p>not a page</p>", sniff.Kind.TEXT),
    "text-mentioning-html": ("共1件 <html>".encode("gb18030"), sniff.Kind.TEXT),
    "png": (PNG, sniff.Kind.PNG),
    "jpeg": (b"\xff\xd8\xff\xe0", sniff.Kind.JPEG),
    "gif": (b"GIF89a", sniff.Kind.GIF),
    "rtf": (b"{\\rtf1\\ansi", sniff.Kind.RTF),
    "encrypted-ooxml": (make_cfb(*ENCRYPTED_OOXML), sniff.Kind.OLE_ENCRYPTED),
    "doc": (make_cfb("WordDocument"), sniff.Kind.OLE_WORD),
    "xls": (make_cfb("Workbook"), sniff.Kind.OLE_EXCEL),
    "xls-biff5": (make_cfb("Book"), sniff.Kind.OLE_EXCEL),
    "other-ole": (make_cfb("Contents"), sniff.Kind.OLE_OTHER),
    "ole-fragment": (b"\xd0\xcf\x11\xe0 an old .doc file", sniff.Kind.OLE_OTHER),
}


@pytest.mark.parametrize("data, kind", SIGNATURES.values(), ids=SIGNATURES.keys())
def test_sniff_by_signature(data, kind):
    assert sniff.sniff(data) is kind


def test_sniff_zip_members():
    assert sniff.sniff(a_docx()) is sniff.Kind.DOCX
    assert sniff.sniff(an_xlsx()) is sniff.Kind.XLSX
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive_:
        archive_.writestr("OFD.xml", "<ofd/>")
    assert sniff.sniff(out.getvalue()) is sniff.Kind.OFD
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive_:
        archive_.writestr("report.pdf", "%PDF-1.4")
    assert sniff.sniff(out.getvalue()) is sniff.Kind.ZIP
    # No central directory: the names in the local headers still tell a DOCX.
    assert sniff.sniff(a_docx()[:2000]) is sniff.Kind.DOCX
    assert sniff.sniff(b"PK\x03\x04" + bytes(100)) is sniff.Kind.ZIP_DAMAGED


def test_cfb_directory_names_are_read_from_the_directory_sector():
    data = make_cfb(*ENCRYPTED_OOXML)
    assert sniff.cfb_names(data) == {"Root Entry", *ENCRYPTED_OOXML}
    # A stream's name elsewhere than in the directory (its data, say) does not count.
    other = make_cfb("WordDocument") + "EncryptedPackage".encode("utf-16-le") + b"\x00\x00"
    assert sniff.sniff(other) is sniff.Kind.OLE_WORD


def test_the_hand_made_cfb_reads_in_an_independent_parser():
    pytest.importorskip("xlrd")
    from xlrd.compdoc import CompDoc

    data = make_cfb(*ENCRYPTED_OOXML)
    assert {e.name for e in CompDoc(data, logfile=io.StringIO()).dirlist} >= set(ENCRYPTED_OOXML)


# ------------------------------------------------------------------- check_zip


def test_a_good_docx_passes_check_zip():
    archive.check_zip(a_docx(), "DOCX")


def test_the_real_docx_template_passes_check_zip():
    path = require_shared("corpus/fetched/zxj6827111-blip__govnianbao/政务公开年报模版.docx")
    archive.check_zip(path.read_bytes(), "DOCX")


def test_check_zip_names_what_is_not_a_zip():
    with pytest.raises(IngestError) as info:
        archive.check_zip(b"%PDF-1.4 ...", "DOCX")
    assert info.value.message_zh == "不是有效的 DOCX 文件（内容不是 ZIP 格式）"
    with pytest.raises(IngestError) as info:
        archive.check_zip(make_cfb(*ENCRYPTED_OOXML), "XLSX")
    assert info.value.message_en.startswith("the XLSX file is encrypted (password-protected)")
    with pytest.raises(IngestError) as info:
        archive.check_zip(make_cfb("WordDocument"), "DOCX")
    assert info.value.message_zh == "不是有效的 DOCX 文件：内容是旧版 Word（.doc）文件，请另存为 .docx"


def test_zip_bomb_ratio_reads_only_declared_sizes():
    # 2 MB of zeros is over 100:1 and over 1 MB: refused. 1 MB exactly is small enough to pass.
    with pytest.raises(IngestError) as info:
        archive.check_zip(with_bomb(a_docx(), "word/zeros.bin", 2 * 1024 * 1024), "DOCX")
    assert "word/zeros.bin" in info.value.message_zh and "limit 100:1" in info.value.message_en
    archive.check_zip(with_bomb(a_docx(), "word/zeros.bin", 1024 * 1024), "DOCX")


def test_zip_bomb_member_count_and_total_size(monkeypatch):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive_:
        for i in range(archive.MAX_MEMBERS + 1):
            archive_.writestr(f"word/part{i}.xml", b"")
    many = out.getvalue()
    with pytest.raises(IngestError) as info:
        archive.check_zip(many, "DOCX")
    assert f"declares {archive.MAX_MEMBERS + 1} members" in info.value.message_en
    assert sniff.sniff(many) is sniff.Kind.DOCX  # from the local headers: the directory is not parsed
    # An end record that understates the count: zipfile lists the members, and they are counted.
    eocd = many.rfind(b"PK\x05\x06")
    understated = many[: eocd + 8] + struct.pack("<HH", 1, 1) + many[eocd + 12 :]
    assert sniff.zip_directory(understated)[0] == 1
    with pytest.raises(IngestError) as info:
        archive.check_zip(understated, "DOCX")
    assert f"{archive.MAX_MEMBERS + 1} members, limit {archive.MAX_MEMBERS}" in info.value.message_en
    data = a_docx()
    total = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
    monkeypatch.setattr(archive, "MAX_TOTAL_UNCOMPRESSED", total - 1)
    with pytest.raises(IngestError) as info:
        archive.check_zip(data, "DOCX")
    assert f"解压后共 {total} 字节" in info.value.message_zh
