"""Regression over the development corpus (../shared/corpus): every finding there was read by
hand and is right; anything new is either a new true finding (add it) or a false alarm (fix it).
Skips when ../shared is absent: the project stands alone."""

from __future__ import annotations

from pathlib import Path

from audit.pipeline import audit_paths

from conftest import require_shared

# (file, rule, expected, observed) — checked by hand against the text.
EXPECTED = {
    ("029.txt", "SUM002", 411, 407),  # 307 + 97 + 3 = 407 of 主动公开信息411条
    ("053.txt", "SUM003", 4428, 4219),  # 12 + 1128 + 3079 of 4428: a partial list (info)
    ("022.txt", "PCT002", 42, 41),  # 其他公文5条，占41% of 累计主动公开12条: 41.67% truncated
    # 答复政府信息公开申请805件…予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%:
    # 258/805 = 32.05% (no rounding gives 33.9%); 35/805 = 4.348% prints 4.34% only truncated.
    ("004.txt", "PCT001", 32.0, 33.9),
    ("004.txt", "PCT002", 4.35, 4.34),
    # 共主动公开政府信息734条… 在主动公开的信息中,机构职能类信息16条…占总体的比例为2.8 %:
    # 16/734 = 2.18%. The excerpt ends inside the list, so its 16 + 25 of 734 is a partial list (info).
    ("008.txt", "PCT001", 2.2, 2.8),
    ("008.txt", "SUM003", 734, 41),
}


def test_corpus_pages_give_exactly_the_known_findings():
    pages = require_shared("corpus/pages")
    report = audit_paths([str(pages)])
    assert len(report.documents) == len(list(pages.glob("*.txt"))) + 1  # + INDEX.md
    found = {
        (Path(d.path).name, f.rule, f.expected, f.observed)
        for d in report.documents
        for f in d.findings
    }
    assert found == EXPECTED
